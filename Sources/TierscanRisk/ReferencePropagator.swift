import TierscanCore

/// The reference algorithm of model §3: layered relaxation keeping every layer's whole paths.
/// Simple and slow; tests use it to check ``RiskPropagator``.
///
/// E₀ = r₀; Eₖ(v) = best of Eₖ₋₁(v) and Eₖ₋₁(u) × t(e) over every arc u → v, folded in this
/// order: the incumbent Eₖ₋₁(v), arcs of `incoming` edges (forward transmission) in CSR order,
/// then arcs of `outgoing` edges (backward transmission) in CSR order. A candidate replaces the
/// best so far when ``PathOrder`` says it is better.
public struct ReferencePropagator: Sendable {
  /// A whole candidate path, from the entity back to the source.
  struct Candidate {
    var score: Double
    /// Entities from v back to the source.
    var nodes: [EntityIndex]
    /// Edges from v back to the source (`nodes.count - 1` of them).
    var edges: [RelationshipIndex]
    var reversed: [Bool]
  }

  /// Creates the reference propagator.
  public init() {}

  /// Exposure of every entity for one category.
  ///
  /// - Complexity: O(D · (V + E) · D) time and O(V · D) memory per layer.
  public func propagate(
    graph: SupplyGraph, transmission: Transmission, inherent: [Double], maxDepth: Int
  ) -> [ExposurePath?] {
    var layer: [Candidate?] = inherent.enumerated().map { v, score in
      score > 0 ? Candidate(score: score, nodes: [EntityIndex(v)], edges: [], reversed: []) : nil
    }
    if maxDepth > 0 {
      for _ in 1...maxDepth {
        var next = layer
        var changed = false
        for v in 0..<graph.entityCount {
          var best = layer[v]
          func consider(_ u: EntityIndex, _ e: RelationshipIndex, _ t: Double, reversed: Bool) {
            guard t > 0, let base = layer[Int(u)] else { return }
            let candidate = Candidate(
              score: base.score * t, nodes: [EntityIndex(v)] + base.nodes, edges: [e] + base.edges,
              reversed: [reversed] + base.reversed)
            guard candidate.score > 0 else { return }
            if let incumbent = best, !Self.isBetter(candidate, than: incumbent) { return }
            best = candidate
          }
          let incoming = graph.incoming
          for slot in Int(incoming.offsets[v])..<Int(incoming.offsets[v + 1]) {
            let e = incoming.edges[slot]
            consider(incoming.neighbors[slot], e, transmission.forward(Int(e)), reversed: false)
          }
          let outgoing = graph.outgoing
          for slot in Int(outgoing.offsets[v])..<Int(outgoing.offsets[v + 1]) {
            let e = outgoing.edges[slot]
            consider(outgoing.neighbors[slot], e, transmission.backward(Int(e)), reversed: true)
          }
          if let best, best.nodes != layer[v]?.nodes || best.edges != layer[v]?.edges {
            next[v] = best
            changed = true
          }
        }
        layer = next
        if !changed { break }
      }
    }
    return layer.map { candidate in
      guard let candidate else { return nil }
      var hops: [PathHop] = []
      for i in stride(from: candidate.edges.count - 1, through: 0, by: -1) {
        let e = candidate.edges[i]
        let reversed = candidate.reversed[i]
        hops.append(
          PathHop(
            edge: e, isReversed: reversed, from: candidate.nodes[i + 1], to: candidate.nodes[i],
            transmission: transmission.along(Int(e), reversed: reversed)))
      }
      return ExposurePath(score: candidate.score, source: candidate.nodes.last!, hops: hops)
    }
  }

  static func isBetter(_ a: Candidate, than b: Candidate) -> Bool {
    if a.score > b.score + PathOrder.tolerance { return true }
    if a.score < b.score - PathOrder.tolerance { return false }
    if a.edges.count != b.edges.count { return a.edges.count < b.edges.count }
    if a.nodes != b.nodes { return a.nodes.lexicographicallyPrecedes(b.nodes) }
    return a.edges.lexicographicallyPrecedes(b.edges)
  }
}

/// The order of candidate paths for one entity (model §3): a score more than 1e-12 higher wins;
/// scores within 1e-12 tie and fewer hops win; then the lexicographically smaller sequence of
/// entity indices (= ids, indices follow id byte order) from the entity back to the source;
/// then the smaller sequence of edge indices (= input order), so among parallel edges the first
/// in input order is cited.
public enum PathOrder {
  /// Scores closer than this are ties.
  public static let tolerance = 1e-12
}
