import TierscanCore

/// Read access to a graph's transmitting arcs (model §3): the arcs into an entity in fold order
/// (its incoming edges carrying risk forward in CSR order, then its outgoing edges carrying it
/// backward in CSR order), and the entities an entity's risk reaches in one arc.
///
/// ``RiskArcs`` stores the arcs (the propagation's table); ``ArcDirections`` reads them from the
/// graph's own adjacency with one byte per relationship, for the work after the propagation that
/// visits few arcs (`attribution.csv`) and should not hold a second copy of them.
protocol TransmittingArcs {
  /// Number of entities.
  var entityCount: Int { get }
  /// Number of arcs (transmitting directions of edges).
  var arcCount: Int { get }
  /// Calls `body` with every arc into `v`, in fold order.
  func forEachArc(into v: EntityIndex, _ body: (RiskArcs.Arc) -> Void)
  /// Calls `body` with the source of every arc into `v`, in fold order.
  func forEachSource(into v: EntityIndex, _ body: (EntityIndex) -> Void)
  /// Calls `body` with the target of every arc out of `u` (in an order of the conformer's choice).
  func forEachTarget(outOf u: EntityIndex, _ body: (EntityIndex) -> Void)
  /// The number of arcs into `v`.
  func inDegree(_ v: EntityIndex) -> Int
  /// The number of arcs out of `u`.
  func outDegree(_ u: EntityIndex) -> Int
}

extension RiskArcs: TransmittingArcs {
  var arcCount: Int { arcs.count }

  @inline(__always)
  func forEachArc(into v: EntityIndex, _ body: (Arc) -> Void) {
    for slot in Int(inOffsets[Int(v)])..<Int(inOffsets[Int(v) + 1]) { body(arcs[slot]) }
  }

  @inline(__always)
  func forEachSource(into v: EntityIndex, _ body: (EntityIndex) -> Void) {
    for slot in Int(inOffsets[Int(v)])..<Int(inOffsets[Int(v) + 1]) { body(arcs[slot].entity) }
  }

  @inline(__always)
  func forEachTarget(outOf u: EntityIndex, _ body: (EntityIndex) -> Void) {
    for slot in Int(outOffsets[Int(u)])..<Int(outOffsets[Int(u) + 1]) { body(outArcs[slot].entity) }
  }

  func inDegree(_ v: EntityIndex) -> Int { Int(inOffsets[Int(v) + 1] - inOffsets[Int(v)]) }
  func outDegree(_ u: EntityIndex) -> Int { Int(outOffsets[Int(u) + 1] - outOffsets[Int(u)]) }
}
