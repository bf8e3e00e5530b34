import TierscanCore

/// Tiers relative to a focus entity (model §3).
///
/// The tier of an entity is the fewest `supplies`/`subcontracts` hops upstream from the focus
/// (the focus is tier 0, its direct suppliers tier 1). A facility, mine or smelter operated by an
/// entity of tier t gets tier t when it has no smaller tier. Other entities have no tier: in
/// particular the tier search does not continue through an `operates` edge (a path through one
/// is not a chain of supply hops); an operated site's own suppliers get a tier only when they
/// are also upstream of the focus by supply hops.
public struct Tiering: Sendable {
  /// `tiers[v]`, `nil` for entities outside the focus's chain.
  public let tiers: [Int?]

  /// Computes tiers.
  ///
  /// - Complexity: O(V + E): one breadth-first search over incoming supply edges, then one pass
  ///   over `operates` edges.
  public init(graph: SupplyGraph, focus: EntityIndex) {
    // Columns are read directly: materialising a `Relationship` or copying an `Entity` per
    // visit would retain and release their strings.
    let types = graph.relationships.type
    let incoming = graph.incoming
    var supplyTier = [Int](repeating: Int.max, count: graph.entityCount)
    supplyTier[Int(focus)] = 0
    var queue: [EntityIndex] = [focus]
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      let next = supplyTier[Int(u)] + 1
      for slot in Int(incoming.offsets[Int(u)])..<Int(incoming.offsets[Int(u) + 1]) {
        guard types[Int(incoming.edges[slot])].isSupplyFlow else { continue }
        let w = Int(incoming.neighbors[slot])
        if supplyTier[w] == Int.max {
          supplyTier[w] = next
          queue.append(EntityIndex(w))
        }
      }
    }
    var tiers = supplyTier
    let from = graph.relationships.from
    let to = graph.relationships.to
    for r in types.indices where types[r] == .operates {
      let operatorTier = supplyTier[Int(from[r])]
      let site = Int(to[r])
      guard operatorTier != Int.max, graph.entities.kind(of: site) != .company else { continue }
      tiers[site] = min(tiers[site], operatorTier)
    }
    self.tiers = tiers.map { $0 == Int.max ? nil : $0 }
  }
}
