import Testing
import TierscanCore

@testable import TierscanRisk
import TierscanTestSupport

/// The source walk of `attribution.csv` (one reused ``ExposureAttribution/Walk`` per worker, one
/// byte of flags per entity, over a ``ExposureAttribution/WalkGraph`` of exposed arc sources)
/// counts what a plain breadth-first search counts, and when it stops at its limit it has counted
/// exactly what the walk over every arc counted (the same first entities in breadth-first order).
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
    let (arcs, exposure, inherent, flags, walkGraph) = randomRisk(on: graph, unexposedOneIn: 5, &random)
    for maxDepth in [1, 2, 3, 8] {
      var walk = ExposureAttribution.Walk(flags: flags)
      // A walk starts at an exposed neighbour (the walk graph has no sources for other entities).
      for u in 0..<graph.entityCount where flags[u] & 1 != 0 {
        let got = walk.sourcesReaching(EntityIndex(u), in: walkGraph, maxDepth: maxDepth)
        let want = reference(u, arcs: arcs, exposure: exposure, inherent: inherent, maxDepth: maxDepth)
        #expect(got.count == want && got.isComplete, "seed \(seed) depth \(maxDepth) entity \(u)")
      }
    }
  }

  /// With a small limit most walks stop early: the count and completeness equal those of the
  /// walk over every arc with visit stamps (the implementation before the walk graph), entity by
  /// entity, for every depth and limit — so truncated counts (`N+`) are unchanged too.
  @Test(arguments: [11, 12, 13, 14, 15, 16])
  func truncatedWalksCountWhatTheArcWalkCounted(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var f = GraphFixture()
    let n = 150
    for i in 0..<n { f.entity("E\(i)") }
    let types: [RelationshipType] = [.supplies, .supplies, .supplies, .owns, .subcontracts, .operates]
    for _ in 0..<(n * 4) {
      let a = Int(random.next() % UInt64(n))
      let b = Int(random.next() % UInt64(n))
      f.edge("E\(a)", "E\(b)", types[Int(random.next() % UInt64(types.count))])
    }
    let graph = f.build()
    let (arcs, _, _, flags, walkGraph) = randomRisk(on: graph, unexposedOneIn: 4, &random)
    var truncated = 0
    for maxDepth in [1, 2, 4, 8] {
      for limit in [1, 2, 5, 17, 60, 1000] {
        var walk = ExposureAttribution.Walk(flags: flags)
        var old = ArcWalk(entityCount: graph.entityCount)
        for u in 0..<graph.entityCount where flags[u] & 1 != 0 {
          let got = walk.sourcesReaching(EntityIndex(u), in: walkGraph, maxDepth: maxDepth, limit: limit)
          let want = old.sourcesReaching(EntityIndex(u), arcs: arcs, flags: flags, maxDepth: maxDepth, limit: limit)
          #expect(got == want, "seed \(seed) depth \(maxDepth) limit \(limit) entity \(u)")
          if !want.isComplete { truncated += 1 }
        }
      }
    }
    #expect(truncated > 100, "the case must exercise the limit")
  }

  /// A walk graph without a single arc (every neighbour's sources unexposed): each walk counts
  /// only the neighbour itself, and the prefetching of the queue's later entries never reads
  /// past the (empty) arrays.
  @Test func walksOverAGraphWithoutArcsCountTheNeighbourAlone() {
    var f = GraphFixture()
    for i in 0..<4 { f.entity("E\(i)") }
    f.edge("E0", "E1", .supplies)
    f.edge("E2", "E3", .supplies)
    let graph = f.build()
    let arcs = RiskArcs(graph: graph, transmission: Transmission(graph: graph, config: .defaults))
    // E0 and E2 (the arcs' sources) are unexposed, so the walk graph keeps no arc.
    let flags = ExposureAttribution.walkFlags(exposure: [0, 0.5, 0, 0.5], inherent: [0.7, 0.7, 0.7, 0])
    let walkGraph = ExposureAttribution.WalkGraph(arcs: arcs, flags: flags)
    #expect(walkGraph.sources.isEmpty)
    var walk = ExposureAttribution.Walk(flags: flags)
    for limit in [1, 2, 20_000] {
      #expect(walk.sourcesReaching(1, in: walkGraph, maxDepth: 8, limit: limit) == (1, true))
      #expect(walk.sourcesReaching(3, in: walkGraph, maxDepth: 8, limit: limit) == (0, true))
    }
  }

  /// Walks much longer than the prefetch distance, over a graph with hubs (so the queue's room
  /// beyond the limit is needed), stopped at many limits: the same counts as the arc walk.
  @Test(arguments: [21, 22, 23])
  func longWalksWithHubsCountWhatTheArcWalkCounted(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var f = GraphFixture()
    let n = 2_000
    for i in 0..<n { f.entity("E\(i)") }
    for _ in 0..<(n * 5) {
      // A quarter of the arcs end at one of ten hubs.
      let a = Int(random.next() % UInt64(n))
      let b = random.next() % 4 == 0 ? Int(random.next() % 10) : Int(random.next() % UInt64(n))
      if a != b { f.edge("E\(a)", "E\(b)", .supplies) }
    }
    let graph = f.build()
    let (arcs, _, _, flags, walkGraph) = randomRisk(on: graph, unexposedOneIn: 10, &random)
    #expect(walkGraph.maxInDegree > 100, "the hubs must have many sources")
    var truncated = 0
    var complete = 0
    for limit in [3, 40, 333, 1_500, 20_000] {
      var walk = ExposureAttribution.Walk(flags: flags)
      var old = ArcWalk(entityCount: graph.entityCount)
      for u in stride(from: 0, to: graph.entityCount, by: 7) where flags[u] & 1 != 0 {
        let got = walk.sourcesReaching(EntityIndex(u), in: walkGraph, maxDepth: 6, limit: limit)
        let want = old.sourcesReaching(EntityIndex(u), arcs: arcs, flags: flags, maxDepth: 6, limit: limit)
        #expect(got == want, "seed \(seed) limit \(limit) entity \(u)")
        if want.isComplete { complete += 1 } else { truncated += 1 }
      }
    }
    #expect(truncated > 100 && complete > 100, "the case must exercise both ends")
  }

  @Test func categoriesShareAWalkGraphOnlyWithTheSameFlags() {
    let a = ExposureAttribution.walkFlags(exposure: [0.5, 0, 0.2], inherent: [0, 0.7, 0.7])
    let b = ExposureAttribution.walkFlags(exposure: [0.1, 0, 0.9], inherent: [0, 0.3, 0.1])
    let c = ExposureAttribution.walkFlags(exposure: [0.1, 0.3, 0.9], inherent: [0, 0.7, 0.7])
    // The same entities exposed, but the sources' inherent-risk tags differ.
    let d = ExposureAttribution.walkFlags(exposure: [0.1, 0, 0.9], inherent: [0.7, 0, 0])
    #expect(ExposureAttribution.WalkGraph.sameFlags(a, b))
    #expect(!ExposureAttribution.WalkGraph.sameFlags(a, c))
    #expect(!ExposureAttribution.WalkGraph.sameFlags(a, d))
    #expect(!ExposureAttribution.WalkGraph.sameFlags(a, Array(a.prefix(2))))
  }

  /// Random risk on `graph`: exposure 0 for about one entity in `unexposedOneIn` (0.5 for the
  /// rest), inherent risk 0.7 for about one in three; with the graph's risk arcs, the walk flags
  /// and the walk graph built from them.
  private func randomRisk(on graph: SupplyGraph, unexposedOneIn: UInt64, _ random: inout SplitMix64) -> (
    arcs: RiskArcs, exposure: [Double], inherent: [Double], flags: [UInt8], walkGraph: ExposureAttribution.WalkGraph
  ) {
    let arcs = RiskArcs(graph: graph, transmission: Transmission(graph: graph, config: .defaults))
    let exposure = (0..<graph.entityCount).map { _ in random.next() % unexposedOneIn == 0 ? 0.0 : 0.5 }
    let inherent = (0..<graph.entityCount).map { _ in random.next() % 3 == 0 ? 0.7 : 0.0 }
    let flags = ExposureAttribution.walkFlags(exposure: exposure, inherent: inherent)
    return (arcs, exposure, inherent, flags, ExposureAttribution.WalkGraph(arcs: arcs, flags: flags))
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

/// The walk as it was before ``ExposureAttribution/WalkGraph``: over every arc of ``RiskArcs``
/// with per-walk visit stamps, skipping unexposed entities, stopping at `limit` visited entities.
private struct ArcWalk {
  private var stamp: [Int32]
  private var visit: Int32 = 0

  init(entityCount: Int) { stamp = [Int32](repeating: -1, count: entityCount) }

  mutating func sourcesReaching(
    _ u: EntityIndex, arcs: RiskArcs, flags: [UInt8], maxDepth: Int, limit: Int
  ) -> (count: Int, isComplete: Bool) {
    visit += 1
    var count = flags[Int(u)] & 2 != 0 ? 1 : 0
    var visited = 1
    var depth = 0
    var frontier = [u]
    stamp[Int(u)] = visit
    while !frontier.isEmpty, depth < maxDepth - 1 {
      var next: [EntityIndex] = []
      for v in frontier {
        for slot in Int(arcs.inOffsets[Int(v)])..<Int(arcs.inOffsets[Int(v) + 1]) {
          let w = Int(arcs.arcs[slot].entity)
          guard stamp[w] != visit, flags[w] & 1 != 0 else { continue }
          if visited == limit { return (count, false) }
          stamp[w] = visit
          visited += 1
          if flags[w] & 2 != 0 { count += 1 }
          next.append(EntityIndex(w))
        }
      }
      frontier = next
      depth += 1
    }
    return (count, true)
  }
}

