import TierscanCore

/// One hit of an inherent-risk rule: the rule applied to an entity in a category (model §3), with
/// the score it gives, the row it comes from and its evidence. `paths.json` writes one per `rules[]` item.
public struct RuleHit: Sendable, Hashable {
  /// Which rule hit.
  public var rule: RiskRuleID
  public var category: String
  /// The score this rule gives, in [0, 1].
  public var score: Double
  /// The row the rule comes from (risk-list row, country row, smelter reference, owns edge).
  public var provenance: Provenance?
  /// Rule-specific evidence as ordered key/value pairs, e.g. `list`, `reference`, `matched_name`.
  public var evidence: [(String, JSONValue)]

  /// Creates a rule hit.
  public init(
    rule: RiskRuleID, category: String, score: Double, provenance: Provenance?, evidence: [(String, JSONValue)] = []
  ) {
    self.rule = rule
    self.category = category
    self.score = score
    self.provenance = provenance
    self.evidence = evidence
  }

  public static func == (lhs: RuleHit, rhs: RuleHit) -> Bool {
    lhs.rule == rhs.rule && lhs.category.utf8Equals(rhs.category) && lhs.score == rhs.score
      && lhs.provenance == rhs.provenance && JSONValue.object(lhs.evidence) == JSONValue.object(rhs.evidence)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(rule)
    hasher.combine(score)
    hasher.combine(provenance)
    hasher.combine(JSONValue.object(evidence))
  }
}
