import Testing
import TierscanCore

@testable import TierscanRisk
import TierscanTestSupport

/// The source walk of `attribution.csv` (one reused ``ExposureAttribution/Walk`` per worker, one
/// byte of flags per entity) counts what a plain breadth-first search counts.
@Suite struct ExposureAttributionWalkTests {
  @Test(arguments: [1, 2, 3, 4, 5])
  func reusedWalksMatchAFreshBreadthFirstSearch(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var f = GraphFixture()
    let n = 120
    for i in 0..<n { f.entity("E\(i)") }
    let types: [RelationshipType] = [.supplies, .supplies, .supplies, .owns, .subcontracts, .operates]
    for _ in 0..<(n * 3) {
      let a = Int(random.next() % UInt64(n))
      let b = Int(random.next() % UInt64(n))
      if a != b { f.edge("E\(a)", "E\(b)", types[Int(random.next() % UInt64(types.count))]) }
    }
    let graph = f.build()
    let arcs = RiskArcs(graph: graph, transmission: Transmission(graph: graph, config: .defaults))
    let exposure = (0..<graph.entityCount).map { _ in random.next() % 5 == 0 ? 0.0 : 0.5 }
    let inherent = (0..<graph.entityCount).map { _ in random.next() % 3 == 0 ? 0.7 : 0.0 }
    let flags = ExposureAttribution.walkFlags(exposure: exposure, inherent: inherent)
    for maxDepth in [1, 2, 3, 8] {
      var walk = ExposureAttribution.Walk(entityCount: graph.entityCount)
      for u in 0..<graph.entityCount {
        let got = walk.sourcesReaching(EntityIndex(u), arcs: arcs, flags: flags, maxDepth: maxDepth)
        let want = reference(u, arcs: arcs, exposure: exposure, inherent: inherent, maxDepth: maxDepth)
        #expect(got.count == want && got.isComplete, "seed \(seed) depth \(maxDepth) entity \(u)")
      }
    }
  }

  /// Entities with inherent risk from which a path of ≤ maxDepth − 1 arcs through entities with
  /// exposure reaches u (u itself included), by a fresh search.
  private func reference(_ u: Int, arcs: RiskArcs, exposure: [Double], inherent: [Double], maxDepth: Int) -> Int {
    var seen: Set<Int> = [u]
    var frontier = [u]
    for _ in 0..<max(0, maxDepth - 1) {
      var next: [Int] = []
      for v in frontier {
        for slot in Int(arcs.inOffsets[v])..<Int(arcs.inOffsets[v + 1]) {
          let w = Int(arcs.arcs[slot].entity)
          if exposure[w] > 0, seen.insert(w).inserted { next.append(w) }
        }
      }
      frontier = next
    }
    return seen.filter { inherent[$0] > 0 }.count
  }
}
