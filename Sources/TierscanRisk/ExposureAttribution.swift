import TierscanCore

/// Which of the focus's direct neighbours along risk arcs (its tier-1 suppliers, and owned or
/// operated entities whose risk reaches it) carry each category's exposure into the focus, and
/// what the focus's exposure would be without the one that carries the best path
/// (docs/outputs.md, `attribution.csv`).
public struct ExposureAttribution: Sendable {
  /// One neighbour in one category.
  public struct Row: Sendable, Hashable {
    public var category: String
    public var supplier: EntityIndex
    /// The type of the strongest arc from the supplier into the focus.
    public var edgeType: RelationshipType
    /// Entities with inherent risk > 0 in the category from which a transmitting path of at most
    /// `max_depth − 1` arcs reaches the supplier (the supplier itself included); a lower bound
    /// when ``sourcesComplete`` is false.
    public var sources: Int
    /// Whether ``sources`` is exact: false when the walk that counts them stopped at
    /// ``ExposureAttribution/maxWalk`` entities.
    public var sourcesComplete: Bool
    /// The best score that reaches the focus through this supplier, its source and length.
    public var bestScore: Double
    public var bestSource: EntityIndex
    public var bestHops: Int
    /// Whether the focus's own argmax path enters it through this supplier.
    public var carriesFocusBest: Bool
    /// The focus's exposure with the supplier and all its arcs removed (exact re-propagation
    /// when the focus's argmax path passes through it; otherwise unchanged), its source and the
    /// neighbour it then enters through (`nil` when the focus keeps no exposure, or for its own
    /// inherent risk).
    public var focusScoreWithout: Double
    public var focusSourceWithout: EntityIndex?
    public var focusViaWithout: EntityIndex?
  }

  public var rows: [Row]

  /// Computes the attribution of `analysis`'s focus.
  ///
  /// - Complexity: O(V + A) to rebuild the arcs, O(C · N · min(reach, ``maxWalk``)) to count
  ///   sources for N neighbours, plus one propagation per category whose argmax path passes
  ///   through a neighbour that is removed (the categories' own propagations are the scan's).
  public init(analysis: RiskAnalysis) {
    let graph = analysis.graph
    let focus = analysis.focus
    guard let explanations = analysis.exposures.first?.explanations else {
      rows = []
      return
    }
    let inherent = explanations.inherent
    let arcs = RiskArcs(graph: graph, transmission: analysis.transmission)
    let config = analysis.config
    let propagator = RiskPropagator()
    var rows: [Row] = []
    let order = config.categories.indices.sorted { config.categories[$0].utf8Precedes(config.categories[$1]) }
    let entityCount = graph.entityCount
    for c in order {
      let category = config.categories[c]
      let scores = inherent.scores[c]
      // The category's propagation: the scan's own result (the same arcs, inherent scores and
      // depth; recomputing it here cost one propagation per category).
      let result = explanations.results[c]
      let focusPath = result.path(to: focus, transmission: analysis.transmission)
      let onBestPath = Set(focusPath?.hops.map(\.from) ?? [])
      let bestVia = focusPath?.hops.last?.from
      // Best arc from each neighbour into the focus (first in fold order among equals).
      var best: [EntityIndex: (t: Double, edge: RelationshipIndex)] = [:]
      var neighbours: [EntityIndex] = []
      for slot in Int(arcs.inOffsets[Int(focus)])..<Int(arcs.inOffsets[Int(focus) + 1]) {
        let arc = arcs.arcs[slot]
        let u = arc.entity
        guard u != focus, result.scores[Int(u)] > 0, config.maxDepth >= 1 else { continue }
        if let seen = best[u] {
          if arc.transmission > seen.t { best[u] = (arc.transmission, arc.edge) }
        } else {
          best[u] = (arc.transmission, arc.edge)
          neighbours.append(u)
        }
      }
      // Sources reaching each neighbour: a breadth-first walk backwards along arcs, depth ≤
      // max_depth − 1, per neighbour; the walks are independent, so the neighbours are split over
      // the workers (each with its own visit stamps) and the counts joined in neighbour order.
      let sortedNeighbours = neighbours.sorted()
      let maxDepth = config.maxDepth
      // One byte per entity for the walks (bit 0: exposure > 0, bit 1: inherent risk > 0): 1 MB
      // at a million entities instead of two 8 MB score arrays read at random.
      let flags = Self.walkFlags(exposure: result.scores, inherent: scores)
      let counts = ParallelWork.map(count: sortedNeighbours.count, minimumToSplit: 64) { range in
        var walk = Walk(entityCount: entityCount)
        return range.map { k in walk.sourcesReaching(sortedNeighbours[k], arcs: arcs, flags: flags, maxDepth: maxDepth) }
      }.flatMap { $0 }
      for (k, u) in sortedNeighbours.enumerated() {
        let (t, edge) = best[u]!
        let (count, isComplete) = counts[k]
        var without = (score: result.scores[Int(focus)], source: focusPath.map(\.source), via: bestVia)
        if onBestPath.contains(u) {
          var zeroed = scores
          zeroed[Int(u)] = 0
          let pruned = RiskArcs(arcs, removing: [u])
          let other = propagator.propagate(arcs: pruned, inherent: zeroed, maxDepth: config.maxDepth)
          let path = other.path(to: focus, transmission: analysis.transmission)
          without = (other.scores[Int(focus)], path?.source, path?.hops.last?.from)
        }
        rows.append(
          Row(
            category: category, supplier: u, edgeType: graph.relationships[Int(edge)].type, sources: count,
            sourcesComplete: isComplete,
            bestScore: result.scores[Int(u)] * t, bestSource: result.source(of: u), bestHops: result.hops(of: u) + 1,
            carriesFocusBest: u == bestVia, focusScoreWithout: without.score, focusSourceWithout: without.source,
            focusViaWithout: without.via))
      }
    }
    self.rows = rows
  }

