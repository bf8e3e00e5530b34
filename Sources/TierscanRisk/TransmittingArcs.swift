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
  /// The source walks' graph (``ExposureAttribution/WalkGraph``) as CSR: for every entity that
  /// `flags` marks exposed (bit 0), the sources of its arcs (in fold order) that are exposed too,
  /// each tagged with ``ExposureAttribution/WalkGraph/inherentTag`` when it has inherent risk
  /// (bit 1); `offsets[v] ..< offsets[v + 1]` in `sources`. An unexposed entity's row is empty
  /// (a walk never expands one). The entity range is split over the workers.
  func walkCSR(flags: [UInt8]) -> (offsets: [Int32], sources: [UInt32])
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

  func walkCSR(flags: [UInt8]) -> (offsets: [Int32], sources: [UInt32]) {
    walkCSR(flags: flags, minimumToSplit: Self.minimumToSplit)
  }

  /// ``walkCSR(flags:)`` read from the stored arcs into each entity (contiguous, in fold order),
  /// split over the workers from `minimumToSplit` entities on (tests force a split with 0).
  ///
  /// - Complexity: O(V + A over exposed entities).
  func walkCSR(flags keep: [UInt8], minimumToSplit: Int) -> (offsets: [Int32], sources: [UInt32]) {
    let pieces = ParallelWork.map(count: entityCount, minimumToSplit: minimumToSplit) { range in
      var offsets: [Int32] = []
      offsets.reserveCapacity(range.count)
      var sources: [UInt32] = []
      keep.withUnsafeBufferPointer { keep in
        inOffsets.withUnsafeBufferPointer { inOffsets in
          arcs.withUnsafeBufferPointer { arcs in
            for v in range {
              if keep[v] & 1 != 0 {
                for slot in Int(inOffsets[v])..<Int(inOffsets[v + 1]) {
                  let w = arcs[slot].entity
                  let f = keep[Int(w)]
                  if f & 1 != 0 { sources.append(ExposureAttribution.WalkGraph.tagged(w, flags: f)) }
                }
              }
              offsets.append(Int32(sources.count))
            }
          }
        }
      }
      return (offsets: offsets, sources: sources)
    }
    return ArcDirections.joinedCSR(pieces, entityCount: entityCount)
  }
}
