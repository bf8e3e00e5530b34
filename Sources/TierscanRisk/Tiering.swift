import TierscanCore

/// Tiers relative to a focus entity (SPEC §3).
///
/// The tier of an entity is the fewest `supplies`/`subcontracts` hops upstream from the focus
/// (the focus is tier 0, its direct suppliers tier 1). A facility, mine or smelter operated by an
/// entity of tier t gets tier t when it has no smaller tier. Choice where SPEC is silent: an
/// operated site's own suppliers continue from the site's tier (t + 1), so a mine supplying a
/// tier-2 company's smelter is in the chain; this is a 0-1 breadth-first search where
/// `operates` edges into sites cost 0 and supply edges cost 1.
public struct Tiering: Sendable {
  /// `tiers[v]`, `nil` for entities outside the focus's chain.
  public let tiers: [Int?]

  /// Computes tiers.
  ///
  /// - Complexity: O(V + E).
  public init(graph: SupplyGraph, focus: EntityIndex) {
    var tiers = [Int?](repeating: nil, count: graph.entityCount)
    var dist = [Int](repeating: Int.max, count: graph.entityCount)
    var deque: [EntityIndex] = [focus]
    var front: [EntityIndex] = []  // zero-cost additions processed before the current level
    dist[Int(focus)] = 0
    var head = 0
    // 0-1 BFS with two queues: `front` holds same-distance nodes, `deque` is FIFO of increasing distance.
    while head < deque.count || !front.isEmpty {
      let u: EntityIndex
      if let last = front.popLast() {
        u = last
      } else {
        u = deque[head]
        head += 1
      }
      let d = dist[Int(u)]
      for slot in Int(graph.incoming.offsets[Int(u)])..<Int(graph.incoming.offsets[Int(u) + 1]) {
        let e = Int(graph.incoming.edges[slot])
        guard graph.relationships[e].type.isSupplyFlow else { continue }
        let w = graph.incoming.neighbors[slot]
        if d + 1 < dist[Int(w)] {
          dist[Int(w)] = d + 1
          deque.append(w)
        }
      }
      for slot in Int(graph.outgoing.offsets[Int(u)])..<Int(graph.outgoing.offsets[Int(u) + 1]) {
        let e = Int(graph.outgoing.edges[slot])
        guard graph.relationships[e].type == .operates else { continue }
        let w = graph.outgoing.neighbors[slot]
        guard graph.entities[Int(w)].kind != .company, d < dist[Int(w)] else { continue }
        dist[Int(w)] = d
        front.append(w)
      }
    }
    for v in 0..<graph.entityCount where dist[v] != Int.max { tiers[v] = dist[v] }
    self.tiers = tiers
  }
}
