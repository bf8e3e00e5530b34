import TierscanCore
import TierscanMatch

/// The risk model's settings (model §3). Build one with ``RiskConfig/parse(_:)`` from a (partial)
/// JSON file, or use ``RiskConfig/defaults``.
public struct RiskConfig: Sendable, Equatable {
  /// Which way risk moves along an edge type.
  public enum Direction: String, Sendable, Equatable, CaseIterable {
    /// from → to.
    case forward
    /// to → from.
    case backward
    /// Both ways.
    case both
    /// Never.
    case none
  }

  /// How one relationship type carries risk.
  public struct EdgeRule: Sendable, Equatable {
    public var direction: Direction
    /// In [0, 1].
    public var factor: Double

    /// Creates a rule.
    public init(direction: Direction, factor: Double) {
      self.direction = direction
      self.factor = factor
    }
  }

  /// Score thresholds of the levels; 0 < medium ≤ high ≤ critical ≤ 1.
  public struct Levels: Sendable, Equatable {
    public var critical: Double
    public var high: Double
    public var medium: Double
  }

  /// Risk categories, in config order (outputs sort them by bytes).
  public var categories: [String]
  /// Edge rules by relationship type.
  public var supplies: EdgeRule
  public var subcontracts: EdgeRule
  public var operates: EdgeRule
  public var owns: EdgeRule
  /// Percent an `owns` edge needs to transmit, and the aggregate-ownership threshold; in (0, 100].
  public var controlShare: Double
  /// Confidence of an edge without its own, by basis.
  public var observedConfidence: Double
  public var declaredConfidence: Double
  public var inferredConfidence: Double
  /// Per-hop decay in (0, 1].
  public var hopDecay: Double
  /// Longest path considered (≥ 0).
  public var maxDepth: Int
  public var levels: Levels
  /// Scores of the risk-list match rules.
  public var identifierMatchScore: Double
  public var nameCountryMatchScore: Double
  public var nameOnlyMatchScore: Double
  /// Score of the fuzzy risk-list rule `name-fuzzy` (SPEC v3 §6), below the exact rules'.
  public var nameFuzzyMatchScore: Double
  /// Scores of smelter statuses (model §2.6).
  public var conformantScore: Double
  public var activeScore: Double
  public var nonConformantScore: Double
  public var unknownStatusScore: Double
  /// Scores of ILAB goods-list flags (model §2.9).
  public var ilabChildLabourScore: Double
  public var ilabForcedLabourScore: Double
  /// Legal-form words dropped when normalising names (model §2.4).
  public var legalForms: [String]
  /// FollowTheMoney topic → category for FtM risk lists (`ftm_topics`; ``FtMTopicMapping``); a
  /// topic mapped to the empty string, or absent, is not used.
  public var ftmTopics: [String: String] = [:]
  /// The `audit` section: audit-finding scores, windows and the severity table (docs/audits.md).
  public var audit: AuditConfig = .defaults
  /// Entity-resolution thresholds and limits (config key `matching`).
  public var matching: MatchConfig
  /// Whether risk lists are screened with the fuzzy rule `name-fuzzy` (`matching.fuzzy_screening`;
  /// off, only the exact rules apply and an info finding `fuzzy-screening-off` says so).
  public var screensFuzzy: Bool
  /// Whether scans look for possible duplicate entities (`matching.duplicates`).
  public var findsDuplicates: Bool
  /// Largest graph searched for duplicates during a scan (`matching.duplicates_max_entities`).
  public var duplicatesMaxEntities: Int
  /// Most risk-list matches listed per entity and category (`matching.max_list_matches_per_entity`,
  /// default 20): further matches still raise r₀ but are only counted (warning
  /// `list-matches-not-listed`), so many colliding rows cannot make outputs O(rows × entities).
  public var maxListMatchesPerEntity: Int = 20

  /// The shipped defaults (``DefaultRiskConfig/json``).
  public static let defaults: RiskConfig = {
    do {
      return try RiskConfig.parse(DefaultRiskConfig.json, overDefaults: false)
    } catch {
      fatalError("the shipped default config is invalid: \(error)")
    }
  }()

  /// The rule of a relationship type.
  public func rule(for type: RelationshipType) -> EdgeRule {
    switch type {
    case .supplies: supplies
    case .subcontracts: subcontracts
    case .operates: operates
    case .owns: owns
    }
  }

  /// The confidence of an edge: its own when given, else `basis_confidence[basis]`.
  public func confidence(of relationship: Relationship) -> Double {
    relationship.confidence ?? confidence(of: relationship.basis)
  }

  /// `basis_confidence[basis]`: the confidence of an edge that gives none of its own.
  public func confidence(of basis: Basis) -> Double {
    switch basis {
    case .observed: return observedConfidence
    case .declared: return declaredConfidence
    case .inferred: return inferredConfidence
    }
  }

  /// The score of a smelter status.
  public func score(of status: SmelterStatus) -> Double {
    switch status {
    case .conformant: conformantScore
    case .active: activeScore
    case .nonConformant: nonConformantScore
    case .unknown: unknownStatusScore
    }
  }

  /// The score of a risk-list match rule.
  public func score(of rule: ListMatchRule) -> Double {
    switch rule {
    case .identifier: identifierMatchScore
    case .nameCountry: nameCountryMatchScore
    case .nameOnly: nameOnlyMatchScore
    case .nameFuzzy: nameFuzzyMatchScore
    }
  }

  /// The level a score reaches: ≥ threshold − 1e-12, critical then high then medium; any other
  /// score > 0 is low; 0 has no level.
  public func level(of score: Double) -> RiskLevel? {
    if score >= levels.critical - 1e-12 { return .critical }
    if score >= levels.high - 1e-12 { return .high }
    if score >= levels.medium - 1e-12 { return .medium }
    return score > 0 ? .low : nil
  }

  /// Whether `category` is configured (compared as raw bytes).
  public func hasCategory(_ category: String) -> Bool { categories.contains { $0.utf8Equals(category) } }

  /// A name normaliser using ``legalForms``.
  public var normalizer: NameNormalizer { NameNormalizer(legalForms: legalForms) }
}

/// Risk levels, least to most severe.
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  case low
  case medium
  case high
  case critical

  private var rank: Int {
    switch self {
    case .low: 0
    case .medium: 1
    case .high: 2
    case .critical: 3
    }
  }

  public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// The three risk-list matching rules (model §2.4).
public enum ListMatchRule: String, Sendable, Hashable, CaseIterable {
  case identifier
  case nameCountry = "name-country"
  case nameOnly = "name-only"
  case nameFuzzy = "name-fuzzy"
}
