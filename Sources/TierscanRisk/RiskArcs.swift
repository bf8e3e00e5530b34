import TierscanCore

/// The graph as risk sees it: for every entity, the arcs along which risk can reach it (model §3),
/// and the entities its own risk can reach, as compressed sparse rows of transmitting arcs only.
///
/// An edge with forward transmission t > 0 is an arc from → to; one with backward transmission
/// is an arc to → from (`isReversed`). The arcs into each entity keep the order in which the
/// reference relaxation folds them: its `incoming` edges in CSR order, then its `outgoing` edges
/// in CSR order. Built once per scan and shared by every category's propagation, so the
/// propagation reads one contiguous record per candidate and never looks at an edge that does
/// not carry risk.
public struct RiskArcs: Sendable {
  /// One arc, stored with the entity it belongs to (see ``entity``).
  public struct Arc: Sendable {
    /// The entity at the other end: the source in ``arcs`` (arcs into an entity), the target in
    /// ``outArcs`` (arcs out of an entity).
    public var entity: EntityIndex
    /// The edge, as `~edge` when it is traversed against its stored direction.
    @usableFromInline var encodedEdge: Int32
    /// t(e) in the direction of the arc (> 0).
    public var transmission: Double

    /// The relationship traversed.
    @inlinable public var edge: RelationshipIndex { encodedEdge < 0 ? ~encodedEdge : encodedEdge }
    /// Whether the relationship is traversed to → from.
    @inlinable public var isReversed: Bool { encodedEdge < 0 }
  }

  /// `inOffsets[v] ..< inOffsets[v + 1]` are the arcs into `v` in ``arcs``.
  public let inOffsets: [Int32]
  /// Arcs into each entity, in fold order.
  public let arcs: [Arc]
  /// `outOffsets[u] ..< outOffsets[u + 1]` are the arcs out of `u` in ``outArcs``.
  public let outOffsets: [Int32]
  /// The same arcs by source entity (each with its target), by target then fold order, so a
  /// propagation pushing `u`'s risk reads them contiguously.
  public let outArcs: [Arc]

  /// Number of entities.
  public var entityCount: Int { inOffsets.count - 1 }

  /// Collects the transmitting arcs of `graph`.
  ///
  /// - Complexity: O(V + E).
  public init(graph: SupplyGraph, transmission: Transmission) {
    let n = graph.entityCount
    let (inOffsets, arcs) = Self.arcsByTarget(graph: graph, transmission: transmission)
    // The same arcs by source (a counting sort by source).
    var outOffsets = [Int32](repeating: 0, count: n + 1)
    for arc in arcs { outOffsets[Int(arc.entity) + 1] += 1 }
    for u in 0..<n { outOffsets[u + 1] += outOffsets[u] }
    var cursor = outOffsets
    let placeholder = Arc(entity: 0, encodedEdge: 0, transmission: 0)
    var outArcs = [Arc](repeating: placeholder, count: arcs.count)
    for v in 0..<n {
      for slot in Int(inOffsets[v])..<Int(inOffsets[v + 1]) {
        let arc = arcs[slot]
        let position = Int(cursor[Int(arc.entity)])
        cursor[Int(arc.entity)] += 1
        outArcs[position] = Arc(entity: EntityIndex(v), encodedEdge: arc.encodedEdge, transmission: arc.transmission)
      }
    }
    self.inOffsets = inOffsets
    self.arcs = arcs
    self.outOffsets = outOffsets
    self.outArcs = outArcs
  }

  /// Arcs from their parts (CSR both ways, consistent; for tests that build arcs by hand).
  init(inOffsets: [Int32], arcs: [Arc], outOffsets: [Int32], outArcs: [Arc]) {
    self.inOffsets = inOffsets
    self.arcs = arcs
    self.outOffsets = outOffsets
    self.outArcs = outArcs
  }

  /// The arcs into each entity, in a separate function so that the edge transmissions it
  /// computes are released before the caller allocates the out-arcs (at 1M/5M the two
  /// transmission arrays are 80 MB, and the arcs are built while the analysis holds everything
  /// else: docs/performance.md, memory).
  private static func arcsByTarget(graph: SupplyGraph, transmission: Transmission) -> (inOffsets: [Int32], arcs: [Arc]) {
    let n = graph.entityCount
    // Each edge's transmissions, once, in edge order (the slots below visit edges in random order).
    let edgeCount = graph.relationshipCount
    let forward = (0..<edgeCount).map { transmission.forward($0) }
    let backward = (0..<edgeCount).map { transmission.backward($0) }
    let incoming = graph.incoming
    let outgoing = graph.outgoing
    // Exactly as many arcs as transmitting directions: the array never grows (a doubling would
    // hold the old and the new buffer at once).
    var arcCount = 0
    for e in 0..<edgeCount {
      if forward[e] > 0 { arcCount += 1 }
      if backward[e] > 0 { arcCount += 1 }
    }
    // Arcs into v: incoming edges carrying risk forward, then outgoing edges carrying it backward.
    var inOffsets = [Int32](repeating: 0, count: n + 1)
    var arcs: [Arc] = []
    arcs.reserveCapacity(arcCount)
    for v in 0..<n {
      for slot in Int(incoming.offsets[v])..<Int(incoming.offsets[v + 1]) {
        let e = incoming.edges[slot]
        let t = forward[Int(e)]
        if t > 0 { arcs.append(Arc(entity: incoming.neighbors[slot], encodedEdge: e, transmission: t)) }
      }
      for slot in Int(outgoing.offsets[v])..<Int(outgoing.offsets[v + 1]) {
        let e = outgoing.edges[slot]
        let t = backward[Int(e)]
        if t > 0 { arcs.append(Arc(entity: outgoing.neighbors[slot], encodedEdge: ~e, transmission: t)) }
      }
      inOffsets[v + 1] = Int32(arcs.count)
    }
    return (inOffsets, arcs)
  }
}
