/// The id of an inherent-risk rule (model §3; docs/risk-model.md "Rule ids"), as written in
/// `paths.json` (`rules[].rule`), statements and findings. One case per rule, so a misspelt rule
/// id does not compile; `RiskRuleIDTests` fails when the docs' list and this enum disagree.
public enum RiskRuleID: String, Sendable, Hashable, CaseIterable, Comparable {
  /// A risk-list row's identifier (LEI, DUNS, CID…) equals one of the entity's.
  case identifier
  /// A risk-list row's normalised name or alias equals the entity's, and the countries agree.
  case nameCountry = "name-country"
  /// Names equal; the row or the entity has no country.
  case nameOnly = "name-only"
  /// Names similar above `matching.screening_threshold` (entity resolution), or a reviewer's `same` judgement.
  case nameFuzzy = "name-fuzzy"
  /// The entity's country and commodity match a country-commodity row (ILAB list and the like).
  case countryCommodity = "country-commodity"
  /// A smelter's status in the smelter reference (conformant, active, not conformant…).
  case smelterStatus = "smelter-status"
  /// Owners on risk lists together hold at least the control threshold of the entity.
  case ownershipAggregate = "ownership-aggregate"
  /// An open (or recently verified-closed) audit finding at the entity (docs/audits.md).
  case auditFinding = "audit-finding"

  /// The id as text, e.g. `name-country`.
  public var id: String { rawValue }

  /// Orders ids by their text (byte order), the order outputs use.
  public static func < (lhs: RiskRuleID, rhs: RiskRuleID) -> Bool { lhs.rawValue.utf8Precedes(rhs.rawValue) }
}

extension ListMatchRule {
  /// The risk rule a list match of this kind produces.
  public var ruleID: RiskRuleID {
    switch self {
    case .identifier: .identifier
    case .nameCountry: .nameCountry
    case .nameOnly: .nameOnly
    case .nameFuzzy: .nameFuzzy
    }
  }
}
