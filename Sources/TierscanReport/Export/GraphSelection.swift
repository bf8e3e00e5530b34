import TierscanCore
import TierscanRisk

/// The part of a graph an export writes: every entity and relationship, or the entities within
/// `depth` hops of a centre (edges followed in either direction) and the relationships among them.
public struct GraphSelection: Sendable {
  /// Selected entities, ascending (= id order).
  public let entities: [EntityIndex]
  /// Selected relationships in export order: from id, to id, type, file, line, then input order.
  public let relationships: [Int]

  /// The whole graph.
  ///
  /// - Complexity: O(V + E log E).
  public init(all graph: SupplyGraph) {
    entities = (0..<graph.entityCount).map { EntityIndex($0) }
    relationships = Self.exportOrder(graph.relationships.indices, in: graph)
  }

  /// The entities within `depth` hops of `center` (either direction) and the edges among them.
  ///
  /// - Complexity: O(V + E log E) (breadth-first search, then sorting).
  public init(around center: EntityIndex, depth: Int, in graph: SupplyGraph) {
    var distance = [Int](repeating: -1, count: graph.entityCount)
    distance[Int(center)] = 0
    var frontier = [center]
    var level = 0
    while !frontier.isEmpty, level < depth {
      level += 1
      var next: [EntityIndex] = []
      for v in frontier {
        for adjacency in [graph.outgoing, graph.incoming] {
          let start = Int(adjacency.offsets[Int(v)])
          let end = Int(adjacency.offsets[Int(v) + 1])
          for slot in start..<end where distance[Int(adjacency.neighbors[slot])] < 0 {
            distance[Int(adjacency.neighbors[slot])] = level
            next.append(adjacency.neighbors[slot])
          }
        }
      }
      frontier = next
    }
    entities = distance.indices.filter { distance[$0] >= 0 }.map { EntityIndex($0) }
    let chosen = graph.relationships.indices.filter {
      distance[Int(graph.relationshipFrom[$0])] >= 0 && distance[Int(graph.relationshipTo[$0])] >= 0
    }
    relationships = Self.exportOrder(chosen, in: graph)
  }

  /// Relationship indices sorted as in `graph.json`.
  ///
  /// Endpoints and types are read from their columns and each relationship's provenance once,
  /// before sorting (materialising two relationships per comparison was 8.6 % of a 100k
  /// what-if's CPU); the comparisons, and so the order, are those of
  /// ``exportOrderMaterialising(_:in:)``.
  static func exportOrder<C: Collection<Int>>(_ indices: C, in graph: SupplyGraph) -> [Int] {
    let relationships = graph.relationships
    let from = relationships.from
    let to = relationships.to
    let type = relationships.type
    let keyed = indices.map { r in
      let provenance = relationships.provenance(r)
      return (index: r, file: provenance.file, line: provenance.line)
    }
    return keyed.sorted { x, y in
      let a = x.index
      let b = y.index
      if from[a] != from[b] { return from[a] < from[b] }
      if to[a] != to[b] { return to[a] < to[b] }
      if type[a] != type[b] { return type[a].rawValue.utf8Precedes(type[b].rawValue) }
      if !x.file.utf8Equals(y.file) { return x.file.utf8Precedes(y.file) }
      if x.line != y.line { return (x.line ?? 0) < (y.line ?? 0) }
      return a < b
    }.map(\.index)
  }

  /// The same order by materialising the relationships in every comparison (the reference
  /// for tests of ``exportOrder(_:in:)``).
  static func exportOrderMaterialising<C: Collection<Int>>(_ indices: C, in graph: SupplyGraph) -> [Int] {
    indices.sorted { a, b in
      let x = graph.relationships[a]
      let y = graph.relationships[b]
      if x.from != y.from { return x.from < y.from }
      if x.to != y.to { return x.to < y.to }
      if x.type != y.type { return x.type.rawValue.utf8Precedes(y.type.rawValue) }
      if !x.provenance.file.utf8Equals(y.provenance.file) { return x.provenance.file.utf8Precedes(y.provenance.file) }
      if x.provenance.line != y.provenance.line { return (x.provenance.line ?? 0) < (y.provenance.line ?? 0) }
      return a < b
    }
  }
}
