import Testing
import TierscanCore
@testable import TierscanRisk
import TierscanTestSupport

/// The risk stage runs its categories' propagations side by side (the ones with the most risk
/// sources first) and tiers, coverage and the unassessed figures on a thread of their own beside
/// them: every piece must come back, to its own category, whatever order the pieces ran in.
@Suite struct RiskEngineSplitTests {
  static let countries = ["BO", "CN", "DE", "GB", "IN"]

  /// A random graph of 2–30 entities with countries, a configuration of 1–5 categories (in a
  /// shuffled order, so the configuration's order differs from the byte order) and country rows
  /// whose number differs per category (so the propagation's schedule is not the identity).
  static func randomCase(seed: UInt64) -> (graph: SupplyGraph, config: RiskConfig, rows: [CountryRiskEntry]) {
    var rng = SplitMix64(state: seed)
    let n = Int.random(in: 2...30, using: &rng)
    var f = GraphFixture()
    for i in 0..<n {
      let country = ([nil] + countries.map { Optional($0) }).randomElement(using: &rng)!
      f.entity("N\(String(i, radix: 36))", country: country)
    }
    for _ in 0..<Int.random(in: 1...(n * 2), using: &rng) {
      let a = Int.random(in: 0..<n, using: &rng)
      let b = Int.random(in: 0..<n, using: &rng)
      let type = RelationshipType.allCases.randomElement(using: &rng)!
      let share: Double? = type == .owns ? [40, 60].randomElement(using: &rng)! : nil
      f.edge("N\(String(a, radix: 36))", "N\(String(b, radix: 36))", type, share: share, basis: .observed)
    }
    let names = ["zinc_risk", "forced_labour", "b_risk", "child_labour", "conflict_minerals"].shuffled(using: &rng)
    let categories = Array(names.prefix(Int.random(in: 1...names.count, using: &rng)))
    let quoted = categories.map { "\"\($0)\"" }.joined(separator: ", ")
    let config = try! RiskConfig.parse(#"{"categories": [\#(quoted)], "max_depth": \#(Int.random(in: 1...6, using: &rng))}"#)
    var rows: [CountryRiskEntry] = []
    for category in categories {
      for country in countries.shuffled(using: &rng).prefix(Int.random(in: 0...countries.count, using: &rng)) {
        rows.append(
          CountryRiskEntry(
            country: country, category: category, score: [0.2, 0.5, 0.75, 0.9, 1.0].randomElement(using: &rng)!,
            provenance: Provenance(file: "country.csv", line: rows.count + 2)))
      }
    }
    return (f.build(), config, rows)
  }

  /// `config` with only the category `name`.
  static func only(_ name: String, of config: RiskConfig) -> RiskConfig {
    var single = config
    single.categories = [name]
    return single
  }

  /// Each category's exposures and unassessed figures are those of the same analysis with that
  /// category alone (no split), and the tiers and coverage those computed directly.
  @Test func everyPieceComesBackToItsCategory() {
    var reordered = 0
    for seed in UInt64(1)...150 {
      let (graph, config, rows) = Self.randomCase(seed: seed)
      let focus = EntityIndex(Int(seed) % graph.entityCount)
      let inputs = RiskInputs(riskList: [], countryRisk: rows, smelterReferences: [])
      let all = RiskEngine(config: config).analyze(graph: graph, inputs: inputs, focus: focus)
      let tiers = Tiering(graph: graph, focus: focus).tiers
      #expect(all.tiers == tiers, "seed \(seed)")
      #expect(
        all.coverage
          == Coverage(
            graph: graph, tiers: tiers, hasRiskList: false, hasCountryRisk: !rows.isEmpty, hasSmelterStatus: false),
        "seed \(seed)")
      #expect(all.unassessed.categories.map(\.name) == config.categories, "seed \(seed)")
      var sources: [Int] = []
      for (c, name) in config.categories.enumerated() {
        let alone = RiskEngine(config: Self.only(name, of: config)).analyze(graph: graph, inputs: inputs, focus: focus)
        sources.append(Set(alone.exposures.map(\.source)).count)
        for v in 0..<graph.entityCount {
          let entity = EntityIndex(v)
          #expect(all.exposure(of: entity, in: name) == alone.exposure(of: entity, in: name), "seed \(seed), \(name), \(v)")
          #expect(all.unassessed.reason(of: entity, in: c) == alone.unassessed.reason(of: entity, in: 0), "seed \(seed)")
        }
        #expect(all.unassessed.categories[c] == alone.unassessed.categories[0], "seed \(seed), \(name)")
      }
      // The schedule (most sources first, from the byte order) is not the byte order.
      let byName = Dictionary(uniqueKeysWithValues: zip(config.categories, sources))
      let inByteOrder = config.categories.sorted().map { byName[$0]! }
      if inByteOrder != inByteOrder.sorted(by: >) { reordered += 1 }
    }
    #expect(reordered > 20)
  }
}
