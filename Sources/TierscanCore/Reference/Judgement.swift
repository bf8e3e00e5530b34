/// A reviewer's recorded decision about two records (SPEC v3 §6): the same entity, not the same,
/// or unsure. `left` and `right` name entity ids, or a risk-list row as `list:<list>|<name>`.
public struct Judgement: Sendable, Hashable {
  /// The reviewer's decision.
  public enum Decision: String, Sendable, Hashable, CaseIterable {
    /// The two records are one entity: entities merge; a risk-list row matches the entity.
    case same
    /// Different entities: a name match or a `possible` pair between them is suppressed.
    case notSame = "not_same"
    /// Undecided: the pair stays in review.
    case unsure
  }

  public var left: String
  public var right: String
  public var decision: Decision
  public var reviewer: String?
  /// ISO date as given.
  public var decidedOn: String?
  public var reason: String?
  public var provenance: Provenance
  /// Unknown columns, in column order.
  public var attributes: [Attribute]

  /// Creates a judgement.
  public init(
    left: String, right: String, decision: Decision, reviewer: String? = nil, decidedOn: String? = nil,
    reason: String? = nil, provenance: Provenance, attributes: [Attribute] = []
  ) {
    self.left = left
    self.right = right
    self.decision = decision
    self.reviewer = reviewer
    self.decidedOn = decidedOn
    self.reason = reason
    self.provenance = provenance
    self.attributes = attributes
  }

  /// Whether `key` names a risk-list row (`list:<list>|<name>`) rather than an entity id.
  public static func isRiskListKey(_ key: String) -> Bool { key.hasPrefix("list:") && key.contains("|") }
}
