import TierscanCore

/// The risk stage's checks of the inputs that need no focus: risk-list and country-risk rows
/// whose category the configuration does not know (`unknown-category`), and shares held in one
/// entity summing over 100 % (`ownership-over-100`). `validate` runs them so that every input
/// problem a scan would report is reported without a focus too.
public enum RiskInputCheck {
  /// The findings of scoring inherent risk on `graph` with `config`.
  ///
  /// - Complexity: that of ``InherentRiskScorer/score(graph:inputs:findings:)``.
  public static func findings(graph: SupplyGraph, inputs: RiskInputs, config: RiskConfig = .defaults) -> [Finding] {
    var log = FindingLog()
    _ = InherentRiskScorer(config: config).score(graph: graph, inputs: inputs, findings: &log)
    return log.findings
  }
}
