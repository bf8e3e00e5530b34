import TierscanCore

/// The exposure of one entity in one category, with its explanation.
public struct Exposure: Sendable, Hashable {
  public var entity: EntityIndex
  public var category: String
  /// E(v, c) > 0.
  public var score: Double
  public var level: RiskLevel
  /// The argmax path (hops from the source to the entity; empty for inherent risk).
  public var path: ExposurePath
  /// The inherent-risk rules of the path's source in this category.
  public var rules: [RiskRule]

  /// Path length.
  public var hops: Int { path.hops.count }
  /// The risk source.
  public var source: EntityIndex { path.source }
}

/// Everything a scan computes: the graph, exposures, tiers, coverage and findings.
public struct RiskAnalysis: Sendable {
  public let graph: SupplyGraph
  public let config: RiskConfig
  /// The focus entity.
  public let focus: EntityIndex
  /// Every exposure with score > 0, sorted by entity id (= index) then category bytes.
  public let exposures: [Exposure]
  /// Tier of every entity relative to the focus, `nil` outside its chain.
  public let tiers: [Int?]
  public let coverage: Coverage
  /// Transmission and confidence of every edge, as used.
  public let transmission: Transmission
  /// Findings of the risk stage (unknown categories, ownership over 100 %), in order.
  public let findings: FindingLog

  /// Creates an analysis (``RiskEngine`` does this).
  public init(
    graph: SupplyGraph, config: RiskConfig, focus: EntityIndex, exposures: [Exposure], tiers: [Int?],
    coverage: Coverage, transmission: Transmission, findings: FindingLog
  ) {
    self.graph = graph
    self.config = config
    self.focus = focus
    self.exposures = exposures
    self.tiers = tiers
    self.coverage = coverage
    self.transmission = transmission
    self.findings = findings
  }

  /// The exposures of `entity`, by category bytes.
  ///
  /// - Complexity: O(log n) to find them.
  public func exposures(of entity: EntityIndex) -> ArraySlice<Exposure> {
    var low = 0
    var high = exposures.count
    while low < high {
      let mid = (low + high) / 2
      if exposures[mid].entity < entity { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < exposures.count, exposures[end].entity == entity { end += 1 }
    return exposures[low..<end]
  }

  /// The exposure of `entity` in `category`, if its score is > 0.
  public func exposure(of entity: EntityIndex, in category: String) -> Exposure? {
    exposures(of: entity).first { $0.category.utf8Equals(category) }
  }

  /// The highest level among exposures of entities with a tier (for `--fail-on`).
  public var highestTieredLevel: RiskLevel? {
    var highest: RiskLevel?
    for i in exposures.indices where tiers[Int(exposures[i].entity)] != nil {
      highest = max(highest ?? exposures[i].level, exposures[i].level)
    }
    return highest
  }
}
