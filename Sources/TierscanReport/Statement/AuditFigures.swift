import TierscanCore
import TierscanRisk

/// Assessment coverage and audit KPIs as of the period end (docs/statement.md, "Assessments and
/// audit findings"): every figure is a count over the linked assessments and findings
/// (``AuditEvidence``), judged at ``periodEnd``; the period is the twelve months ending there.
public struct AuditFigures: Sendable {
  /// Counts per neutral severity (critical, major, minor, observation) of one category.
  public struct CategoryRow: Sendable, Hashable {
    public var category: String
    public var bySeverity: [StatementFigures.Count]
  }

  /// Days from raised to verified closure, of findings closed in the period.
  public struct DaysToClose: Sendable, Hashable {
    /// A severity, or `all`.
    public var severity: String
    public var closed: Int
    public var median: Double?
    public var p90: Int?
  }

  /// Assessment coverage of one tier.
  public struct TierRow: Sendable, Hashable {
    public var tier: Int
    public var entities: Int
    public var assessed: Int
  }

  /// The period end and start (exclusive), `nil` without audit inputs.
  public var periodEnd: ISODate?
  public var periodStart: ISODate?
  /// `given` (`--period-end` or the statement year) or `newest-input-date`.
  public var periodEndSource: String
  public var assessmentsRead: Int
  public var findingsRead: Int

  /// Direct suppliers of the focus (`supplies`/`subcontracts` into it), by id.
  public var tier1Suppliers: [String]
  /// Those with a valid assessment at the period end.
  public var tier1Assessed: [String]
  /// Spend on the focus's direct-supply edges (`spend` attribute), total and with assessed
  /// suppliers; `nil` when no edge gives a spend.
  public var tier1Spend: Double?
  public var tier1AssessedSpend: Double?
  /// Entities in the chain whose highest exposure is high or critical, and those assessed.
  public var highRisk: [String]
  public var highRiskAssessed: [String]
  /// Assessed entities per tier.
  public var byTier: [TierRow]
  /// Assessments dated in the period, by scheme and by type.
  public var inPeriod: Int
  public var byScheme: [StatementFigures.Count]
  public var byType: [StatementFigures.Count]
  /// In-period assessments that say how they were announced, and the unannounced ones.
  public var announcementGiven: Int
  public var unannounced: Int
  /// Assessments not valid at the period end (past `valid_until` or older than `max_age_months`), by id.
  public var notValid: [String]
  /// Findings raised in the period by category × severity, and by ILO indicator.
  public var findingsByCategory: [CategoryRow]
  public var findingsByIndicator: [StatementFigures.Count]
  /// Findings raised in the period.
  public var raisedInPeriod: Int
  /// Open at the period end with severity critical, by finding id.
  public var openCritical: [String]
  /// Open at the period end, past their `due_date`, by finding id.
  public var overdue: [String]
  /// Verified closed in the period, and open at its start.
  public var closedInPeriod: Int
  public var openAtStart: Int
  /// `closedInPeriod / (openAtStart + raisedInPeriod)`, `nil` when that is 0.
  public var remediationRate: Double? {
    let base = openAtStart + raisedInPeriod
    return base == 0 ? nil : Double(closedInPeriod) / Double(base)
  }
  public var daysToClose: [DaysToClose]
  /// Findings raised in the period whose category was also found at the same entity in its
  /// previous assessment, by finding id.
  public var repeats: [String]
  /// Findings raised in the period with a worker remedy, and the remedies by type.
  public var withRemedy: Int
  public var remedies: [StatementFigures.Count]
  /// Findings that count nowhere: no assessment, no entity, or an unmapped severity.
  public var unlinked: Int
  public var unmappedSeverity: Int

  /// Open critical findings per 100 assessed suppliers (suppliers with a valid assessment).
  public var openCriticalPer100Assessed: Double? {
    assessedSuppliers == 0 ? nil : Double(openCritical.count) * 100 / Double(assessedSuppliers)
  }
  /// Suppliers (the assessments' `supplier_id` entities, sites not counted) with a valid assessment.
  public var assessedSuppliers: Int

