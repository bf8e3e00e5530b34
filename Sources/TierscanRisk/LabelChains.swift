import TierscanCore

/// Paths stored as chains of labels (entity, edge, parent label), as the propagation keeps them
/// (``RiskPropagator``): the propagation's own tree, and the "without u" overlay of
/// `attribution.csv` (``ExposureWithout``), whose new labels hang below the tree's.
protocol LabelChains {
  /// The entity of `label`.
  func node(_ label: Int32) -> EntityIndex
  /// The label `label` was reached from, -1 at a source.
  func parent(_ label: Int32) -> Int32
  /// The relationship `label` was reached over (-1 at a source).
  func edge(_ label: Int32) -> RelationshipIndex
}

extension LabelChains {
  /// Compares the paths `(e1 from p1)` and `(e2 from p2)` into the same entity, of equal length:
  /// entity sequences first, then edge sequences (``PathOrder``). Returns whether the first
  /// precedes. Chains stop early where they share a label: below it the paths are the same.
  @inline(__always)
  func precedes(_ e1: RelationshipIndex, _ p1: Int32, _ e2: RelationshipIndex, _ p2: Int32) -> Bool {
    var a = p1
    var b = p2
    while a != b, a >= 0, b >= 0 {
      if node(a) != node(b) { return node(a) < node(b) }
      a = parent(a)
      b = parent(b)
    }
    if e1 != e2 { return e1 < e2 }
    a = p1
    b = p2
    while a != b, a >= 0, b >= 0 {
      if edge(a) != edge(b) { return edge(a) < edge(b) }
      a = parent(a)
      b = parent(b)
    }
    return false
  }
}
