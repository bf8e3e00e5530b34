import TierscanCore

/// The distinct owners of every entity, each with its largest `owns` share (among equal largest
/// shares, the first edge in input order), for aggregate ownership (model §3). Stored by owned
/// entity and by owner as compressed rows: only `owns` edges with a share > 0 take room beyond
/// two offset arrays.
struct OwnershipStakes {
  /// One distinct owner of an entity, with its largest share and the edge stating it.
  struct Stake {
    var owner: EntityIndex
    var share: Double
    var edge: RelationshipIndex
  }

  /// The stakes in entity x are `stakes[stakeStart[x] ..< stakeStart[x + 1]]`, sorted by owner.
  private let stakes: [Stake]
  private let stakeStart: [Int32]
  /// The entities owner o has a stake in are `held[heldStart[o] ..< heldStart[o + 1]]`, ascending.
  private let held: [EntityIndex]
  private let heldStart: [Int32]

  /// Reads the `owns` edges of `graph` from its relationship columns.
  ///
  /// - Complexity: O(V + E + S log S) for S `owns` edges with a share.
  init(graph: SupplyGraph) {
    let relationships = graph.relationships
    // (owned entity, stake), in input order, then sorted by owned entity, owner and input order.
    var edges: [(owned: EntityIndex, stake: Stake)] = []
    relationships.type.withUnsafeBufferPointer { type in
      for e in type.indices where type[e] == .owns {
        guard let share = relationships.share(e), share > 0 else { continue }
        edges.append((relationships.to[e], Stake(owner: relationships.from[e], share: share, edge: RelationshipIndex(e))))
      }
    }
    edges.sort { ($0.owned, $0.stake.owner, $0.stake.edge) < ($1.owned, $1.stake.owner, $1.stake.edge) }
    // One stake per (owned, owner): the first edge with the largest share.
    var distinct: [(owned: EntityIndex, stake: Stake)] = []
    for edge in edges {
      if let last = distinct.last, last.owned == edge.owned, last.stake.owner == edge.stake.owner {
        if edge.stake.share > last.stake.share { distinct[distinct.count - 1] = edge }
      } else {
        distinct.append(edge)
      }
    }
    let entityCount = graph.entityCount
    stakes = distinct.map(\.stake)
    stakeStart = Self.offsets(of: distinct.map(\.owned), count: entityCount)
    // By owner: a counting sort of the stakes, which keeps owned entities ascending.
    let heldStart = Self.offsets(of: stakes.map(\.owner), count: entityCount)
    var cursor = heldStart
    var held = [EntityIndex](repeating: 0, count: distinct.count)
    for (owned, stake) in distinct {
      held[Int(cursor[Int(stake.owner)])] = owned
      cursor[Int(stake.owner)] += 1
    }
    self.held = held
    self.heldStart = heldStart
  }

  /// Whether no entity has an owner.
  var isEmpty: Bool { stakes.isEmpty }

  /// The stakes in `entity`, sorted by owner.
  func stakes(in entity: EntityIndex) -> ArraySlice<Stake> {
    stakes[Int(stakeStart[Int(entity)])..<Int(stakeStart[Int(entity) + 1])]
  }

  /// The entities `owner` has a stake in, ascending.
  func entities(heldBy owner: EntityIndex) -> ArraySlice<EntityIndex> {
    held[Int(heldStart[Int(owner)])..<Int(heldStart[Int(owner) + 1])]
  }

  /// Row offsets of `keys` (every key < `count`) counted per key: key k has rows
  /// `offsets[k] ..< offsets[k + 1]`.
  private static func offsets(of keys: [EntityIndex], count: Int) -> [Int32] {
    var offsets = [Int32](repeating: 0, count: count + 1)
    for key in keys { offsets[Int(key) + 1] += 1 }
    for k in 0..<count { offsets[k + 1] += offsets[k] }
    return offsets
  }
}
