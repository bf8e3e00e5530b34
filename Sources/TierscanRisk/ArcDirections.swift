import TierscanCore

/// The transmitting arcs of a graph read from its own adjacency (`incoming`, `outgoing`) and,
/// for every adjacency slot, one byte saying which ways its relationship carries risk (bit 0:
/// t > 0 from → to, bit 1: t > 0 to → from); an arc's transmission is computed when it is read.
///
/// The same arcs in the same fold order as ``RiskArcs`` (a test compares them), in 2 bytes per
/// relationship (one per slot, read in slot order beside the adjacency) instead of two 16-byte
/// arcs per transmitting direction plus offsets (172 MB at 1M entities / 5M relationships):
/// `attribution.csv` reads the arcs of the focus, of the exposed entities its source walks visit
/// and of the entities downstream of a removed neighbour, after the propagation's own arcs are
/// released (docs/performance.md).
struct ArcDirections: TransmittingArcs, Sendable {
  private let incoming: Adjacency
  private let outgoing: Adjacency
  private let transmission: Transmission
  /// Per slot of `incoming` / `outgoing`: bit 0 its relationship's forward t > 0, bit 1 backward t > 0.
  private let inMask: [UInt8]
  private let outMask: [UInt8]
  let arcCount: Int

  var entityCount: Int { incoming.offsets.count - 1 }

  /// - Complexity: O(V + E), split over the workers.
  init(graph: SupplyGraph, transmission: Transmission) {
    incoming = graph.incoming
    outgoing = graph.outgoing
    self.transmission = transmission
    let edgeCount = graph.relationshipCount
    let byEdge = Self.joined(
      ParallelWork.map(count: edgeCount, minimumToSplit: 100_000) { range in
        range.map { e in UInt8(transmission.forward(e) > 0 ? 1 : 0) | (transmission.backward(e) > 0 ? 2 : 0) }
      })
    arcCount = byEdge.reduce(0) { $0 + Int($1 & 1) + Int($1 >> 1) }
    let incomingEdges = incoming.edges
    let outgoingEdges = outgoing.edges
    (inMask, outMask) = ParallelWork.pair(
      { incomingEdges.map { byEdge[Int($0)] } }, { outgoingEdges.map { byEdge[Int($0)] } })
  }

  private static func joined(_ pieces: [[UInt8]]) -> [UInt8] { pieces.count == 1 ? pieces[0] : Array(pieces.joined()) }

  @inline(__always)
  func forEachArc(into v: EntityIndex, _ body: (RiskArcs.Arc) -> Void) {
    for slot in Int(incoming.offsets[Int(v)])..<Int(incoming.offsets[Int(v) + 1]) {
      guard inMask[slot] & 1 != 0 else { continue }
      let e = incoming.edges[slot]
      body(RiskArcs.Arc(entity: incoming.neighbors[slot], encodedEdge: e, transmission: transmission.forward(Int(e))))
    }
    for slot in Int(outgoing.offsets[Int(v)])..<Int(outgoing.offsets[Int(v) + 1]) {
      guard outMask[slot] & 2 != 0 else { continue }
      let e = outgoing.edges[slot]
      body(RiskArcs.Arc(entity: outgoing.neighbors[slot], encodedEdge: ~e, transmission: transmission.backward(Int(e))))
    }
  }

  /// The sources of the arcs into `v`, in fold order, without their transmissions.
  @inline(__always)
  func forEachSource(into v: EntityIndex, _ body: (EntityIndex) -> Void) {
    for slot in Int(incoming.offsets[Int(v)])..<Int(incoming.offsets[Int(v) + 1])
    where inMask[slot] & 1 != 0 {
      body(incoming.neighbors[slot])
    }
    for slot in Int(outgoing.offsets[Int(v)])..<Int(outgoing.offsets[Int(v) + 1])
    where outMask[slot] & 2 != 0 {
      body(outgoing.neighbors[slot])
    }
  }

