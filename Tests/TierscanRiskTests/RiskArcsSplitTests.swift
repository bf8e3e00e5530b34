import Testing
import TierscanCore

@testable import TierscanRisk
import TierscanTestSupport

/// ``RiskArcs`` built on both cores (edges, then entities, cut into pieces with their own
/// counts, ``PieceCounts``) is exactly the one-thread build, and both are the plain definition:
/// the arcs into `v` are its edges carrying risk forward in input order, then its edges carrying
/// it backward in input order; the arcs out of `u` are the arcs whose source is `u`, by target
/// then fold order.
@Suite struct RiskArcsSplitTests {
  @Test func splitBuildEqualsOneThreadBuildAndTheDefinition() {
    var arcCount = 0
    for seed in UInt64(1)...300 {
      let (graph, config, _) = PropagatorPropertyTests.randomCase(seed: seed)
      arcCount += check(graph: graph, config: config, label: "seed \(seed)")
    }
    #expect(arcCount > 2_000, "the cases must have arcs")
  }

  /// Larger graphs, so that both pieces of a split hold many arcs into and out of the same
  /// entities.
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func largerGraphs(seed: UInt64) {
    var random = SplitMix64(seed: 0x4152_4353 &+ seed)
    var f = GraphFixture()
    let n = [1, 30, 200, 500][Int(seed - 1)]
    for i in 0..<n { f.entity("E\(i)") }
    for _ in 0..<(n * 5) {
      let a = Int(random.next() % UInt64(n))
      let b = Int(random.next() % UInt64(min(n, 20)))  // hubs: many arcs into a few entities
      let type = RelationshipType.allCases[Int(random.next() % 4)]
      f.edge(
        "E\(a)", "E\(b)", type, share: type == .owns ? [30.0, 60.0][Int(random.next() % 2)] : nil,
        confidence: [nil, 0.5, 1.0][Int(random.next() % 3)])
    }
    let config = try! RiskConfig.parse(
      #"{"edges": {"supplies": {"direction": "both", "factor": 1.0}, "owns": {"direction": "backward", "factor": 0.5}}}"#)
    #expect(check(graph: f.build(), config: config, label: "n \(n)") > n)
  }

  /// Compares the split, unsplit and reference arcs; returns the number of arcs.
  private func check(graph: SupplyGraph, config: RiskConfig, label: String) -> Int {
    let transmission = Transmission(graph: graph, config: config)
    let oneThread = RiskArcs(graph: graph, transmission: transmission, minimumToSplit: .max)
    let split = RiskArcs(graph: graph, transmission: transmission, minimumToSplit: 0)
    let reference = Self.reference(graph: graph, transmission: transmission)
    for built in [oneThread, split] {
      #expect(built.inOffsets == reference.inOffsets, "\(label)")
      #expect(Self.fields(built.arcs) == Self.fields(reference.arcs), "\(label)")
      #expect(built.outOffsets == reference.outOffsets, "\(label)")
      #expect(Self.fields(built.outArcs) == Self.fields(reference.outArcs), "\(label)")
    }
    return reference.arcs.count
  }

  private static func fields(_ arcs: [RiskArcs.Arc]) -> [[Int64]] {
    arcs.map { [Int64($0.entity), Int64($0.encodedEdge), Int64(bitPattern: UInt64($0.transmission.bitPattern))] }
  }

  /// The definition, one entity at a time.
  private static func reference(graph: SupplyGraph, transmission: Transmission) -> RiskArcs {
    let n = graph.entityCount
    var into = [[RiskArcs.Arc]](repeating: [], count: n)
    for e in 0..<graph.relationshipCount where transmission.forward(e) > 0 {
      let r = graph.relationships
      into[Int(r.to[e])].append(
        RiskArcs.Arc(entity: r.from[e], encodedEdge: Int32(e), transmission: transmission.forward(e)))
    }
    for e in 0..<graph.relationshipCount where transmission.backward(e) > 0 {
      let r = graph.relationships
      into[Int(r.from[e])].append(
        RiskArcs.Arc(entity: r.to[e], encodedEdge: ~Int32(e), transmission: transmission.backward(e)))
    }
    var outOf = [[RiskArcs.Arc]](repeating: [], count: n)
    for v in 0..<n {
      for arc in into[v] {
        outOf[Int(arc.entity)].append(
          RiskArcs.Arc(entity: EntityIndex(v), encodedEdge: arc.encodedEdge, transmission: arc.transmission))
      }
    }
    func offsets(_ lists: [[RiskArcs.Arc]]) -> [Int32] {
      lists.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.count)) }
    }
    return RiskArcs(inOffsets: offsets(into), arcs: into.flatMap { $0 }, outOffsets: offsets(outOf), outArcs: outOf.flatMap { $0 })
  }
}
