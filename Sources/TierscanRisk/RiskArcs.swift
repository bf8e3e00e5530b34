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

  /// The arcs into each entity, by a counting sort over the edges in input order: the arcs into
  /// `v` are the edges into `v` carrying risk forward, in input order (the order of `v`'s
  /// `incoming` adjacency), then the edges out of `v` carrying it backward, in input order (its
  /// `outgoing` order). Two sequential passes over the edge columns (count, then place), each
  /// edge's transmissions computed in both: no per-edge transmission arrays (80 MB at 1M/5M,
  /// docs/performance.md, memory) and no random reads of them in adjacency order.
  ///
  /// - Complexity: O(V + E).
  private static func arcsByTarget(graph: SupplyGraph, transmission: Transmission) -> (inOffsets: [Int32], arcs: [Arc]) {
    let n = graph.entityCount
    let edgeCount = graph.relationshipCount
    let (from, to) = (graph.relationships.from, graph.relationships.to)
    // Forward arcs into each entity, and all its arcs (at v + 1, summed below into offsets).
    var forwardInto = [Int32](repeating: 0, count: n)
    var inOffsets = [Int32](repeating: 0, count: n + 1)
    for e in 0..<edgeCount {
      let t = transmission.bothWays(e)
      if t.forward > 0 {
        forwardInto[Int(to[e])] += 1
        inOffsets[Int(to[e]) + 1] += 1
      }
      if t.backward > 0 { inOffsets[Int(from[e]) + 1] += 1 }
    }
    for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
    let arcCount = Int(inOffsets[n])
    // Where the next forward and the next backward arc into each entity go.
    var forwardCursor = Array(inOffsets[0..<n])
    var backwardCursor = forwardCursor
    for v in 0..<n { backwardCursor[v] += forwardInto[v] }
    forwardInto = []
    // Exactly as many arcs as transmitting directions: the array never grows (a doubling would
    // hold the old and the new buffer at once).
    let arcs = [Arc](unsafeUninitializedCapacity: arcCount) { buffer, initialized in
      for e in 0..<edgeCount {
        let t = transmission.bothWays(e)
        if t.forward > 0 {
          let v = Int(to[e])
          (buffer.baseAddress! + Int(forwardCursor[v])).initialize(
            to: Arc(entity: from[e], encodedEdge: Int32(e), transmission: t.forward))
          forwardCursor[v] += 1
        }
        if t.backward > 0 {
          let v = Int(from[e])
          (buffer.baseAddress! + Int(backwardCursor[v])).initialize(
            to: Arc(entity: to[e], encodedEdge: ~Int32(e), transmission: t.backward))
          backwardCursor[v] += 1
        }
      }
      initialized = arcCount
    }
    return (inOffsets, arcs)
  }
}
