/// The eleven ILO indicators of forced labour (ILO Special Action Programme to Combat Forced
/// Labour, 2012), in ILO order.
public enum ILOIndicator: String, Sendable, Hashable, CaseIterable, Comparable {
  case abuseOfVulnerability = "abuse_of_vulnerability"
  case deception
  case restrictionOfMovement = "restriction_of_movement"
  case isolation
  case physicalSexualViolence = "physical_sexual_violence"
  case intimidationThreats = "intimidation_threats"
  case retentionOfIdentityDocuments = "retention_of_identity_documents"
  case withholdingOfWages = "withholding_of_wages"
  case debtBondage = "debt_bondage"
  case abusiveConditions = "abusive_conditions"
  case excessiveOvertime = "excessive_overtime"

  /// ILO order.
  public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
