import Dispatch

/// Compressed sparse row adjacency: for each entity, the relationships leaving (or entering) it.
///
/// Built once after ingestion by a counting sort; within one entity the relationships keep
/// input order.
public struct Adjacency: Sendable {
  /// `offsets[v] ..< offsets[v + 1]` is the slice of `edges` and `neighbors` belonging to `v`.
  public let offsets: [Int32]
  /// Relationship indices.
  public let edges: [RelationshipIndex]
  /// The entity at the other end of each relationship.
  public let neighbors: [EntityIndex]

  /// Builds the adjacency of `entityCount` nodes from parallel endpoint arrays.
  ///
  /// - Parameters:
  ///   - keys: the endpoint the adjacency is keyed by (`from` for outgoing, `to` for incoming).
  ///   - others: the other endpoint of each relationship.
  /// - Complexity: O(V + E).
  public init(entityCount: Int, keys: [EntityIndex], others: [EntityIndex]) {
    var counts = [Int32](repeating: 0, count: entityCount + 1)
    for key in keys { counts[Int(key) + 1] += 1 }
    for i in 0..<entityCount { counts[i + 1] += counts[i] }
    var cursor = counts
    var edges = [RelationshipIndex](repeating: 0, count: keys.count)
    var neighbors = [EntityIndex](repeating: 0, count: keys.count)
    for (edge, key) in keys.enumerated() {
      let slot = Int(cursor[Int(key)])
      cursor[Int(key)] += 1
      edges[slot] = RelationshipIndex(edge)
      neighbors[slot] = others[edge]
    }
    self.offsets = counts
    self.edges = edges
    self.neighbors = neighbors
  }

  /// The outgoing (keyed by `from`) and incoming (keyed by `to`) adjacency of the same edges,
  /// built by two workers.
  public static func both(entityCount: Int, from: [EntityIndex], to: [EntityIndex]) -> (
    outgoing: Adjacency, incoming: Adjacency
  ) {
    ParallelWork.pair(
      { Adjacency(entityCount: entityCount, keys: from, others: to) },
      { Adjacency(entityCount: entityCount, keys: to, others: from) })
  }

  /// The relationship indices attached to `entity`.
  @inlinable
  public func edges(of entity: EntityIndex) -> ArraySlice<RelationshipIndex> {
    edges[Int(offsets[Int(entity)])..<Int(offsets[Int(entity) + 1])]
  }
}
