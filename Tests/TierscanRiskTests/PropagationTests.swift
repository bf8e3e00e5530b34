import Testing
import TierscanCore
@testable import TierscanRisk

/// Exact scores computed by hand from SPEC §3 with the default config: a declared edge has
/// confidence 0.9, so t = (1.0 × 0.9) × 0.85 = 0.765 per hop.
@Suite struct PropagationTests {
  /// S3 → S2 → S1 → F (supplies, declared); S3 listed by LEI, r₀ = 1.0.
  func chain() -> SupplyGraph {
    var f = GraphFixture()
    f.entity("F")
    f.entity("S1")
    f.entity("S2")
    f.entity("S3", lei: "5493001KJTIIGC8Y1R12")
    f.edge("S3", "S2")
    f.edge("S2", "S1")
    f.edge("S1", "F")
    return f.build()
  }

  @Test func threeHopDeclaredChain() {
    let graph = chain()
    let a = analyze(graph, focus: "F", riskList: [listRow("Other Name", lei: "5493001KJTIIGC8Y1R12")])
    // S3: r₀ = identifier 1.0; S2 = 0.765; S1 = 0.765² = 0.585225; F = 0.765³ = 0.447697125.
    #expect(close(a.score("S3"), 1.0))
    #expect(close(a.score("S2"), 0.765))
    #expect(close(a.score("S1"), 0.585225))
    #expect(close(a.score("F"), 0.447697125))
    let f = a.exposure("F")!
    #expect(f.hops == 3)
    #expect(a.graph[f.source].id == "S3")
    #expect(a.ids(f.path) == ["S3", "S2", "S1", "F"])
    #expect(f.path.hops.allSatisfy { !$0.isReversed && close($0.transmission, 0.765) })
    #expect(f.path.hops.map(\.edge) == [0, 1, 2])
    #expect(f.level == .medium)  // 0.4477 ≥ 0.35
    #expect(a.exposure("S2")!.level == .high)  // 0.765 ≥ 0.6
    #expect(a.exposure("S3")!.level == .critical)
    #expect(f.rules.map(\.rule) == [.identifier])
    #expect(f.rules[0].provenance == Provenance(file: "list.csv", line: 2))
    #expect(a.exposure("F", "child_labour") == nil)
  }

