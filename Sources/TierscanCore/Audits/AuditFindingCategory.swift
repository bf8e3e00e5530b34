/// The vendor-neutral category of an audit finding (docs/formats.md).
public enum AuditFindingCategory: String, Sendable, Hashable, CaseIterable, Comparable {
  case forcedLabour = "forced_labour"
  case childLabour = "child_labour"
  case wages
  case workingHours = "working_hours"
  case healthSafety = "health_safety"
  case freedomOfAssociation = "freedom_of_association"
  case discrimination
  case harshTreatment = "harsh_treatment"
  case environment
  case businessEthics = "business_ethics"
  case managementSystem = "management_system"
  case other

  /// Declaration order.
  public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
