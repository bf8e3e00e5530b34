import Testing
import TierscanCore
@testable import TierscanRisk
import TierscanTestSupport

/// `attribution.csv`'s "without u" propagation masks u in the scan's own arcs
/// (`propagate(arcs:inherent:maxDepth:removing:)`); it must give exactly what propagating over a
/// copy of the arcs without u's (and u's inherent risk set to 0) gives, which the property tests
/// of ``PropagatorPropertyTests`` tie to the reference relaxation.
@Suite struct MaskedPropagationTests {
  /// The arcs without every arc into or out of `removed`, the rest in their fold order (what
  /// attribution built before the mask, kept here as the reference).
  static func copy(_ base: RiskArcs, removing removed: EntityIndex) -> RiskArcs {
    let n = base.entityCount
    var inOffsets = [Int32](repeating: 0, count: n + 1)
    var arcs: [RiskArcs.Arc] = []
    var outOffsets = [Int32](repeating: 0, count: n + 1)
    var outArcs: [RiskArcs.Arc] = []
    for v in 0..<n {
      if v != Int(removed) {
        for slot in Int(base.inOffsets[v])..<Int(base.inOffsets[v + 1]) where base.arcs[slot].entity != removed {
          arcs.append(base.arcs[slot])
        }
        for slot in Int(base.outOffsets[v])..<Int(base.outOffsets[v + 1]) where base.outArcs[slot].entity != removed {
          outArcs.append(base.outArcs[slot])
        }
      }
      inOffsets[v + 1] = Int32(arcs.count)
      outOffsets[v + 1] = Int32(outArcs.count)
    }
    return RiskArcs(inOffsets: inOffsets, arcs: arcs, outOffsets: outOffsets, outArcs: outArcs)
  }

