import TierscanCore
import TierscanRisk

/// Exposures of the entities below the focus (tier ≥ 1; the focus's own exposure is its own
/// figure), counted two ways and always labelled: as **entity × category** pairs (one entity
/// exposed in three categories counts 3) and as **distinct entities** (counts 1, at its highest
/// level). The two differ whenever an entity is exposed in more than one category.
public struct ExposureCounts: Sendable, Hashable {
  /// One level's counts.
  public struct Level: Sendable, Hashable {
    public var level: RiskLevel
    /// Entity × category pairs at this level.
    public var pairs: Int
    /// Distinct entities whose highest level (over all categories) is this level.
    public var entities: Int
  }

  /// Critical first.
  public var levels: [Level]
  /// Entity × category pairs with any exposure.
  public var pairs: Int
  /// Distinct entities with any exposure.
  public var entities: Int
  /// Entity × category pairs at high or critical.
  public var highOrCriticalPairs: Int
  /// Distinct entities with at least one high or critical exposure.
  public var highOrCriticalEntities: Int

  /// Counts `flags` of entities with tier ≥ 1.
  ///
  /// - Complexity: O(X log X) over the flags.
  public init(flags: [StatementFigures.Flag]) {
    let chain = flags.filter { $0.tier >= 1 }
    var highest: [RawKey: RiskLevel] = [:]
    for flag in chain {
      let key = RawKey(flag.entityID)
      if let level = highest[key], level >= flag.level { continue }
      highest[key] = flag.level
    }
    levels = RiskLevel.allCases.reversed().map { level in
      Level(level: level, pairs: chain.filter { $0.level == level }.count, entities: highest.values.filter { $0 == level }.count)
    }
    pairs = chain.count
    entities = highest.count
    highOrCriticalPairs = chain.filter { $0.level >= .high }.count
    highOrCriticalEntities = highest.values.filter { $0 >= .high }.count
  }
}
