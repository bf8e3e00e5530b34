/// The neutral severity of an audit finding; scheme severities map onto it through the severity
/// table (docs/audit-severity-map.json).
public enum AuditSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
  case critical
  case major
  case minor
  case observation

  /// Most severe first: `critical < major` in this ordering.
  public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
