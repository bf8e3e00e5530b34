import Testing
import TierscanCore

@testable import TierscanRisk
import TierscanTestSupport

/// ``ArcDirections`` (the graph's adjacency plus one byte per relationship) reads exactly the
/// arcs ``RiskArcs`` stores: the same arcs into every entity in the same fold order with
/// bit-identical transmissions, the same targets out of every entity, the same counts — so
/// `attribution.csv`, which reads it instead of rebuilding the arcs, is unchanged.
@Suite struct ArcDirectionsTests {
  @Test func readsTheStoredArcsOnRandomGraphs() {
    var arcs = 0
    var reversed = 0
    for seed in UInt64(1)...400 {
      let (graph, config, _) = PropagatorPropertyTests.randomCase(seed: seed)
      let transmission = Transmission(graph: graph, config: config)
      let stored = RiskArcs(graph: graph, transmission: transmission)
      let view = ArcDirections(graph: graph, transmission: transmission)
      #expect(view.entityCount == stored.entityCount)
      #expect(view.arcCount == stored.arcCount, "seed \(seed)")
      for v in 0..<graph.entityCount {
        let entity = EntityIndex(v)
        var got: [RiskArcs.Arc] = []
        view.forEachArc(into: entity) { got.append($0) }
        var want: [RiskArcs.Arc] = []
        stored.forEachArc(into: entity) { want.append($0) }
        #expect(got.map(\.entity) == want.map(\.entity), "seed \(seed) entity \(v)")
        #expect(got.map(\.edge) == want.map(\.edge), "seed \(seed) entity \(v)")
        #expect(got.map(\.isReversed) == want.map(\.isReversed), "seed \(seed) entity \(v)")
        #expect(got.map(\.transmission.bitPattern) == want.map(\.transmission.bitPattern), "seed \(seed) entity \(v)")
        var sources: [EntityIndex] = []
        view.forEachSource(into: entity) { sources.append($0) }
        #expect(sources == want.map(\.entity), "seed \(seed) entity \(v)")
        var targets: [EntityIndex] = []
        view.forEachTarget(outOf: entity) { targets.append($0) }
        var storedTargets: [EntityIndex] = []
        stored.forEachTarget(outOf: entity) { storedTargets.append($0) }
        #expect(targets.sorted() == storedTargets.sorted(), "seed \(seed) entity \(v)")
        #expect(view.inDegree(entity) == stored.inDegree(entity))
        #expect(view.outDegree(entity) == stored.outDegree(entity))
        arcs += want.count
        reversed += want.filter(\.isReversed).count
      }
    }
    #expect(arcs > 2_000, "the cases must have arcs")
    #expect(reversed > 500, "and arcs against the stored direction")
  }

  /// The walk graph of `attribution.csv`'s source walks is the same built from either.
  @Test(arguments: [1, 2, 3])
  func walkGraphsAreTheSame(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var f = GraphFixture()
    let n = 200
    for i in 0..<n { f.entity("E\(i)") }
    let types: [RelationshipType] = [.supplies, .supplies, .owns, .subcontracts, .operates]
    for _ in 0..<(n * 4) {
      let a = Int(random.next() % UInt64(n))
      let b = Int(random.next() % UInt64(n))
      let type = types[Int(random.next() % UInt64(types.count))]
      f.edge("E\(a)", "E\(b)", type, share: type == .owns ? [30.0, 60.0].randomElement(using: &random)! : nil)
    }
    let graph = f.build()
    let transmission = Transmission(graph: graph, config: .defaults)
    let exposure = (0..<graph.entityCount).map { _ in random.next() % 4 == 0 ? 0.0 : 0.5 }
    let inherent = (0..<graph.entityCount).map { _ in random.next() % 3 == 0 ? 0.7 : 0.0 }
    let flags = ExposureAttribution.walkFlags(exposure: exposure, inherent: inherent)
    let stored = ExposureAttribution.WalkGraph(arcs: RiskArcs(graph: graph, transmission: transmission), flags: flags)
    let view = ExposureAttribution.WalkGraph(arcs: ArcDirections(graph: graph, transmission: transmission), flags: flags)
    #expect(view.offsets == stored.offsets)
    #expect(view.sources == stored.sources)
    #expect(stored.sources.count > n)
  }
}
