import TierscanCore

/// The `audit-finding` inherent-risk rule (docs/audits.md): an open or unverified finding
/// raises r₀ of the audited entity (the site when known, else the supplier) by its severity's
/// score; a verified-closed finding keeps `verified_factor` × that score until
/// `verified_window_months` after its `closed_date`, measured to the period end (never the
/// clock). Like every rule it only adds evidence and can only raise r₀ (max with the others).
public struct AuditFindingRule: Sendable {
  /// The rule id in `paths.json`.
  public static let id = RiskRuleID.auditFinding
  public let config: AuditConfig

  /// Creates the rule.
  public init(config: AuditConfig) { self.config = config }

  /// What happened to the findings, counted (for the docs' "never a silent clean").
  public struct Tally: Sendable, Equatable {
    public var scored = 0
    public var decayed = 0
    public var afterPeriod = 0
    public var unlinked = 0
    public var unmapped = 0
    /// Category and indicators name no risk category (e.g. a health-and-safety finding).
    public var noRiskCategory = 0
    /// Scored 0 (observations by default).
    public var zeroScore = 0
  }

  /// The risk categories a finding raises: its category's mapping and, with any ILO indicator,
  /// `ilo_indicator_category`, in config order.
  public func riskCategories(of record: AuditFindingRecord, in risk: InherentRisk) -> [Int] {
    var names: [String] = []
    if let mapped = config.categories[record.category] { names.append(mapped) }
    if !record.iloIndicators.isEmpty { names.append(config.iloIndicatorCategory) }
    return risk.categories.indices.filter { c in names.contains { $0.utf8Equals(risk.categories[c]) } }
  }

  /// Adds a rule for every finding that scores.
  ///
  /// - Complexity: O(F · C).
  @discardableResult
  public func apply(_ evidence: AuditEvidence, to risk: inout InherentRisk, findings log: inout FindingLog) -> Tally {
    var tally = Tally()
    guard let end = evidence.periodEnd else { return tally }
    for finding in evidence.findings {
      let record = finding.record
      guard let a = finding.assessment else {
        tally.unlinked += 1
        continue
      }
      let assessment = evidence.assessments[a]
      guard let subject = assessment.subject else {
        tally.unlinked += 1
        log.add(
          .warning, .unknownSupplier, at: record.provenance,
          "finding '\(record.id)': assessment '\(assessment.record.id)' names no entity in the graph; the finding is not scored")
        continue
      }
      guard let severity = finding.severity else {
        tally.unmapped += 1
        continue
      }
      if finding.isAfterPeriod {
        tally.afterPeriod += 1
        continue
      }
      let categories = riskCategories(of: record, in: risk)
      guard !categories.isEmpty else {
        tally.noRiskCategory += 1
        continue
      }
      var score = config.score(of: severity)
      var windowEnd: ISODate?
      if finding.isVerifiedClosed, let closed = record.closedDate {
        let until = closed.adding(months: config.verifiedWindowMonths)
        guard until >= end else {
          tally.decayed += 1
          continue
        }
        windowEnd = until
        score *= config.verifiedFactor
      }
      guard score > 0 else {
        tally.zeroScore += 1
        continue
      }
      tally.scored += 1
      let a0 = assessment.record
      var items: [(String, JSONValue)] = [
        ("assessment", .string(a0.id)), ("finding", .string(record.id)), ("scheme", .string(a0.scheme)),
        ("assessment_date", .string(a0.date.description)),
        ("audited", .string(assessment.site != nil ? "site" : "supplier")),
        ("finding_category", .string(record.category.rawValue)), ("code_ref", .optional(record.codeRef)),
        ("severity_raw", .optional(record.severityRaw)), ("severity", .string(severity.rawValue)),
        ("severity_from", .string(record.severity != nil ? "input" : evidence.severityMapVersion)),
        ("ilo_indicators", .array(record.iloIndicators.map { .string($0.rawValue) })),
        ("status", .string(record.status.rawValue)),
        ("state_at_period_end", .string(finding.isVerifiedClosed ? "verified-closed" : "open")),
        ("raised_date", .optional(finding.raised?.description)), ("due_date", .optional(record.dueDate?.description)),
        ("closed_date", .optional(record.closedDate?.description)), ("period_end", .string(end.description)),
      ]
      if let windowEnd {
        items.append(("reduced_until", .string(windowEnd.description)))
        items.append(("factor", .number(config.verifiedFactor)))
      }
      for c in categories {
        risk.add(
          RuleHit(rule: Self.id, category: risk.categories[c], score: score, provenance: record.provenance, evidence: items),
          to: subject, in: c)
      }
    }
    return tally
  }
}
