/// One finding (non-conformance) of an assessment as read from an audit-findings input
/// (docs/formats.md, "Audit findings"). The supplier comes from the assessment it belongs to.
/// Free-text descriptions are never kept (they may hold workers' names).
public struct AuditFindingRecord: Sendable, Hashable {
  public var id: String
  /// The assessment it was raised in (a foreign key into the assessments inputs).
  public var assessmentID: String
  /// The clause as issued (`ETI 1`, `PA11`, `A1`).
  public var codeRef: String?
  /// The neutral category (`forced_labour`, `wages`, …; see ``AuditFindingCategory``).
  public var category: AuditFindingCategory
  /// ILO forced-labour indicators the finding evidences.
  public var iloIndicators: [ILOIndicator]
  /// The severity as issued (`Business Critical`, `Priority`, `ZT`), mapped through the
  /// scheme severity table when ``severity`` is not given.
  public var severityRaw: String?
  /// The neutral severity when the input gives it.
  public var severity: AuditSeverity?
  public var status: AuditFindingStatus
  /// `nil` means the assessment's date.
  public var raisedDate: ISODate?
  public var dueDate: ISODate?
  public var closedDate: ISODate?
  /// `desktop`, `follow-up-audit`, `closure-audit`, as given (lower case).
  public var verification: String?
  /// Worker remedies provided (`back_pay`, `fee_repayment`, …), lower case as given.
  public var remedies: [String]
  public var evidenceRef: String?
  public var provenance: Provenance

  /// Creates a record.
  public init(
    id: String, assessmentID: String, codeRef: String? = nil, category: AuditFindingCategory,
    iloIndicators: [ILOIndicator] = [], severityRaw: String? = nil, severity: AuditSeverity? = nil,
    status: AuditFindingStatus, raisedDate: ISODate? = nil, dueDate: ISODate? = nil, closedDate: ISODate? = nil,
    verification: String? = nil, remedies: [String] = [], evidenceRef: String? = nil, provenance: Provenance
  ) {
    self.id = id
    self.assessmentID = assessmentID
    self.codeRef = codeRef
    self.category = category
    self.iloIndicators = iloIndicators
    self.severityRaw = severityRaw
    self.severity = severity
    self.status = status
    self.raisedDate = raisedDate
    self.dueDate = dueDate
    self.closedDate = closedDate
    self.verification = verification
    self.remedies = remedies
    self.evidenceRef = evidenceRef
    self.provenance = provenance
  }
}
