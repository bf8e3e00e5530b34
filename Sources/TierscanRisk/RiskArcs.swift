import Dispatch
import TierscanCore

/// The graph as risk sees it: for every entity, the arcs along which risk can reach it (SPEC §3),
/// and the entities its own risk can reach, as compressed sparse rows of transmitting arcs only.
///
/// An edge with forward transmission t > 0 is an arc from → to; one with backward transmission
/// is an arc to → from (`isReversed`). The arcs into each entity keep the order in which the
/// reference relaxation folds them: its `incoming` edges in CSR order, then its `outgoing` edges
/// in CSR order. Built once per scan and shared by every category's propagation, so the
/// propagation reads one contiguous record per candidate and never looks at an edge that does
/// not carry risk.
public struct RiskArcs: Sendable {
  /// One arc into an entity.
  public struct Arc: Sendable {
    /// The entity the risk comes from.
    public var source: EntityIndex
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
  /// `outOffsets[u] ..< outOffsets[u + 1]` are the entities in ``targets`` that `u`'s risk reaches
  /// over one arc (an entity appears once per arc).
  public let outOffsets: [Int32]
  /// Arc targets by source entity.
  public let targets: [EntityIndex]

  /// Number of entities.
  public var entityCount: Int { inOffsets.count - 1 }

  /// Collects the transmitting arcs of `graph`.
  ///
  /// - Complexity: O(V + E), on two workers (one per direction of the rows).
  public init(graph: SupplyGraph, transmission: Transmission) {
    let n = graph.entityCount
    let forward = transmission.forward
    let backward = transmission.backward
    let incoming = graph.incoming
    let outgoing = graph.outgoing
    // Arcs into v: incoming edges carrying risk forward, then outgoing edges carrying it backward.
    // Arcs out of u: outgoing edges carrying risk forward, then incoming edges carrying it backward.
    enum Rows {
      case into(offsets: [Int32], arcs: [Arc])
      case outOf(offsets: [Int32], targets: [EntityIndex])
    }
    let rows = Slots<Rows>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
      if task == 0 {
        var offsets = [Int32](repeating: 0, count: n + 1)
        var arcs: [Arc] = []
        arcs.reserveCapacity(incoming.edges.count)
        for v in 0..<n {
          for slot in Int(incoming.offsets[v])..<Int(incoming.offsets[v + 1]) {
            let e = incoming.edges[slot]
            let t = forward[Int(e)]
            if t > 0 { arcs.append(Arc(source: incoming.neighbors[slot], encodedEdge: e, transmission: t)) }
          }
          for slot in Int(outgoing.offsets[v])..<Int(outgoing.offsets[v + 1]) {
            let e = outgoing.edges[slot]
            let t = backward[Int(e)]
            if t > 0 { arcs.append(Arc(source: outgoing.neighbors[slot], encodedEdge: ~e, transmission: t)) }
          }
          offsets[v + 1] = Int32(arcs.count)
        }
        rows.set(0, .into(offsets: offsets, arcs: arcs))
      } else {
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets: [EntityIndex] = []
        targets.reserveCapacity(outgoing.edges.count)
        for u in 0..<n {
          for slot in Int(outgoing.offsets[u])..<Int(outgoing.offsets[u + 1])
          where forward[Int(outgoing.edges[slot])] > 0 {
            targets.append(outgoing.neighbors[slot])
          }
          for slot in Int(incoming.offsets[u])..<Int(incoming.offsets[u + 1])
          where backward[Int(incoming.edges[slot])] > 0 {
            targets.append(incoming.neighbors[slot])
          }
          offsets[u + 1] = Int32(targets.count)
        }
        rows.set(1, .outOf(offsets: offsets, targets: targets))
      }
    }
    guard case .into(let inOffsets, let arcs) = rows.values[0], case .outOf(let outOffsets, let targets) = rows.values[1]
    else { preconditionFailure("both rows are built") }
    (self.inOffsets, self.arcs, self.outOffsets, self.targets) = (inOffsets, arcs, outOffsets, targets)
  }
}
