import TierscanCore

/// Per-edge transmission t(e) = (factor(type) × confidence(e)) × hop_decay, split by the way
/// the risk moves (SPEC §3). A value of 0 means the edge does not carry risk that way.
public struct Transmission: Sendable {
  /// t(e) when risk moves from → to (direction `forward` or `both`), else 0.
  public let forward: [Double]
  /// t(e) when risk moves to → from (direction `backward` or `both`), else 0.
  public let backward: [Double]
  /// The confidence used for each edge (its own, else `basis_confidence[basis]`).
  public let confidence: [Double]

  /// Computes the table. An `owns` edge transmits only when its share is ≥ `control_share`.
  ///
  /// - Complexity: O(E).
  public init(graph: SupplyGraph, config: RiskConfig) {
    var forward = [Double](repeating: 0, count: graph.relationshipCount)
    var backward = forward
    var confidence = forward
    // Columns are read directly (no `Relationship` materialised per edge).
    let table = graph.relationships
    let types = table.type
    let basis = table.basis
    for e in types.indices {
      let type = types[e]
      let rule = config.rule(for: type)
      confidence[e] = table.confidence(e) ?? config.confidence(of: basis[e])
      if type == .owns {
        guard let share = table.share(e), share >= config.controlShare else { continue }
      }
      let t = (rule.factor * confidence[e]) * config.hopDecay
      guard t > 0 else { continue }
      switch rule.direction {
      case .forward: forward[e] = t
      case .backward: backward[e] = t
      case .both:
        forward[e] = t
        backward[e] = t
      case .none: break
      }
    }
    self.forward = forward
    self.backward = backward
    self.confidence = confidence
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
  /// From the source towards the entity.
  public var hops: [PathHop]

  /// Creates a path.
  public init(score: Double, source: EntityIndex, hops: [PathHop]) {
    self.score = score
    self.source = source
    self.hops = hops
  }
}
