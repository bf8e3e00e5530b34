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

  /// Edges (or entities) below which the arcs are built on the calling thread alone.
  static let minimumToSplit = 100_000

  /// Collects the transmitting arcs of `graph`, on both cores for a large graph.
  ///
  /// - Complexity: O(V + E).
  public init(graph: SupplyGraph, transmission: Transmission) {
    self.init(graph: graph, transmission: transmission, minimumToSplit: Self.minimumToSplit)
  }

  /// Collects the transmitting arcs of `graph`, splitting the edges (then the entities) over the
  /// workers when there are at least `minimumToSplit` of them (tests force a split with 0): the
  /// same arcs in the same order either way.
  ///
  /// - Complexity: O(V + E).
  init(graph: SupplyGraph, transmission: Transmission, minimumToSplit: Int) {
    let n = graph.entityCount
    let (inOffsets, arcs) = Self.arcsByTarget(graph: graph, transmission: transmission, minimumToSplit: minimumToSplit)
    let (outOffsets, outArcs) = Self.arcsBySource(
      entityCount: n, inOffsets: inOffsets, arcs: arcs, minimumToSplit: minimumToSplit)
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
  /// `outgoing` order). Two passes over the edge columns (count, then place), each edge's
  /// transmissions computed in both: no per-edge transmission arrays (80 MB at 1M/5M,
  /// docs/performance.md, memory). Both passes are random writes (by target), so they run on
  /// both cores, each over its piece of the edges with its own counts (``PieceCounts``: a
  /// target's forward arcs of piece 0, then of piece 1, then its backward arcs of piece 0, then
  /// of piece 1: input order within each direction).
  ///
  /// - Complexity: O(V + E).
  private static func arcsByTarget(
    graph: SupplyGraph, transmission: Transmission, minimumToSplit: Int
  ) -> (inOffsets: [Int32], arcs: [Arc]) {
    let n = graph.entityCount
    let edgeCount = graph.relationshipCount
    let (from, to) = (graph.relationships.from, graph.relationships.to)
    let pieces = ParallelWork.ranges(count: edgeCount, minimumToSplit: minimumToSplit)
    // Rows 0..<k: forward arcs of piece w into each entity; rows k..<2k: backward arcs.
    let k = pieces.count
    var counts = PieceCounts(pieces: 2 * k, keys: n)
    counts.withShared { shared in
      _ = ParallelWork.each(count: k) { w in
        for e in pieces[w] {
          let t = transmission.bothWays(e)
          if t.forward > 0 { shared.count(piece: w, key: Int(to[e])) }
          if t.backward > 0 { shared.count(piece: k + w, key: Int(from[e])) }
        }
      }
    }
    let inOffsets = counts.cursors()
    let arcCount = Int(inOffsets[n])
    // Exactly as many arcs as transmitting directions: the array never grows (a doubling would
    // hold the old and the new buffer at once). Every slot is written once, by one piece.
    let arcs = [Arc](unsafeUninitializedCapacity: arcCount) { buffer, initialized in
      let slots = ArcSlots(base: buffer.baseAddress)
      counts.withShared { shared in
        _ = ParallelWork.each(count: k) { w in
          for e in pieces[w] {
            let t = transmission.bothWays(e)
            if t.forward > 0 {
              slots.initialize(
                shared.take(piece: w, key: Int(to[e])),
                to: Arc(entity: from[e], encodedEdge: Int32(e), transmission: t.forward))
            }
            if t.backward > 0 {
              slots.initialize(
                shared.take(piece: k + w, key: Int(from[e])),
                to: Arc(entity: to[e], encodedEdge: ~Int32(e), transmission: t.backward))
            }
          }
        }
      }
      initialized = arcCount
    }
    return (inOffsets, arcs)
  }

  /// The same arcs by source entity (a counting sort of `arcs` by source), each source's arcs by
  /// target then fold order: the entities are cut into pieces, each piece counts and then places
  /// the arcs into its entities at its own cursors (``PieceCounts``), so a source's arcs from
  /// piece 0's targets come first, as in one pass over all targets.
  ///
  /// - Complexity: O(V + E).
  private static func arcsBySource(
    entityCount n: Int, inOffsets: [Int32], arcs: [Arc], minimumToSplit: Int
  ) -> (outOffsets: [Int32], outArcs: [Arc]) {
    let pieces = ParallelWork.ranges(count: n, minimumToSplit: minimumToSplit)
    var counts = PieceCounts(pieces: pieces.count, keys: n)
    counts.withShared { shared in
      _ = ParallelWork.each(count: pieces.count) { w in
        for slot in Int(inOffsets[pieces[w].lowerBound])..<Int(inOffsets[pieces[w].upperBound]) {
          shared.count(piece: w, key: Int(arcs[slot].entity))
        }
      }
    }
    let outOffsets = counts.cursors()
    let outArcs = [Arc](unsafeUninitializedCapacity: arcs.count) { buffer, initialized in
      let slots = ArcSlots(base: buffer.baseAddress)
      counts.withShared { shared in
        _ = ParallelWork.each(count: pieces.count) { w in
          for v in pieces[w] {
            for slot in Int(inOffsets[v])..<Int(inOffsets[v + 1]) {
              let arc = arcs[slot]
              slots.initialize(
                shared.take(piece: w, key: Int(arc.entity)),
                to: Arc(entity: EntityIndex(v), encodedEdge: arc.encodedEdge, transmission: arc.transmission))
            }
          }
        }
      }
      initialized = arcs.count
    }
    return (outOffsets, outArcs)
  }

  /// An uninitialised arc buffer that the pieces of a build initialise at disjoint slots.
  private struct ArcSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Arc>?

    @inline(__always) func initialize(_ slot: Int, to arc: Arc) { (base! + slot).initialize(to: arc) }
  }
}