  /// The most entities one neighbour's source count visits. Counting the sources that reach every
  /// neighbour exactly is a reachability count per neighbour — O(N · (V + A)) — which at a million
  /// entities with thousands of tier-1 suppliers takes minutes; past this bound the count is
  /// reported as a lower bound (`N+` in attribution.csv).
  public static let maxWalk = 20_000

  /// Bit 0: exposure > 0; bit 1: inherent risk > 0.
  static func walkFlags(exposure: [Double], inherent: [Double]) -> [UInt8] {
    (0..<exposure.count).map { v in (exposure[v] > 0 ? 1 : 0) | (inherent[v] > 0 ? 2 : 0) }
  }

  /// The reusable state of one worker's source walks: visit stamps and the two frontiers.
  struct Walk {
    private var stamp: [Int32]
    private var visit: Int32 = 0
    private var frontier: [EntityIndex] = []
    private var next: [EntityIndex] = []

    init(entityCount: Int) { stamp = [Int32](repeating: -1, count: entityCount) }

    /// Counts the entities with inherent risk > 0 (`flags` bit 1) from which a path of at most
    /// `maxDepth − 1` arcs reaches `u`, walking backwards along arcs breadth-first. Only entities
    /// with exposure > 0 (`flags` bit 0) are walked: an entity on such a path within the depth
    /// limit has exposure > 0 itself, so the pruning is exact. Stops after ``maxWalk`` entities.
    ///
    /// - Complexity: O(min(reach, ``maxWalk``) × in-degree).
    mutating func sourcesReaching(
      _ u: EntityIndex, arcs: RiskArcs, flags: [UInt8], maxDepth: Int
    ) -> (count: Int, isComplete: Bool) {
      visit += 1
      let visit = visit
      var count = flags[Int(u)] & 2 != 0 ? 1 : 0
      var visited = 1
      var depth = 0
      frontier.removeAll(keepingCapacity: true)
      frontier.append(u)
      var isComplete = true
      stamp.withUnsafeMutableBufferPointer { stamp in
        flags.withUnsafeBufferPointer { flags in
          arcs.inOffsets.withUnsafeBufferPointer { offsets in
            arcs.arcs.withUnsafeBufferPointer { arcs in
              stamp[Int(u)] = visit
              walk: while !frontier.isEmpty, depth < maxDepth - 1 {
                next.removeAll(keepingCapacity: true)
                for v in frontier {
                  for slot in Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1]) {
                    let w = Int(arcs[slot].entity)
                    guard stamp[w] != visit else { continue }
                    let flag = flags[w]
                    guard flag & 1 != 0 else { continue }
                    if visited == maxWalk {
                      isComplete = false
                      break walk
                    }
                    stamp[w] = visit
                    visited += 1
                    if flag & 2 != 0 { count += 1 }
                    next.append(EntityIndex(w))
                  }
                }
                swap(&frontier, &next)
                depth += 1
              }
            }
          }
        }
      }
      return (count, isComplete)
    }
  }
}
