import Testing
import TierscanCore
import TierscanTestSupport

@testable import TierscanRisk

/// The attribution the risk stage computes from the propagation's own arcs
/// (`RiskEngine.analyze(…, withAttribution: true)`, before the arcs are released) is exactly the
/// one ``ExposureAttribution/init(analysis:)`` computes afterwards from the graph's adjacency
/// (``ArcDirections``): the same rows, in the same order, on random graphs with every direction
/// setting, parallel edges, ties between categories and analyses without exposures.
@Suite struct ExposureAttributionEngineTests {
  @Test func engineRowsAreTheGraphRows() throws {
    var rows = 0
    var recomputed = 0
    var empty = 0
    for seed in UInt64(1)...400 {
      let (graph, config, countryRisk, focus) = Self.randomCase(seed: seed)
      let engine = RiskEngine(config: config)
      let inputs = RiskInputs(riskList: [], countryRisk: countryRisk, smelterReferences: [])
      let computed = engine.analyze(graph: graph, inputs: inputs, focus: focus, withAttribution: true)
      let plain = engine.analyze(graph: graph, inputs: inputs, focus: focus)
      #expect(plain.attribution == nil)
      let reference = ExposureAttribution(analysis: plain).rows
      let got = try #require(computed.attribution, "seed \(seed)").rows
      #expect(got == reference, "seed \(seed)")
      #expect(got.map(\.focusScoreWithout.bitPattern) == reference.map(\.focusScoreWithout.bitPattern), "seed \(seed)")
      // What the scan writes reads the computed rows.
      #expect(ExposureAttribution(analysis: computed).rows == reference, "seed \(seed)")
      rows += got.count
      if plain.exposures.isEmpty { empty += 1 }
      recomputed += got.filter { $0.carriesFocusBest }.count
      // Against a whole propagation without the neighbour (masked), independently of how the
      // rows' recomputations are scheduled: the score always, the source and last hop when the
      // neighbour is on the focus's argmax path (which the rows then recompute).
      guard let explanations = plain.exposures.first?.explanations else { continue }
      let arcs = RiskArcs(graph: graph, transmission: plain.transmission)
      for row in got {
        let c = try #require(config.categories.firstIndex(of: row.category))
        let masked = RiskPropagator().propagate(
          arcs: arcs, inherent: explanations.inherent.scores[c], maxDepth: config.maxDepth, removing: row.supplier)
        #expect(row.focusScoreWithout == masked.scores[Int(focus)], "seed \(seed) \(row.category) \(row.supplier)")
        let onBestPath =
          plain.exposure(of: focus, in: row.category)?.path.hops.contains { $0.from == row.supplier } ?? false
        if onBestPath {
          let path = masked.path(to: focus, transmission: plain.transmission)
          #expect(row.focusSourceWithout == path?.source, "seed \(seed) \(row.category) \(row.supplier)")
          #expect(row.focusViaWithout == path?.hops.last?.from, "seed \(seed) \(row.category) \(row.supplier)")
        }
      }
    }
    #expect(rows > 600, "the cases must have attribution rows")
    #expect(recomputed > 200, "and focus exposures recomputed without a neighbour")
    #expect(empty > 5, "and analyses without exposures")
  }

  /// The walk graph's CSR over the stored arcs and over the adjacency, each on one thread and
  /// split over the workers, is the arc-by-arc reference's.
  @Test func walkCSRSplitsAreTheReference() {
    var sources = 0
    for seed in UInt64(1)...300 {
      let (graph, config, inherent) = PropagatorPropertyTests.randomCase(seed: seed)
      var random = SplitMix64(seed: seed)
      let transmission = Transmission(graph: graph, config: config)
      let stored = RiskArcs(graph: graph, transmission: transmission)
      let view = ArcDirections(graph: graph, transmission: transmission)
      let exposure = (0..<graph.entityCount).map { _ in random.next() % 4 == 0 ? 0.0 : 0.5 }
      let flags = ExposureAttribution.walkFlags(exposure: exposure, inherent: inherent)
      let reference = ExposureAttribution.WalkGraph(referenceOver: stored, flags: flags)
      for split in [0, Int.max] {
        let fromArcs = stored.walkCSR(flags: flags, minimumToSplit: split)
        let fromAdjacency = view.walkCSR(flags: flags, minimumToSplit: split)
        #expect(fromArcs.offsets == reference.offsets, "seed \(seed) split \(split)")
        #expect(fromArcs.sources == reference.sources, "seed \(seed) split \(split)")
        #expect(fromAdjacency.offsets == reference.offsets, "seed \(seed) split \(split)")
        #expect(fromAdjacency.sources == reference.sources, "seed \(seed) split \(split)")
      }
      sources += reference.sources.count
    }
    #expect(sources > 1_000, "the cases must have walk arcs")
  }

  /// A random graph (up to 40 entities in four countries, random edge types, shares,
  /// confidences and parallel duplicates), a random direction/decay/depth configuration, country
  /// rows for some categories (two categories with the same rows now and then, so walk graphs are
  /// shared) and a random focus.
  static func randomCase(seed: UInt64) -> (SupplyGraph, RiskConfig, [CountryRiskEntry], EntityIndex) {
    var rng = SplitMix64(state: seed &* 7919)
    let n = Int.random(in: 1...40, using: &rng)
    let countries = ["KP", "CN", "DE", "BR"]
    var f = GraphFixture()
    for i in 0..<n { f.entity("N\(i)", country: countries.randomElement(using: &rng)!) }
    for _ in 0..<Int.random(in: 0...(n * 3), using: &rng) {
      let a = Int.random(in: 0..<n, using: &rng)
      let b = Int.random(in: 0..<n, using: &rng)
      let type = RelationshipType.allCases.randomElement(using: &rng)!
      let share: Double? = type == .owns ? [40, 50, 60].randomElement(using: &rng)! : nil
      let confidence: Double? = [nil, 0.5, 1.0].randomElement(using: &rng)!
      let copies = Int.random(in: 0..<5, using: &rng) == 0 ? 2 : 1
      for _ in 0..<copies { f.edge("N\(a)", "N\(b)", type, share: share, confidence: confidence) }
    }
    let graph = f.build()
    let directions = ["forward", "backward", "both", "none", "forward", "forward"]
    func edge() -> String {
      #"{"direction": "\#(directions.randomElement(using: &rng)!)", "factor": \#([0.5, 1.0].randomElement(using: &rng)!)}"#
    }
    let json = """
      {"edges": {"supplies": \(edge()), "subcontracts": \(edge()), "operates": \(edge()), "owns": \(edge())},
       "hop_decay": \([0.5, 1.0, 0.85].randomElement(using: &rng)!), "max_depth": \(Int.random(in: 0...6, using: &rng))}
      """
    let config = try! RiskConfig.parse(json)
    var rows: [CountryRiskEntry] = []
    var previous: [(String, Double)] = []
    for category in config.categories {
      var chosen: [(String, Double)] = []
      if !previous.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 {
        chosen = previous
      } else {
        for country in countries where Int.random(in: 0..<2, using: &rng) == 0 {
          chosen.append((country, [0.5, 1.0].randomElement(using: &rng)!))
        }
      }
      for (country, score) in chosen {
        rows.append(
          CountryRiskEntry(
            country: country, category: category, score: score, commodity: nil, source: "test",
            provenance: Provenance(file: "country.csv", line: rows.count + 2)))
      }
      previous = chosen
    }
    let focus = EntityIndex(Int.random(in: 0..<graph.entityCount, using: &rng))
    return (graph, config, rows, focus)
  }
}
