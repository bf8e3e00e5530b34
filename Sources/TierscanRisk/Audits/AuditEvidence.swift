import TierscanCore

/// Assessments and findings linked to the graph and to each other, judged at the period end:
/// which entity each assessment covers, each finding's assessment, neutral severity and state.
/// Problems are findings (`unknown-supplier`, `unknown-assessment`, …), never silent drops.
public struct AuditEvidence: Sendable {
  /// One assessment and where it landed.
  public struct Assessment: Sendable {
    public var record: AssessmentRecord
    /// The supplier entity, `nil` when unknown.
    public var supplier: EntityIndex?
    /// The site entity (site-level audits), `nil` when not given or unknown.
    public var site: EntityIndex?
    /// The entity the assessment's findings apply to: the site when known, else the supplier.
    public var subject: EntityIndex? { site ?? supplier }
    /// Whether it counts at the period end: done on or before it, not past `valid_until`, and
    /// not older than `audit.max_age_months`.
    public var isValid: Bool
    /// The first assessment with the same id (a duplicate is kept out of every figure).
    public var isDuplicate: Bool
  }

  /// One finding and its state at the period end.
  public struct Finding: Sendable {
    public var record: AuditFindingRecord
    /// Index into ``assessments``; `nil` when the assessment is missing.
    public var assessment: Int?
    /// The neutral severity (given, or mapped from `severity_raw`); `nil` when unmapped.
    public var severity: AuditSeverity?
    /// `raised_date`, else the assessment's date.
    public var raised: ISODate?
    /// Raised after the period end: not part of this period.
    public var isAfterPeriod: Bool
    /// Closed and verified on or before the period end.
    public var isVerifiedClosed: Bool
    /// Open at the period end (not verified-closed by then), raised on or before it.
    public var isOpen: Bool { !isAfterPeriod && !isVerifiedClosed }
  }

  public var assessments: [Assessment]
  public var findings: [Finding]
  /// The date everything is measured to.
  public var periodEnd: ISODate?
  /// Where ``periodEnd`` came from: `given` or `newest-input-date`, or `none`.
  public var periodEndSource: String
  /// The severity table's version.
  public var severityMapVersion: String

  /// An empty link (no audit inputs).
  public init() {
    (assessments, findings, periodEnd, periodEndSource, severityMapVersion) = ([], [], nil, "none", "")
  }

  /// Links `inputs` to `graph`.
  ///
  /// - Complexity: O(A + F + V) (V only when an unknown supplier id comes with identifiers).
  public init(inputs: AuditInputs, graph: SupplyGraph, config: AuditConfig, findings log: inout FindingLog) {
    periodEnd = inputs.periodEnd ?? inputs.newestDate
    periodEndSource = inputs.periodEnd != nil ? "given" : periodEnd != nil ? "newest-input-date" : "none"
    severityMapVersion = config.severityMap.version
    var byIdentifier: [String: EntityIndex]?
    func resolve(_ record: AssessmentRecord) -> EntityIndex? {
      if let index = graph.index(of: record.supplierID) { return index }
      let keys = [record.identifiers.lei.map { "lei:" + $0 }, record.identifiers.duns.map { "duns:" + $0 }, record.identifiers.cid.map { "cid:" + $0 }].compactMap { $0 }
      guard !keys.isEmpty else { return nil }
      if byIdentifier == nil {
        var table: [String: EntityIndex] = [:]
        for v in graph.entities.indices {
          let identifiers = graph.entities.identifiers(of: v)
          for key in [identifiers.lei.map { "lei:" + $0 }, identifiers.duns.map { "duns:" + $0 }, identifiers.cid.map { "cid:" + $0 }] {
            if let key, table[key] == nil { table[key] = EntityIndex(v) }
          }
        }
        byIdentifier = table
      }
      return keys.lazy.compactMap { byIdentifier?[$0] }.first
    }
    var firstByID: [RawKey: Int] = [:]
    var linked: [Assessment] = []
    for record in inputs.assessments {
      let duplicate = firstByID[RawKey(record.id)] != nil
      if duplicate {
        log.add(.warning, .duplicateAssessment, at: record.provenance, "assessment_id '\(record.id)' appears again; the first row is used")
      } else {
        firstByID[RawKey(record.id)] = linked.count
      }
      let supplier = resolve(record)
      if supplier == nil {
        log.add(
          .warning, .unknownSupplier, at: record.provenance,
          "assessment '\(record.id)' names supplier '\(record.supplierID)', which is not in the graph; it and its findings count nowhere")
      }
      var site: EntityIndex?
      if let siteID = record.siteID {
        site = graph.index(of: siteID)
        if site == nil {
          log.add(
            .warning, .unknownSite, at: record.provenance,
            "assessment '\(record.id)' names site '\(siteID)', which is not in the graph; its findings apply to the supplier")
        }
      }
      var valid = false
      if let end = periodEnd, record.date <= end {
        let expired = record.validUntil.map { $0 < end } ?? false
        let tooOld = record.date.adding(months: config.maxAgeMonths) < end
        valid = !expired && !tooOld
      }
      linked.append(Assessment(record: record, supplier: supplier, site: site, isValid: valid && !duplicate, isDuplicate: duplicate))
    }
    assessments = linked
    var seenFindings = Set<RawKey>()
    var out: [Finding] = []
    for record in inputs.findings {
      if !seenFindings.insert(RawKey(record.id)).inserted {
        log.add(.warning, .duplicateFinding, at: record.provenance, "finding_id '\(record.id)' appears again; both rows are kept as evidence")
      }
      let index = firstByID[RawKey(record.assessmentID)]
      if index == nil {
        log.add(
          .warning, .unknownAssessment, at: record.provenance,
          "finding '\(record.id)' names assessment '\(record.assessmentID)', which no assessments input holds; it is not scored")
      }
      let assessment = index.map { linked[$0].record }
      var severity = record.severity
      if severity == nil, let raw = record.severityRaw {
        severity = assessment.flatMap { config.severityMap.severity(of: raw, scheme: $0.scheme) }
        if severity == nil, let assessment {
          log.add(
            .warning, .unmappedSeverity, at: record.provenance,
            "severity '\(raw)' of scheme '\(assessment.scheme)' is not in the severity table (\(config.severityMap.version), table '\(config.severityMap.tableKey(for: assessment.scheme))'); the finding is not scored")
        }
      }
      let raised = record.raisedDate ?? assessment?.date
      var afterPeriod = false
      var verifiedClosed = false
      if let end = periodEnd {
        afterPeriod = raised.map { $0 > end } ?? false
        if record.status.isVerifiedClosed {
          if let closed = record.closedDate {
            verifiedClosed = closed <= end
          } else {
            log.add(
              .warning, .missingClosedDate, at: record.provenance,
              "finding '\(record.id)' is verified but has no closed_date; it is scored as open")
          }
        }
      }
      out.append(Finding(record: record, assessment: index, severity: severity, raised: raised, isAfterPeriod: afterPeriod, isVerifiedClosed: verifiedClosed))
    }
    findings = out
  }
}
