import Testing
import TierscanCore
@testable import TierscanRisk
import TierscanTestSupport

/// `SourceTies` against a simple reference: for every risk source alone (every other r₀ zeroed),
/// one forward propagation gives the score it brings the focus; the sources within 1e-12 of the
/// focus's exposure, other than the one named, are its ties.
@Suite struct SourceTiesTests {
  /// A random chain: `n` entities in layers toward F, countries from a small set (so that many
  /// sources share r₀ and path shapes, and ties are common), random supplies edges.
  static func randomAnalysis(seed: UInt64, n: Int) -> RiskAnalysis {
    var rng = SplitMix64(state: seed)
    var fixture = GraphFixture()
    fixture.entity("F", country: "GB")
    let countries = ["CN", "TM", "GB", "BD"]
    for i in 0..<n { fixture.entity("E\(i)", country: countries[Int(rng.next() % 4)]) }
    for i in 0..<n {
      // Edges go from higher to lower index or to F: every entity reaches F.
      let targets = Int(rng.next() % 2) + 1
      for _ in 0..<targets {
        let j = Int(rng.next() % UInt64(i + 1))
        fixture.edge("E\(i)", j == i ? "F" : "E\(j)", basis: rng.next() % 2 == 0 ? .observed : .declared)
      }
    }
    let rows = [
      CountryRiskEntry(country: "CN", category: "forced_labour", score: 0.7, provenance: Provenance(file: "c.csv", line: 2)),
      CountryRiskEntry(country: "TM", category: "forced_labour", score: 0.7, provenance: Provenance(file: "c.csv", line: 3)),
      CountryRiskEntry(country: "BD", category: "child_labour", score: 0.5, provenance: Provenance(file: "c.csv", line: 4)),
    ]
    return analyze(fixture.build(), focus: "F", countryRisk: rows)
  }

  @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
  func tiesEqualOnePropagationPerSource(seed: UInt64) throws {
    let analysis = Self.randomAnalysis(seed: seed, n: 30)
    let ties = SourceTies(analysis: analysis, entity: analysis.focus)
    let inherent = try #require(analysis.exposures.first?.explanations.inherent)
    let arcs = RiskArcs(graph: analysis.graph, transmission: analysis.transmission)
    for (c, name) in analysis.config.categories.enumerated() {
      let exposure = analysis.exposure(of: analysis.focus, in: name)
      let best = exposure?.score ?? 0
      var reaching = 0
      var tied = 0
      for v in 0..<analysis.graph.entityCount where inherent.scores[c][v] > 0 {
        var alone = [Double](repeating: 0, count: analysis.graph.entityCount)
        alone[v] = inherent.scores[c][v]
        let score = RiskPropagator().propagate(arcs: arcs, inherent: alone, maxDepth: analysis.config.maxDepth)
          .scores[Int(analysis.focus)]
        guard score > 0 else { continue }
        reaching += 1
        if abs(score - best) <= 1e-12, EntityIndex(v) != exposure?.source { tied += 1 }
      }
      let mine = try #require(ties.category(named: name))
      #expect(mine.sourcesReaching == reaching, "seed \(seed) \(name)")
      #expect(mine.otherTiedSources == tied, "seed \(seed) \(name)")
      #expect(mine.score == best)
    }
  }

  @Test func theRandomGraphsDoHaveTies() {
    // Not a vacuous comparison: the seeds above produce ties (and sources that do not tie).
    let all = (1...8).map { seed -> [SourceTies.Category] in
      let analysis = Self.randomAnalysis(seed: UInt64(seed), n: 30)
      return SourceTies(analysis: analysis, entity: analysis.focus).categories
    }.flatMap { $0 }
    #expect(all.contains { $0.otherTiedSources > 0 })
    #expect(all.contains { $0.sourcesReaching > $0.otherTiedSources + 1 })
  }

  @Test func aDepthLimitedPathIsNotCounted() throws {
    // S1 reaches F in 2 hops, S2 only in 3; with max_depth 2 S2 is no source of F at all.
    var fixture = GraphFixture()
    fixture.entity("F", country: "GB")
    fixture.entity("A", country: "GB")
    fixture.entity("B", country: "GB")
    fixture.entity("S1", country: "CN")
    fixture.entity("S2", country: "CN")
    fixture.edge("S1", "A")
    fixture.edge("A", "F")
    fixture.edge("S2", "B")
    fixture.edge("B", "A")
    let rows = [CountryRiskEntry(country: "CN", category: "forced_labour", score: 0.7, provenance: Provenance(file: "c.csv", line: 2))]
    let shallow = analyze(fixture.build(), focus: "F", config: try config(#"{"max_depth": 2}"#), countryRisk: rows)
    #expect(SourceTies(analysis: shallow, entity: shallow.focus).category(named: "forced_labour")?.sourcesReaching == 1)
    let deep = analyze(fixture.build(), focus: "F", countryRisk: rows)
    let forced = try #require(SourceTies(analysis: deep, entity: deep.focus).category(named: "forced_labour"))
    #expect(forced.sourcesReaching == 2 && forced.otherTiedSources == 0)
  }
}
