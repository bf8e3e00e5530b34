import Testing
import TierscanCore
@testable import TierscanRisk
import TierscanTestSupport

/// The production propagator must give exactly the reference layered relaxation's results.
@Suite struct PropagatorPropertyTests {
  /// A random graph with cycles, self-loops, parallel edges and many ties (factors,
  /// confidences and decays from {0.5, 1.0}, inherent scores from {0, 0.25, 0.5, 1}).
  static func randomCase(seed: UInt64) -> (SupplyGraph, RiskConfig, [Double]) {
    var rng = SplitMix64(state: seed)
    let n = Int.random(in: 1...12, using: &rng)
    var f = GraphFixture()
    for i in 0..<n { f.entity("N\(String(i, radix: 36))") }
    let edgeCount = Int.random(in: 0...(n * 3), using: &rng)
    for _ in 0..<edgeCount {
      let a = Int.random(in: 0..<n, using: &rng)
      let b = Int.random(in: 0..<n, using: &rng)
      let type = RelationshipType.allCases.randomElement(using: &rng)!
      let confidence: Double? = [nil, 0.5, 1.0].randomElement(using: &rng)!
      let share: Double? = type == .owns ? [40, 50, 60].randomElement(using: &rng)! : nil
      let basis = Basis.allCases.randomElement(using: &rng)!
      f.edge("N\(String(a, radix: 36))", "N\(String(b, radix: 36))", type, share: share, basis: basis, confidence: confidence)
      if Int.random(in: 0..<5, using: &rng) == 0 {  // a parallel duplicate
        f.edge("N\(String(a, radix: 36))", "N\(String(b, radix: 36))", type, share: share, basis: basis, confidence: confidence)
      }
    }
    let graph = f.build()
    let directions = ["forward", "backward", "both", "none", "forward"]
    func edge() -> String {
      #"{"direction": "\#(directions.randomElement(using: &rng)!)", "factor": \#([0.5, 1.0].randomElement(using: &rng)!)}"#
    }
    let json = """
      {"edges": {"supplies": \(edge()), "subcontracts": \(edge()), "operates": \(edge()), "owns": \(edge())},
       "hop_decay": \([0.5, 1.0, 0.85].randomElement(using: &rng)!), "max_depth": \(Int.random(in: 0...6, using: &rng)),
       "basis_confidence": {"observed": 1.0, "declared": \([0.5, 1.0].randomElement(using: &rng)!), "inferred": 0.5}}
      """
    let config = try! RiskConfig.parse(json)
    let inherent = (0..<graph.entityCount).map { _ in [0, 0, 0.25, 0.5, 1.0].randomElement(using: &rng)! }
    return (graph, config, inherent)
  }

