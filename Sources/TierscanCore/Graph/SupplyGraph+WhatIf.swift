extension SupplyGraph {
  /// This graph without `removed` entities and every relationship touching them, and with each
  /// `old` supplier replaced by `new`: the relationships on which `old` supplies or subcontracts
  /// for a buyer are moved to `new` (which brings its own sub-tree), `old` and its other
  /// relationships go. Entity ids, order and provenance are kept; merged-away ids of removed
  /// entities no longer resolve.
  ///
  /// - Complexity: O(V + E).
  public func removing(_ removed: Set<EntityIndex>, replacing: [(old: EntityIndex, new: EntityIndex)] = []) -> SupplyGraph {
    var gone = [Bool](repeating: false, count: entityCount)
    for v in removed { gone[Int(v)] = true }
    var replacement = [EntityIndex?](repeating: nil, count: entityCount)
    for (old, new) in replacing {
      gone[Int(old)] = true
      replacement[Int(old)] = new
    }
    var newIndex = [EntityIndex](repeating: -1, count: entityCount)
    var kept: [Entity] = []
    for (v, entity) in entities.enumerated() where !gone[v] {
      newIndex[v] = EntityIndex(kept.count)
      kept.append(entity)
    }
    var edges: [Relationship] = []
    for r in 0..<relationshipCount {
      var edge = relationships[r]
      if let new = replacement[Int(edge.from)], edge.type == .supplies || edge.type == .subcontracts, !gone[Int(edge.to)] {
        edge.from = new
      }
      guard !gone[Int(edge.from)], !gone[Int(edge.to)] else { continue }
      edge.from = newIndex[Int(edge.from)]
      edge.to = newIndex[Int(edge.to)]
      edges.append(edge)
    }
    return SupplyGraph(entities: kept, relationships: edges)
  }
}
