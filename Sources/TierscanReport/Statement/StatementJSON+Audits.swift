import TierscanCore

extension StatementJSON {
  static func number(_ n: Int) -> JSONValue { .number(Double(n)) }

  /// The `assessments`, `audit_findings` and `remediation` figures.
  static func auditFigure(_ key: StatementFigure, _ a: AuditFigures, previous: [String: Double]? = nil) -> JSONValue {
    switch key {
    case .assessments:
      return .object([
        ("period_end", .optional(a.periodEnd?.description)), ("period_start_exclusive", .optional(a.periodStart?.description)),
        ("period_end_from", .string(a.periodEndSource)),
        ("assessments_read", number(a.assessmentsRead)),
        (
          "tier1",
          .object([
            ("suppliers", number(a.tier1Suppliers.count)), ("assessed", strings(a.tier1Assessed)),
            ("assessed_share", .optional(AuditFigures.share(a.tier1Assessed.count, a.tier1Suppliers.count))),
            ("spend", .optional(a.tier1Spend)), ("assessed_spend", .optional(a.tier1AssessedSpend)),
            ("assessed_spend_share", .optional(a.tier1Spend.flatMap { t in t > 0 ? (a.tier1AssessedSpend ?? 0) / t : nil })),
          ])
        ),
        (
          "high_or_critical",
          .object([
            ("entities", number(a.highRisk.count)), ("assessed", strings(a.highRiskAssessed)),
            ("assessed_share", .optional(AuditFigures.share(a.highRiskAssessed.count, a.highRisk.count))),
            ("not_assessed", strings(a.highRisk.filter { id in !a.highRiskAssessed.contains { $0.utf8Equals(id) } })),
          ])
        ),
        ("by_tier", .array(a.byTier.map { .object([("tier", number($0.tier)), ("entities", number($0.entities)), ("assessed", number($0.assessed))]) })),
        ("in_period", number(a.inPeriod)), ("by_scheme", counts(a.byScheme)), ("by_type", counts(a.byType)),
        ("announcement_given", number(a.announcementGiven)), ("unannounced", number(a.unannounced)),
        ("unannounced_share", .optional(AuditFigures.share(a.unannounced, a.announcementGiven))),
        ("not_valid_at_period_end", strings(a.notValid)),
      ])
    case .auditFindings:
      return .object([
        ("findings_read", number(a.findingsRead)), ("raised_in_period", number(a.raisedInPeriod)),
        ("by_category", .array(a.findingsByCategory.map { .object([("category", .string($0.category)), ("by_severity", counts($0.bySeverity))]) })),
        ("by_ilo_indicator", counts(a.findingsByIndicator)),
        ("open_critical", strings(a.openCritical)), ("assessed_suppliers", number(a.assessedSuppliers)), ("open_critical_per_100_assessed_suppliers", .optional(a.openCriticalPer100Assessed)),
        ("not_counted", .object([("unlinked", number(a.unlinked)), ("unmapped_severity", number(a.unmappedSeverity))])),
      ])
    default:
      return .object([
        ("open_at_period_start", number(a.openAtStart)), ("raised_in_period", number(a.raisedInPeriod)),
        ("verified_closed_in_period", number(a.closedInPeriod)), ("remediation_rate", .optional(a.remediationRate)),
        (
          "days_to_close",
          .array(a.daysToClose.map {
            .object([("severity", .string($0.severity)), ("closed", number($0.closed)), ("median", .optional($0.median)), ("p90", .optional($0.p90))])
          })
        ),
        ("overdue", strings(a.overdue)), ("repeat_findings", strings(a.repeats)),
        ("with_worker_remedy", number(a.withRemedy)), ("remedies", counts(a.remedies)),
        ("kpis", AuditKPIs.object(a)),
      ])
    }
  }
}
