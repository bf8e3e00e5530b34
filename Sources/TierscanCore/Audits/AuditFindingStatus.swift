/// Where a finding stands.
public enum AuditFindingStatus: String, Sendable, Hashable, CaseIterable {
  /// Raised, nothing done yet.
  case open
  /// Corrective action under way.
  case inProgress = "in_progress"
  /// The supplier says it is fixed; not yet verified.
  case remediated
  /// Closed and verified (desktop review or follow-up / closure audit).
  case verified
  /// The supplier disputes it.
  case disputed
  /// SMETA 7 Collaborative Action Required: no fixed closure deadline.
  case collaborative

  /// Whether the finding is closed and verified (the only status that lets its score decay).
  public var isVerifiedClosed: Bool { self == .verified }
}
