import TierscanCore

/// The assessment and audit-finding inputs of a run and the date they are judged at.
public struct AuditInputs: Sendable {
  public var assessments: [AssessmentRecord]
  public var findings: [AuditFindingRecord]
  /// The period end everything is measured to (`--period-end`, or the statement year's last day);
  /// `nil` means the newest date in the audit inputs (``AuditEvidence/periodEnd``).
  public var periodEnd: ISODate?

  /// Creates the inputs.
  public init(assessments: [AssessmentRecord] = [], findings: [AuditFindingRecord] = [], periodEnd: ISODate? = nil) {
    self.assessments = assessments
    self.findings = findings
    self.periodEnd = periodEnd
  }

  /// Whether there is anything to link.
  public var isEmpty: Bool { assessments.isEmpty && findings.isEmpty }

  /// The newest date any assessment or finding gives (assessment, validity, raised, due or
  /// closed date), or `nil` without one.
  public var newestDate: ISODate? {
    var newest: ISODate?
    func see(_ date: ISODate?) { if let date, newest.map({ date > $0 }) ?? true { newest = date } }
    for a in assessments { see(a.date) }
    for f in findings { see(f.raisedDate); see(f.closedDate) }
    return newest
  }
}