  /// The source walks' graph (``ExposureAttribution/WalkGraph``) as CSR: for every entity that
  /// `flags` marks exposed (bit 0), the sources of its arcs (in fold order) that are exposed too,
  /// each tagged with ``ExposureAttribution/WalkGraph/inherentTag`` when it has inherent risk
  /// (bit 1); `offsets[v] ..< offsets[v + 1]` in `sources`. An unexposed entity's row is empty
  /// (a walk never expands one). The entity range is split over the workers.
  ///
  /// - Complexity: O(V + E over exposed entities).
  func walkCSR(flags: [UInt8]) -> (offsets: [Int32], sources: [UInt32]) {
    walkCSR(flags: flags, minimumToSplit: 100_000)
  }

  /// ``walkCSR(flags:)`` split over the workers from `minimumToSplit` entities on (tests force a
  /// split with 0).
  func walkCSR(flags keep: [UInt8], minimumToSplit: Int) -> (offsets: [Int32], sources: [UInt32]) {
    let n = entityCount
    let pieces = ParallelWork.map(count: n, minimumToSplit: minimumToSplit) { range in
      var offsets: [Int32] = []
      offsets.reserveCapacity(range.count)
      var sources: [UInt32] = []
      keep.withUnsafeBufferPointer { keep in
        inMask.withUnsafeBufferPointer { inMask in
          incoming.offsets.withUnsafeBufferPointer { inOffsets in
            outMask.withUnsafeBufferPointer { outMask in
              incoming.neighbors.withUnsafeBufferPointer { inNeighbors in
                outgoing.offsets.withUnsafeBufferPointer { outOffsets in
                  outgoing.neighbors.withUnsafeBufferPointer { outNeighbors in
                    for v in range {
                      if keep[v] & 1 != 0 {
                        for slot in Int(inOffsets[v])..<Int(inOffsets[v + 1]) where inMask[slot] & 1 != 0 {
                          let w = inNeighbors[slot]
                          let f = keep[Int(w)]
                          if f & 1 != 0 { sources.append(ExposureAttribution.WalkGraph.tagged(w, flags: f)) }
                        }
                        for slot in Int(outOffsets[v])..<Int(outOffsets[v + 1]) where outMask[slot] & 2 != 0 {
                          let w = outNeighbors[slot]
                          let f = keep[Int(w)]
                          if f & 1 != 0 { sources.append(ExposureAttribution.WalkGraph.tagged(w, flags: f)) }
                        }
                      }
                      offsets.append(Int32(sources.count))
                    }
                  }
                }
              }
            }
          }
        }
      }
      return (offsets: offsets, sources: sources)
    }
    return Self.joinedCSR(pieces, entityCount: n)
  }

  /// The walk CSR of consecutive entity pieces, each with offsets relative to its own sources
  /// (one offset per entity, the end of its row), as one CSR.
  static func joinedCSR(
    _ pieces: [(offsets: [Int32], sources: [UInt32])], entityCount n: Int
  ) -> (offsets: [Int32], sources: [UInt32]) {
    var offsets = [Int32](repeating: 0, count: 1)
    offsets.reserveCapacity(n + 1)
    var sources: [UInt32] = []
    sources.reserveCapacity(pieces.reduce(0) { $0 + $1.sources.count })
    for piece in pieces {
      let base = Int32(sources.count)
      offsets.append(contentsOf: piece.offsets.lazy.map { $0 + base })
      sources.append(contentsOf: piece.sources)
    }
    return (offsets, sources)
  }

  /// Forward arcs along `u`'s outgoing edges, then backward arcs along its incoming ones.
  @inline(__always)
  func forEachTarget(outOf u: EntityIndex, _ body: (EntityIndex) -> Void) {
    for slot in Int(outgoing.offsets[Int(u)])..<Int(outgoing.offsets[Int(u) + 1])
    where outMask[slot] & 1 != 0 {
      body(outgoing.neighbors[slot])
    }
    for slot in Int(incoming.offsets[Int(u)])..<Int(incoming.offsets[Int(u) + 1])
    where inMask[slot] & 2 != 0 {
      body(incoming.neighbors[slot])
    }
  }

  func inDegree(_ v: EntityIndex) -> Int {
    var count = 0
    forEachSource(into: v) { _ in count += 1 }
    return count
  }

  func outDegree(_ u: EntityIndex) -> Int {
    var count = 0
    forEachTarget(outOf: u) { _ in count += 1 }
    return count
  }
}
