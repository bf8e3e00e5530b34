import TierscanCore

/// The risk stage's single entry point: inherent risk, aggregate ownership, propagation, tiers
/// and coverage (SPEC §3).
public struct RiskEngine: Sendable {
  public let config: RiskConfig

  /// Creates an engine.
  public init(config: RiskConfig = .defaults) { self.config = config }

  /// Analyses a graph.
  ///
  /// - Parameters:
  ///   - graph: the merged graph.
  ///   - riskList: risk-list rows in input order.
  ///   - countryRisk: country-commodity rows in input order (CSV and ILAB).
  ///   - smelterReferences: smelter status references; look-up entries (`status == nil`) are
  ///     ignored and never make smelter status "assessed".
  ///   - focus: the focus entity (resolve `--focus` with ``SupplyGraph/index(of:)``).
  /// - Returns: exposures, tiers, coverage and the risk stage's findings.
  /// - Complexity: O(C · D · (V + E)) for C categories and depth D, plus matching.
  public func analyze(
    graph: SupplyGraph, riskList: [RiskListEntry], countryRisk: [CountryRiskEntry],
    smelterReferences: [SmelterReference], focus: EntityIndex
  ) -> RiskAnalysis {
    var findings = FindingLog()
    let inherent = InherentRiskScorer(config: config).score(
      graph: graph, riskList: riskList, countryRisk: countryRisk, smelterReferences: smelterReferences,
      findings: &findings)
    let transmission = Transmission(graph: graph, config: config)
    let propagator = RiskPropagator()
    let order = config.categories.indices.sorted { config.categories[$0].utf8Precedes(config.categories[$1]) }
    var perCategory: [(Int, RiskPropagator.Result)] = []
    for c in order {
      perCategory.append(
        (c, propagator.propagate(graph: graph, transmission: transmission, inherent: inherent.scores[c], maxDepth: config.maxDepth)))
    }
    var exposures: [Exposure] = []
    for v in 0..<graph.entityCount {
      for (c, result) in perCategory where result.scores[v] > 0 {
        let entity = EntityIndex(v)
        guard let path = result.path(to: entity, transmission: transmission), let level = config.level(of: path.score)
        else { continue }
        exposures.append(
          Exposure(
            entity: entity, category: config.categories[c], score: path.score, level: level, path: path,
            rules: inherent.rules(of: path.source, in: c)))
      }
    }
    let tiers = Tiering(graph: graph, focus: focus).tiers
    let coverage = Coverage(
      graph: graph, tiers: tiers, hasRiskList: !riskList.isEmpty, hasCountryRisk: !countryRisk.isEmpty,
      hasSmelterStatus: smelterReferences.contains { $0.status != nil })
    return RiskAnalysis(
      graph: graph, config: config, focus: focus, exposures: exposures, tiers: tiers, coverage: coverage,
      transmission: transmission, findings: findings)
  }
}
