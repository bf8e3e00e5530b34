import TierscanCore

/// How many risk sources reach one entity with its best score, per category: the explanation
/// names one source (the tie-break of docs/risk-model.md), and a reader must be told when others
/// score the same ("0.700 — and 99 other sources with the same score").
///
/// For every source s with r₀(s) > 0 the best score it gives the entity is r₀(s) × the best
/// product of transmissions over a path of at most `max_depth` arcs from s to the entity, found
/// by one backward max-product search per category. Two scores are equal when they differ by at
/// most 1e-12 (the engine's near-tie tolerance; the backward products multiply in a different
/// order than the forward propagation).
public struct SourceTies: Sendable {
  /// The figures of one category.
  public struct Category: Sendable, Equatable {
    /// The category's name.
    public var name: String
    /// The entity's exposure (0 when it has none).
    public var score: Double
    /// Sources whose best path reaches the entity with a score > 0.
    public var sourcesReaching: Int
    /// Sources other than the explanation's own that reach the entity with the same score.
    public var otherTiedSources: Int
  }

  /// Per category, in configuration order.
  public let categories: [Category]

  /// The tolerance within which two scores are the same.
  public static let tolerance = 1e-12

  /// Counts the sources reaching `entity` in every category.
  ///
  /// - Complexity: O(C · D · (V + A)) for D = `max_depth`: a layered backward search per category
  ///   that walks only entities whose best product improved in the previous layer.
  public init(analysis: RiskAnalysis, entity: EntityIndex) {
    let config = analysis.config
    guard let inherent = analysis.exposures.first?.explanations.inherent else {
      categories = config.categories.map { Category(name: $0, score: 0, sourcesReaching: 0, otherTiedSources: 0) }
      return
    }
    let arcs = RiskArcs(graph: analysis.graph, transmission: analysis.transmission)
    let products = Self.bestProducts(to: entity, arcs: arcs, maxDepth: config.maxDepth)
    var result: [Category] = []
    for (c, name) in config.categories.enumerated() {
      let scores = inherent.scores[c]
      let exposure = analysis.exposure(of: entity, in: name)
      let best = exposure?.score ?? 0
      var reaching = 0
      var tied = 0
      for v in products.indices where products[v] > 0 && scores[v] > 0 {
        reaching += 1
        if abs(scores[v] * products[v] - best) <= Self.tolerance, EntityIndex(v) != exposure?.source { tied += 1 }
      }
      result.append(Category(name: name, score: best, sourcesReaching: reaching, otherTiedSources: tied))
    }
    categories = result
  }

  /// The figures of the category named `name`.
  public func category(named name: String) -> Category? { categories.first { $0.name.utf8Equals(name) } }

  /// For every entity, the best product of transmissions over a path of at most `maxDepth` arcs
  /// from it to `target` (1 for the target itself, 0 when no such path exists).
  ///
  /// - Complexity: O(D · (V + A)); each layer relaxes the in-arcs of the entities improved in the
  ///   layer before, from the values they had then, so a layer-k value uses at most k arcs.
  static func bestProducts(to target: EntityIndex, arcs: RiskArcs, maxDepth: Int) -> [Double] {
    var best = [Double](repeating: 0, count: arcs.entityCount)
    best[Int(target)] = 1
    var frontier: [(entity: Int, product: Double)] = [(Int(target), 1)]
    var stamp = [Int32](repeating: 0, count: arcs.entityCount)
    var layer: Int32 = 0
    while !frontier.isEmpty, Int(layer) < maxDepth {
      layer += 1
      var improved: [Int] = []
      for (v, product) in frontier {
        for slot in Int(arcs.inOffsets[v])..<Int(arcs.inOffsets[v + 1]) {
          let arc = arcs.arcs[slot]
          let u = Int(arc.entity)
          let candidate = product * arc.transmission
          guard candidate > best[u] else { continue }
          best[u] = candidate
          if stamp[u] != layer {
            stamp[u] = layer
            improved.append(u)
          }
        }
      }
      frontier = improved.map { ($0, best[$0]) }
    }
    return best
  }
}
