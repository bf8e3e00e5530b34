import TierscanCore
import TierscanIngest
import TierscanRisk

/// The facts a Modern Slavery Statement can cite, computed from one scan: nothing here is prose,
/// every number traces to the graph, the analysis or the inputs.
public struct StatementFigures: Sendable {
  /// A label and a count.
  public struct Count: Sendable, Hashable {
    public var key: String
    public var count: Int
  }

  /// Entities of one tier, by kind.
  public struct TierCount: Sendable, Hashable {
    public var tier: Int
    public var entities: Int
    public var byKind: [Count]
  }

  /// A country × commodity reference row that applies to a risk source reaching the chain.
  public struct CountryCommodityRisk: Sendable, Hashable {
    public var country: String
    public var commodity: String
    public var category: String
    public var source: String
    /// Risk sources it applies to, by id.
    public var entities: [String]
  }

  /// A risk-list (or ownership-aggregate) match on a risk source reaching the chain.
  public struct ListMatch: Sendable, Hashable {
    public var entityID: String
    public var name: String
    public var category: String
    public var rule: String
    /// The list name, or the owners for `ownership-aggregate`.
    public var list: String
  }

  /// An exposure of an entity with a tier, with its place in `paths.json`.
  public struct Flag: Sendable, Hashable {
    public var entityID: String
    public var name: String
    public var country: String?
    public var tier: Int
    public var category: String
    public var level: RiskLevel
    public var score: Double
    public var sourceID: String
    public var hops: Int
    /// 0-based index into the pack's `paths.json` (written with the default `--paths-min-level low`).
    public var pathIndex: Int
  }

  /// Coverage of one tier (model §3).
  public struct CoverageTier: Sendable, Hashable {
    public var tier: Int
    public var entities: Int
    public var unmappedIDs: [String]
    public var disclosed: Int
    public var disclosedShare: Double
  }

  /// Counts per level for one category.
  public struct CategoryLevels: Sendable, Hashable {
    public var category: String
    public var levels: [Count]
  }

  /// Findings of one rule and severity.
  public struct RuleCount: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var count: Int
  }

  public var focusID: String
  public var focusName: String
  public var focusCountry: String?
  /// Entities with tier ≥ 1 (suppliers, smelters, mines and any other kind: see ``composition``).
  public var suppliersInChain: Int
  /// The entities with tier ≥ 1 by what they are: suppliers apart from smelters and mines, and
  /// what can be unmapped.
  public var composition: ChainComposition
  public var byTier: [TierCount]
  /// Tier ≥ 1 entities by country (`unknown` when absent), most first, then by code.
  public var byCountry: [Count]
  /// Tier ≥ 1 entities by sector (`unknown` when absent), most first, then by name.
  public var bySector: [Count]
  /// Entities outside the chain (owners, operators, unrelated).
  public var untiered: Int
  /// Entities the focus owns with a share ≥ `control_share` (ids), directly.
  public var controlledEntities: [String]
  public var countryCommodityRisks: [CountryCommodityRisk]
  /// Distinct countries of ``countryCommodityRisks``, sorted.
  public var highRiskCountries: [String]
  public var listMatches: [ListMatch]
  /// Tiered exposures per level, critical first.
  public var flaggedByLevel: [Count]
  public var flaggedByCategory: [CategoryLevels]
  /// Every tiered exposure, in `paths.json` order.
  public var flags: [Flag]
  /// The focus's own exposure per category.
  public var focusExposures: [Flag]
  /// Per category (configuration order): how many other sources reach the focus with the score
  /// its explanation names.
  public var focusTies: [SourceTies.Category]
  /// Exposures of tier ≥ 1 entities as entity × category pairs and as distinct entities.
  public var exposureCounts: ExposureCounts
  /// Per category (configuration order): the chain's entities no inherent-risk input could apply
  /// to, by reason (SPEC §6: unassessed is not clean).
  public var unassessed: [Unassessed.Category]
  /// Why each risk source behind a flagged exposure is one (rule, list, reference row, status).
  public var sourceReasons: [SourceReason]
  /// The dates of the smelter status reference against the period end.
  public var statusAge: SmelterStatusAge
  public var coverage: [CoverageTier]
  /// `risk list`, `country risk`, `smelter status reference` when absent from the inputs.
  public var missingReferenceData: [String]
  /// Unmapped tier ≥ 1 entities over those that can be unmapped (``ChainComposition/canBeUnmapped``:
  /// not smelters, mines or raw-material producers).
  public var unmappedShare: Double
  public var cmrt: CMRTFigures
  /// Assessment coverage and audit KPIs at the period end.
  public var audits: AuditFigures
  /// Ingest, graph and risk findings by severity (error, warning, info).
  public var findingsBySeverity: [Count]
  /// The same findings by rule and severity: errors first, then warnings, then info; most first
  /// within a severity, then by rule id.
  public var findingsByRule: [RuleCount]
}
