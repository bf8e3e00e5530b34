import TierscanCore

/// What `tierscan workspace judge` records: one reviewer decision about two records.
public struct WorkspaceJudgementRequest: Sendable {
  /// An entity id or alias the workspace has seen, or a risk-list row as `list:<list>|<name>`.
  public var left: String
  public var right: String
  /// `same`, `not_same` (also `not-same`, any case) or `unsure`.
  public var decision: String
  /// Who decided (required: a workspace keeps who decided what).
  public var reviewer: String
  /// When, as an ISO date (`YYYY-MM-DD`); tierscan reads no clock.
  public var decidedOn: String
  public var reason: String?
  /// The first period it applies to; `nil` means the newest period.
  public var period: String?

  /// Creates a request.
  public init(
    left: String, right: String, decision: String, reviewer: String, decidedOn: String, reason: String? = nil,
    period: String? = nil
  ) {
    self.left = left
    self.right = right
    self.decision = decision
    self.reviewer = reviewer
    self.decidedOn = decidedOn
    self.reason = reason
    self.period = period
  }
}

/// What recording judgements did (`workspace judge`, `workspace judgements import`).
public struct WorkspaceJudgementResult: Sendable {
  /// The judgements recorded, in order.
  public var recorded: [StoredJudgement]
  /// Judgements skipped because the same decision was already in force for their pair.
  public var alreadyRecorded: [StoredJudgement]
  /// Sides that name nothing in the period's newest import (`side` → period): recorded, but
  /// stale for that period (reading it reports `stale-judgement`).
  public var staleSides: [String]
  /// The judgements file's findings (import only); with an error nothing is recorded.
  public var findings: [Finding]
  /// The period the judgements apply from.
  public var period: String
}
