import TierscanCore

/// Per-edge transmission t(e) = (factor(type) × confidence(e)) × hop_decay, split by the way
/// the risk moves (model §3). A value of 0 means the edge does not carry risk that way.
///
/// Values are computed from the relationship columns when asked (a few loads and one
/// multiplication), so a scan keeps no per-edge arrays for them.
public struct Transmission: Sendable {
  private let relationships: RelationshipTable
  private let config: RiskConfig

  /// The table of `graph`'s edges. An `owns` edge transmits only when its share is ≥ `control_share`.
  public init(graph: SupplyGraph, config: RiskConfig) {
    self.relationships = graph.relationships
    self.config = config
  }

  /// The confidence used for edge `e`: its own, else `basis_confidence[basis]`.
  @inline(__always)
  public func confidence(_ e: Int) -> Double {
    relationships.confidence(e) ?? config.confidence(of: relationships.basis[e])
  }

  /// t(e) when risk moves from → to (direction `forward` or `both`), else 0.
  public func forward(_ e: Int) -> Double {
    let direction = config.rule(for: relationships.type[e]).direction
    return direction == .forward || direction == .both ? transmission(e) : 0
  }

  /// t(e) when risk moves to → from (direction `backward` or `both`), else 0.
  public func backward(_ e: Int) -> Double {
    let direction = config.rule(for: relationships.type[e]).direction
    return direction == .backward || direction == .both ? transmission(e) : 0
  }

  /// ``forward(_:)`` and ``backward(_:)`` of edge `e` in one look-up of its type's rule (the
  /// same values).
  @inline(__always)
  public func bothWays(_ e: Int) -> (forward: Double, backward: Double) {
    switch config.rule(for: relationships.type[e]).direction {
    case .none: return (0, 0)
    case .forward: return (transmission(e), 0)
    case .backward: return (0, transmission(e))
    case .both:
      let t = transmission(e)
      return (t, t)
    }
  }

  /// t(e) of a hop traversed against (`reversed`) or along the edge's stored direction.
  public func along(_ e: Int, reversed: Bool) -> Double { reversed ? backward(e) : forward(e) }

  /// (factor × confidence) × hop_decay, or 0 for an `owns` edge below the control share.
  @inline(__always)
  private func transmission(_ e: Int) -> Double {
    let type = relationships.type[e]
    if type == .owns {
      guard let share = relationships.share(e), share >= config.controlShare else { return 0 }
    }
    let t = (config.rule(for: type).factor * confidence(e)) * config.hopDecay
    return t > 0 ? t : 0
  }
}

/// One hop of an explanation path, in the direction the risk moved.
public struct PathHop: Sendable, Hashable {
  /// The relationship traversed.
  public var edge: RelationshipIndex
  /// Whether the relationship was traversed against its stored direction (to → from).
  public var isReversed: Bool
  /// The entity the risk moved from.
  public var from: EntityIndex
  /// The entity the risk moved to.
  public var to: EntityIndex
  /// t(e) of this hop.
  public var transmission: Double

  /// Creates a hop.
  public init(edge: RelationshipIndex, isReversed: Bool, from: EntityIndex, to: EntityIndex, transmission: Double) {
    self.edge = edge
    self.isReversed = isReversed
    self.from = from
    self.to = to
    self.transmission = transmission
  }
}

/// The argmax path of one exposure: its score, risk source and hops from the source to the entity.
public struct ExposurePath: Sendable, Hashable {
  public var score: Double
  /// The entity whose inherent risk this is (the entity itself when `hops` is empty).
  public var source: EntityIndex
  /// From the source towards the entity; when ``omittedHops`` > 0, only the last hops (those
  /// nearest the entity), the first `omittedHops` hops from the source being left out.
  public var hops: [PathHop]
  /// Hops of the path between the source and `hops[0]` that are not listed (a path longer than
  /// the hop limit it was asked for, docs/reliability.md); 0 for a whole path.
  public var omittedHops: Int

  /// Creates a path.
  public init(score: Double, source: EntityIndex, hops: [PathHop], omittedHops: Int = 0) {
    self.score = score
    self.source = source
    self.hops = hops
    self.omittedHops = omittedHops
  }

  /// The path's length: listed and omitted hops.
  public var length: Int { omittedHops + hops.count }
}