  /// Masked and copied propagation agree on every entity's score (bit for bit), argmax path,
  /// source and hops, for every entity removed in turn.
  static func checkEveryRemoval(
    _ graph: SupplyGraph, _ config: RiskConfig, _ inherent: [Double], seed: UInt64
  ) -> (compared: Int, changed: Int) {
    let transmission = Transmission(graph: graph, config: config)
    let arcs = RiskArcs(graph: graph, transmission: transmission)
    let propagator = RiskPropagator()
    let full = propagator.propagate(arcs: arcs, inherent: inherent, maxDepth: config.maxDepth)
    var compared = 0
    var changed = 0
    for u in 0..<graph.entityCount {
      let removed = EntityIndex(u)
      var zeroed = inherent
      zeroed[u] = 0
      let copied = propagator.propagate(arcs: copy(arcs, removing: removed), inherent: zeroed, maxDepth: config.maxDepth)
      let masked = propagator.propagate(arcs: arcs, inherent: inherent, maxDepth: config.maxDepth, removing: removed)
      #expect(masked.scores.map(\.bitPattern) == copied.scores.map(\.bitPattern), "seed \(seed), removing \(u)")
      for v in 0..<graph.entityCount {
        let entity = EntityIndex(v)
        let path = masked.path(to: entity, transmission: transmission)
        #expect(path == copied.path(to: entity, transmission: transmission), "seed \(seed), removing \(u), entity \(v)")
        #expect(masked.hops(of: entity) == copied.hops(of: entity))
        if path != nil { #expect(masked.source(of: entity) == copied.source(of: entity)) }
        compared += 1
        if masked.scores[v] != full.scores[v] { changed += 1 }
      }
      #expect(masked.scores[u] == 0, "the removed entity keeps no exposure")
    }
    return (compared, changed)
  }

  @Test func maskedEqualsCopiedArcsOnRandomGraphs() {
    var changed = 0
    for seed in UInt64(1)...300 {
      let (graph, config, inherent) = PropagatorPropertyTests.randomCase(seed: seed)
      changed += Self.checkEveryRemoval(graph, config, inherent, seed: seed).changed
    }
    // Removals really change exposures (the test would pass vacuously otherwise).
    #expect(changed > 200)
  }

  @Test func maskedEqualsCopiedArcsWhenScoresNearlyTie() {
    var changed = 0
    for seed in UInt64(1)...300 {
      let (graph, config, inherent) = PropagatorPropertyTests.nearTieCase(seed: seed)
      changed += Self.checkEveryRemoval(graph, config, inherent, seed: seed).changed
    }
    #expect(changed > 200)
  }

  /// The constructed non-transitive case (A, B, C into V within 1e-12): removing B or C changes
  /// V's answer at every depth, masked exactly as copied.
  @Test func maskedFollowsNonTransitiveTies() throws {
    let (graph, inherent) = PropagatorPropertyTests.nonTransitiveCase()
    for depth in 1...4 {
      let config = try RiskConfig.parse(#"{"hop_decay": 1, "max_depth": \#(depth)}"#)
      _ = Self.checkEveryRemoval(graph, config, inherent, seed: UInt64(depth))
      let transmission = Transmission(graph: graph, config: config)
      let masked = RiskPropagator().propagate(
        arcs: RiskArcs(graph: graph, transmission: transmission), inherent: inherent, maxDepth: depth, removing: 2)
      // Without C, B is 0.6e-12 above A: a near tie, which the tie-break (hops, then entity
      // order) gives to A at every depth.
      #expect(masked.path(to: 3, transmission: transmission).map { graph[$0.source].id } == "A", "depth \(depth)")
    }
  }

  /// `ExposureWithout` (recomputing only downstream of the removed entity, reading earlier
  /// layers from the scan's labels) gives every target exactly the masked propagation's score
  /// (bit for bit), source and last hop.
  static func checkDownstream(
    _ graph: SupplyGraph, _ config: RiskConfig, _ inherent: [Double], seed: UInt64
  ) -> (recomputed: Int, earlierLayers: Int) {
    let transmission = Transmission(graph: graph, config: config)
    let arcs = RiskArcs(graph: graph, transmission: transmission)
    let view = ArcDirections(graph: graph, transmission: transmission)
    let propagator = RiskPropagator()
    let full = propagator.propagate(arcs: arcs, inherent: inherent, maxDepth: config.maxDepth)
    var recomputed = 0
    var earlierLayers = 0
    for u in 0..<graph.entityCount {
      let removed = EntityIndex(u)
      let masked = propagator.propagate(arcs: arcs, inherent: inherent, maxDepth: config.maxDepth, removing: removed)
      for v in 0..<graph.entityCount where v != u {
        let target = EntityIndex(v)
        let path = masked.path(to: target, transmission: transmission)
        let expected = ExposureWithout.Outcome(
          score: masked.scores[v], source: path?.source, via: path?.hops.last?.from)
        let got = ExposureWithout.outcome(
          of: target, removing: removed, result: full, arcs: arcs, inherent: inherent, transmission: transmission,
          maxDepth: config.maxDepth, budget: .max)
        #expect(got?.score.bitPattern == expected.score.bitPattern, "seed \(seed), removing \(u), target \(v)")
        #expect(got == expected, "seed \(seed), removing \(u), target \(v)")
        // The same over the graph's adjacency (ArcDirections, what attribution.csv reads).
        let overView = ExposureWithout.outcome(
          of: target, removing: removed, result: full, arcs: view, inherent: inherent, transmission: transmission,
          maxDepth: config.maxDepth, budget: .max)
        #expect(overView?.score.bitPattern == expected.score.bitPattern, "seed \(seed), removing \(u), target \(v)")
        #expect(overView == expected, "seed \(seed), removing \(u), target \(v)")
        if masked.scores[v] != full.scores[v] || path?.source != full.path(to: target, transmission: transmission)?.source {
          recomputed += 1
        }
      }
      // Entities whose value changed after layer 1 of the scan's run: the recomputation must
      // read their earlier labels, not their last.
      earlierLayers += (0..<graph.entityCount).filter { full.label[$0] >= (full.layerEnds.count > 1 ? full.layerEnds[1] : .max) }.count
    }
    return (recomputed, earlierLayers)
  }

  @Test func downstreamEqualsMaskedOnRandomGraphs() {
    var recomputed = 0
    var earlierLayers = 0
    for seed in UInt64(1)...300 {
      let (graph, config, inherent) = PropagatorPropertyTests.randomCase(seed: seed)
      let counts = Self.checkDownstream(graph, config, inherent, seed: seed)
      recomputed += counts.recomputed
      earlierLayers += counts.earlierLayers
    }
    #expect(recomputed > 200)
    #expect(earlierLayers > 200)
  }

  @Test func downstreamEqualsMaskedWhenScoresNearlyTie() {
    var recomputed = 0
    for seed in UInt64(1)...300 {
      let (graph, config, inherent) = PropagatorPropertyTests.nearTieCase(seed: seed)
      recomputed += Self.checkDownstream(graph, config, inherent, seed: seed).recomputed
    }
    #expect(recomputed > 200)
  }

  /// Past its budget the downstream recomputation declines (the caller then propagates masked).
  @Test func downstreamDeclinesPastItsBudget() throws {
    var f = GraphFixture()
    for id in ["A", "B", "C", "V"] { f.entity(id) }
    f.edge("A", "B", basis: .observed)
    f.edge("B", "C", basis: .observed)
    f.edge("C", "V", basis: .observed)
    let graph = f.build()
    let config = try RiskConfig.parse(#"{"hop_decay": 1, "max_depth": 4}"#)
    let transmission = Transmission(graph: graph, config: config)
    let arcs = RiskArcs(graph: graph, transmission: transmission)
    let inherent = [1.0, 0, 0, 0]
    let full = RiskPropagator().propagate(arcs: arcs, inherent: inherent, maxDepth: 4)
    func outcome(_ budget: Int) -> ExposureWithout.Outcome? {
      ExposureWithout.outcome(
        of: 3, removing: 1, result: full, arcs: arcs, inherent: inherent, transmission: transmission, maxDepth: 4,
        budget: budget)
    }
    #expect(outcome(1) == nil)
    #expect(outcome(.max) == ExposureWithout.Outcome(score: 0, source: nil, via: nil))
  }
}
