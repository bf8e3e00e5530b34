/// A figure of the statement pack: its key in `statement.json`'s `figures` object and in each
/// section's `figures` list. Renderers switch over every case, so a figure a section cites but
/// no renderer draws is a compile error, never a blank.
///
/// The declaration order is the order of `statement.json`'s `figures` object.
public enum StatementFigure: String, Sendable, Hashable, CaseIterable {
  /// The reporting entity in the data.
  case organisation
  /// Suppliers by tier, country and sector.
  case structure
  /// Owned or controlled entities.
  case ownership
  /// The focus's own exposure per category.
  case focusExposure = "focus_exposure"
  /// Country-commodity rows and list matches behind the exposures.
  case riskSources = "risk_sources"
  /// Flagged exposures in the chain by level and category.
  case flagged
  /// Entities of the chain no inherent-risk input of a category could apply to, by reason.
  case unassessed
  /// Disclosure coverage per tier.
  case coverage
  /// Indicators computed from the data.
  case coverageKPIs = "coverage_kpis"
  /// CMRT responses.
  case cmrt
  /// Smelters by RMAP status.
  case smelters
  /// Assessment coverage (tier 1, high-risk entities, per tier) and assessments in the period.
  case assessments
  /// Audit findings raised in the period by category, severity and ILO indicator; open critical.
  case auditFindings = "audit_findings"
  /// Remediation KPIs: rate, days to close, overdue, repeats, worker remedies.
  case remediation
  /// Reference data that was missing.
  case referenceData = "reference_data"
  /// Data-quality findings by severity.
  case dataQuality = "data_quality"
  /// The change since `--previous` (present only then).
  case change
}