  /// Like ``randomCase(seed:)`` but every transmission is 1 and the inherent scores lie within
  /// 1e-12 of each other without being equal, so nearly every comparison is a near tie (not
  /// transitive) and the propagator must fall back to the reference's fold order.
  static func nearTieCase(seed: UInt64) -> (SupplyGraph, RiskConfig, [Double]) {
    var rng = SplitMix64(state: seed)
    let n = Int.random(in: 2...16, using: &rng)
    var f = GraphFixture()
    for i in 0..<n { f.entity("N\(String(i, radix: 36))") }
    for _ in 0..<Int.random(in: 1...(n * 3), using: &rng) {
      let a = Int.random(in: 0..<n, using: &rng)
      let b = Int.random(in: 0..<n, using: &rng)
      f.edge("N\(String(a, radix: 36))", "N\(String(b, radix: 36))", basis: .observed)
    }
    let config = try! RiskConfig.parse(#"{"hop_decay": 1, "max_depth": \#(Int.random(in: 1...8, using: &rng))}"#)
    let inherent = (0..<n).map { _ in [0, 0.5, 0.5 + 0.4e-12, 0.5 + 0.8e-12, 0.5 + 1.2e-12].randomElement(using: &rng)! }
    return (f.build(), config, inherent)
  }

  /// The reference's and the production propagator's results on one case.
  static func propagateBoth(
    _ graph: SupplyGraph, _ config: RiskConfig, _ inherent: [Double]
  ) -> (reference: [ExposurePath?], fast: RiskPropagator.Result, transmission: Transmission) {
    let transmission = Transmission(graph: graph, config: config)
    let reference = ReferencePropagator().propagate(
      graph: graph, transmission: transmission, inherent: inherent, maxDepth: config.maxDepth)
    let fast = RiskPropagator().propagate(
      graph: graph, transmission: transmission, inherent: inherent, maxDepth: config.maxDepth)
    return (reference, fast, transmission)
  }

  @Test func fastEqualsReferenceWhenScoresNearlyTie() {
    for seed in UInt64(1)...400 {
      let (graph, config, inherent) = Self.nearTieCase(seed: seed)
      let (reference, fast, transmission) = Self.propagateBoth(graph, config, inherent)
      for v in 0..<graph.entityCount {
        #expect(fast.path(to: EntityIndex(v), transmission: transmission) == reference[v], "seed \(seed), entity \(v)")
      }
    }
  }

  @Test func fastEqualsReferenceOnRandomGraphs() {
    var ties = 0
    for seed in UInt64(1)...400 {
      let (graph, config, inherent) = Self.randomCase(seed: seed)
      let (reference, fast, transmission) = Self.propagateBoth(graph, config, inherent)
      for v in 0..<graph.entityCount {
        let expected = reference[v]
        let got = fast.path(to: EntityIndex(v), transmission: transmission)
        #expect(expected == got, "seed \(seed), entity \(v)")
        #expect(abs(fast.scores[v] - (expected?.score ?? 0)) <= 1e-12, "seed \(seed), entity \(v)")
        #expect(fast.hops(of: EntityIndex(v)) == (expected?.hops.count ?? 0), "seed \(seed)")
        if let expected, expected.hops.count > 0, expected.score == inherent.max() { ties += 1 }
      }
    }
    // The generator really produces tied maxima reached over paths.
    #expect(ties > 50)
  }

  /// A, B and C (inherent 0.5, 0.5 + 0.6e-12, 0.5 + 1.2e-12) each supply V (inherent 0), in that
  /// edge order: the candidates into V tie non-transitively within 1e-12.
  static func nonTransitiveCase() -> (graph: SupplyGraph, inherent: [Double]) {
    var f = GraphFixture()
    for id in ["A", "B", "C", "V"] { f.entity(id) }
    f.edge("A", "V", basis: .observed)
    f.edge("B", "V", basis: .observed)
    f.edge("C", "V", basis: .observed)
    return (f.build(), [0.5, 0.5 + 0.6e-12, 0.5 + 1.2e-12, 0])
  }

  /// Ties within 1e-12 are not transitive: with t = 1 and candidates into V (in edge order) from
  /// A (0.5), B (0.5 + 0.6e-12) and C (0.5 + 1.2e-12), the fold from nothing picks C (clearly above
  /// A; B ties A and loses on id), but the fold from C picks B (ties C, smaller id), and the fold
  /// from B picks C again. The reference re-folds every entity every layer, so V's answer
  /// alternates with max_depth; the production algorithm must follow it even though no arc
  /// source changes after layer 1.
  @Test func nonTransitiveTiesFollowTheReference() throws {
    let (graph, inherent) = Self.nonTransitiveCase()
    let expectedSource = [1: "C", 2: "B", 3: "C", 4: "B"]
    for depth in 1...4 {
      let config = try RiskConfig.parse(#"{"hop_decay": 1, "max_depth": \#(depth)}"#)
      let transmission = Transmission(graph: graph, config: config)
      let reference = ReferencePropagator().propagate(
        graph: graph, transmission: transmission, inherent: inherent, maxDepth: depth)
      let fast = RiskPropagator().propagate(graph: graph, transmission: transmission, inherent: inherent, maxDepth: depth)
      #expect(graph[reference[3]!.source].id == expectedSource[depth])
      #expect(fast.path(to: 3, transmission: transmission) == reference[3], "depth \(depth)")
    }
  }
}