  /// Computes the figures.
  ///
  /// - Complexity: O(V + E + (A + F) log(A + F)).
  public init(analysis: RiskAnalysis) {
    let audits = analysis.audits
    let graph = analysis.graph
    let end = audits.periodEnd
    let start = end?.adding(months: -12)
    periodEnd = end
    periodStart = start
    periodEndSource = audits.periodEndSource
    assessmentsRead = audits.assessments.count
    findingsRead = audits.findings.count
    func inPeriod(_ date: ISODate?) -> Bool {
      guard let date, let start, let end else { return false }
      return date > start && date <= end
    }
    func ids(_ set: Set<EntityIndex>) -> [String] { set.map { graph.entities.id(of: $0) }.sorted { $0.utf8Precedes($1) } }

    // Entities with a valid assessment: the supplier and, for a site audit, the site.
    var assessed = Set<EntityIndex>()
    for a in audits.assessments where a.isValid {
      if let s = a.supplier { assessed.insert(s) }
      if let s = a.site { assessed.insert(s) }
    }
    assessedSuppliers = Set(audits.assessments.filter(\.isValid).compactMap(\.supplier)).count

    var direct = Set<EntityIndex>()
    var spend: [EntityIndex: Double] = [:]
    var anySpend = false
    for e in graph.incoming.edges(of: analysis.focus) {
      let edge = graph.relationships[Int(e)]
      guard edge.type == .supplies || edge.type == .subcontracts, edge.from != analysis.focus else { continue }
      direct.insert(edge.from)
      if let text = edge.attributes.first(where: { $0.key == "spend" })?.value, let value = Double(text), value.isFinite, value >= 0 {
        spend[edge.from, default: 0] += value
        anySpend = true
      }
    }
    tier1Suppliers = ids(direct)
    tier1Assessed = ids(direct.intersection(assessed))
    tier1Spend = anySpend ? direct.reduce(0) { $0 + (spend[$1] ?? 0) } : nil
    tier1AssessedSpend = anySpend ? direct.intersection(assessed).reduce(0) { $0 + (spend[$1] ?? 0) } : nil

    var high = Set<EntityIndex>()
    for exposure in analysis.exposures where exposure.level >= .high {
      if let tier = analysis.tiers[Int(exposure.entity)], tier >= 1 { high.insert(exposure.entity) }
    }
    highRisk = ids(high)
    highRiskAssessed = ids(high.intersection(assessed))
    var tierRows: [Int: (Int, Int)] = [:]
    for (v, tier) in analysis.tiers.enumerated() {
      guard let tier, tier >= 1 else { continue }
      tierRows[tier, default: (0, 0)].0 += 1
      if assessed.contains(EntityIndex(v)) { tierRows[tier, default: (0, 0)].1 += 1 }
    }
    byTier = tierRows.keys.sorted().map { TierRow(tier: $0, entities: tierRows[$0]!.0, assessed: tierRows[$0]!.1) }

    let current = audits.assessments.filter { !$0.isDuplicate && inPeriod($0.record.date) }
    self.inPeriod = current.count
    byScheme = StatementFigures.tally(current.map(\.record.scheme))
    byType = StatementFigures.tally(current.map { $0.record.type ?? "unspecified" })
    announcementGiven = current.filter { $0.record.announcement != nil }.count
    unannounced = current.filter { $0.record.announcement == "unannounced" }.count
    notValid = audits.assessments.filter { a in !a.isDuplicate && !a.isValid && (end.map { a.record.date <= $0 } ?? false) }
      .map(\.record.id).sorted { $0.utf8Precedes($1) }

    // Findings that count: linked to an assessment of a known entity, with a severity.
    var counted: [AuditEvidence.Finding] = []
    var unlinked = 0
    var unmapped = 0
    for f in audits.findings {
      guard let a = f.assessment, audits.assessments[a].subject != nil else {
        unlinked += 1
        continue
      }
      guard f.severity != nil else {
        unmapped += 1
        continue
      }
      counted.append(f)
    }
    self.unlinked = unlinked
    unmappedSeverity = unmapped
    let raised = counted.filter { inPeriod($0.raised) }
    raisedInPeriod = raised.count
    findingsByCategory = AuditFindingCategory.allCases.compactMap { category in
      let rows = raised.filter { $0.record.category == category }
      guard !rows.isEmpty else { return nil }
      return CategoryRow(
        category: category.rawValue,
        bySeverity: AuditSeverity.allCases.map { s in StatementFigures.Count(key: s.rawValue, count: rows.filter { $0.severity == s }.count) })
    }
    findingsByIndicator = ILOIndicator.allCases.compactMap { indicator in
      let n = raised.filter { $0.record.iloIndicators.contains(indicator) }.count
      return n == 0 ? nil : StatementFigures.Count(key: indicator.rawValue, count: n)
    }
    let byID: ([AuditEvidence.Finding]) -> [String] = { $0.map(\.record.id).sorted { $0.utf8Precedes($1) } }
    openCritical = byID(counted.filter { $0.isOpen && $0.severity == .critical })
    overdue = byID(counted.filter { f in f.isOpen && (f.record.dueDate.map { d in end.map { d < $0 } ?? false } ?? false) })
    func closedBy(_ date: ISODate, _ f: AuditEvidence.Finding) -> Bool {
      f.record.status.isVerifiedClosed && (f.record.closedDate.map { $0 <= date } ?? false)
    }
    let closed = counted.filter { $0.record.status.isVerifiedClosed && inPeriod($0.record.closedDate) }
    closedInPeriod = closed.count
    openAtStart = start.map { s in counted.filter { f in (f.raised.map { $0 <= s } ?? false) && !closedBy(s, f) }.count } ?? 0
    func days(_ rows: [AuditEvidence.Finding], _ label: String) -> DaysToClose {
      let values = rows.compactMap { f -> Int? in
        guard let r = f.raised, let c = f.record.closedDate else { return nil }
        return r.days(to: c)
      }.sorted()
      guard !values.isEmpty else { return DaysToClose(severity: label, closed: 0, median: nil, p90: nil) }
      let n = values.count
      let median = n % 2 == 1 ? Double(values[n / 2]) : Double(values[n / 2 - 1] + values[n / 2]) / 2
      let rank = (9 * n + 9) / 10  // nearest rank: ceil(0.9 n)
      return DaysToClose(severity: label, closed: n, median: median, p90: values[rank - 1])
    }
    daysToClose = [days(closed, "all")] + AuditSeverity.allCases.map { s in days(closed.filter { $0.severity == s }, s.rawValue) }

    // Repeats: per entity, its assessments by date; a finding whose category was found in the
    // entity's previous assessment.
    var bySubject: [EntityIndex: [Int]] = [:]
    for (i, a) in audits.assessments.enumerated() where !a.isDuplicate {
      if let s = a.subject { bySubject[s, default: []].append(i) }
    }
    var previous: [Int: Int] = [:]
    for (_, list) in bySubject {
      let ordered = list.sorted { a, b in
        let (x, y) = (audits.assessments[a].record, audits.assessments[b].record)
        return x.date != y.date ? x.date < y.date : x.id.utf8Precedes(y.id)
      }
      for k in ordered.indices.dropFirst() { previous[ordered[k]] = ordered[k - 1] }
    }
    var categoriesOf: [Int: Set<AuditFindingCategory>] = [:]
    for f in counted { if let a = f.assessment { categoriesOf[a, default: []].insert(f.record.category) } }
    repeats = byID(raised.filter { f in
      guard let a = f.assessment, let p = previous[a] else { return false }
      return categoriesOf[p]?.contains(f.record.category) ?? false
    })
    withRemedy = raised.filter { !$0.record.remedies.isEmpty }.count
    remedies = StatementFigures.tally(raised.flatMap(\.record.remedies))
  }

  /// `part / whole`, `nil` when `whole` is 0.
  static func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
}