  @Test func depthCutOff() throws {
    let a = analyze(chain(), focus: "F", config: try config(#"{"max_depth": 2}"#),
                    riskList: [listRow("S3", lei: "5493001KJTIIGC8Y1R12")])
    // Paths of length ≤ 2 only: S1 = 0.585225, F (3 hops away) unexposed.
    #expect(close(a.score("S1"), 0.585225))
    #expect(a.exposure("F") == nil)
    let zero = analyze(chain(), focus: "F", config: try config(#"{"max_depth": 0}"#),
                       riskList: [listRow("S3", lei: "5493001KJTIIGC8Y1R12")])
    #expect(zero.exposures.count == 1)
  }

  @Test func inferredEdge() {
    var f = GraphFixture()
    f.entity("F")
    f.entity("X", name: "Xinjiang Cotton Co")
    f.edge("X", "F", basis: .inferred)
    // X: name-only match (no country on either side) → 0.7; t = (1.0 × 0.5) × 0.85 = 0.425;
    // F = 0.7 × 0.425 = 0.2975 → low.
    let a = analyze(f.build(), focus: "F", riskList: [listRow("XINJIANG COTTON")])
    #expect(close(a.score("X"), 0.7))
    #expect(a.exposure("X")!.rules.map(\.rule) == [.nameOnly])
    #expect(close(a.score("F"), 0.2975))
    #expect(a.exposure("F")!.level == .low)
  }

  @Test func explicitConfidenceOverridesBasis() {
    var f = GraphFixture()
    f.entity("F")
    f.entity("X", lei: "5493001KJTIIGC8Y1R12")
    f.edge("X", "F", basis: .inferred, confidence: 0.2)
    // t = (1.0 × 0.2) × 0.85 = 0.17.
    let a = analyze(f.build(), focus: "F", riskList: [listRow("x", lei: "5493001KJTIIGC8Y1R12")])
    #expect(close(a.score("F"), 0.17))
  }

  @Test func operatedFacilityReachesOperatorBackward() {
    var f = GraphFixture()
    f.entity("F", country: "GB")
    f.entity("FAC", kind: .facility, country: "CN")
    f.edge("F", "FAC", .operates)
    let row = CountryRiskEntry(country: "CN", category: "forced_labour", score: 0.8, provenance: .init(file: "c.csv", line: 2))
    let a = analyze(f.build(), focus: "F", countryRisk: [row])
    // FAC: country row 0.8; operates is backward: F = 0.8 × 0.765 = 0.612 (high).
    #expect(close(a.score("FAC"), 0.8))
    let e = a.exposure("F")!
    #expect(close(e.score, 0.612))
    #expect(e.level == .high)
    #expect(e.path.hops.count == 1)
    #expect(e.path.hops[0].isReversed)
    #expect(a.graph[e.path.hops[0].from].id == "FAC")
    #expect(e.rules.first?.rule == .countryCommodity)
    // The facility has the operator's tier.
    #expect(a.tiers[Int(a.graph.index(of: "FAC")!)] == 0)
  }

  @Test func controlledSubsidiaryOnlyAboveControlShare() {
    var f = GraphFixture()
    f.entity("P")
    f.entity("Q")
    f.entity("SUB", lei: "5493001KJTIIGC8Y1R12")
    f.edge("P", "SUB", .owns, share: 60)
    f.edge("Q", "SUB", .owns, share: 40)
    let a = analyze(f.build(), focus: "P", riskList: [listRow("sub", lei: "5493001KJTIIGC8Y1R12")])
    // P holds 60 % ≥ 50: t = 0.765, P = 0.765. Q holds 40 %: no transmission.
    #expect(close(a.score("P"), 0.765))
    #expect(a.exposure("P")!.path.hops[0].isReversed)
    #expect(a.exposure("Q") == nil)
  }

  @Test func cycleTerminatesWithShortestBest() {
    var f = GraphFixture()
    f.entity("A", lei: "5493001KJTIIGC8Y1R12")
    f.entity("B")
    f.entity("C")
    f.edge("A", "B")
    f.edge("B", "C")
    f.edge("C", "A")
    let a = analyze(f.build(), focus: "A", riskList: [listRow("a", lei: "5493001KJTIIGC8Y1R12")])
    // B = 0.765, C = 0.585225, A keeps its own 1.0 (the cycle back gives 0.447697125).
    #expect(close(a.score("A"), 1.0))
    #expect(a.exposure("A")!.hops == 0)
    #expect(close(a.score("B"), 0.765))
    #expect(close(a.score("C"), 0.585225))
    // Tiers upstream from A: C supplies A (1), B supplies C (2); A itself is 0.
    #expect(a.tiers.map { $0 } == [0, 2, 1])
  }

  @Test func tiesPreferFewerHopsThenSmallerIdsThenFirstEdge() throws {
    // decay 1 and observed edges make every t = 1, so all scores tie at 1.0.
    let cfg = try config(#"{"hop_decay": 1.0, "basis_confidence": {"declared": 1.0}}"#)
    var f = GraphFixture()
    f.entity("F")
    f.entity("A", lei: "5493001KJTIIGC8Y1R12")
    f.entity("M")
    f.entity("B", lei: "529900T8BM49AURSDO55")
    f.entity("Z", lei: "213800D1EI4B9WTWWD28")
    f.edge("B", "M")  // 0
    f.edge("M", "F")  // 1  B→M→F: 2 hops
    f.edge("Z", "F")  // 2  Z→F: 1 hop, wins on hops over B→M→F
    f.edge("A", "F")  // 3  A→F: 1 hop, ids (F, A) < (F, Z)
    f.edge("A", "F")  // 4  parallel, equal t: edge 3 is cited
    let rows = [
      listRow("a", lei: "5493001KJTIIGC8Y1R12"), listRow("b", lei: "529900T8BM49AURSDO55", line: 3),
      listRow("z", lei: "213800D1EI4B9WTWWD28", line: 4),
    ]
    let a = analyze(f.build(), focus: "F", config: cfg, riskList: rows)
    let e = a.exposure("F")!
    #expect(e.score == 1.0)
    #expect(a.ids(e.path) == ["A", "F"])
    #expect(e.path.hops.map(\.edge) == [3])
  }

  @Test func higherScoreBeatsFewerHops() {
    var f = GraphFixture()
    f.entity("F")
    f.entity("N", name: "Nameonly")  // name-only 0.7, 1 hop → 0.5355
    f.entity("S", lei: "5493001KJTIIGC8Y1R12")
    f.entity("T")
    f.edge("N", "F")
    f.edge("S", "T")
    f.edge("T", "F")  // S: 1.0 × 0.765² = 0.585225 > 0.7 × 0.765 = 0.5355
    let a = analyze(f.build(), focus: "F", riskList: [listRow("nameonly"), listRow("s", lei: "5493001KJTIIGC8Y1R12", line: 3)])
    #expect(close(a.score("F"), 0.585225))
    #expect(a.ids(a.exposure("F")!.path) == ["S", "T", "F"])
  }

  @Test func directionNoneAndBoth() throws {
    var f = GraphFixture()
    f.entity("F")
    f.entity("X", lei: "5493001KJTIIGC8Y1R12")
    f.edge("F", "X")  // F supplies X: with forward, X's risk never reaches F
    let rows = [listRow("x", lei: "5493001KJTIIGC8Y1R12")]
    #expect(analyze(f.build(), focus: "F", riskList: rows).exposure("F") == nil)
    let both = try config(#"{"edges": {"supplies": {"direction": "both"}}}"#)
    let a = analyze(f.build(), focus: "F", config: both, riskList: rows)
    #expect(close(a.score("F"), 0.765))
    #expect(a.exposure("F")!.path.hops[0].isReversed)
    let none = try config(#"{"edges": {"supplies": {"direction": "none"}}}"#)
    #expect(analyze(f.build(), focus: "F", config: none, riskList: rows).exposures.count == 1)
  }
}
