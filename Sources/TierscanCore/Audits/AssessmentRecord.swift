/// One supplier assessment or audit as read from an assessments input (docs/formats.md,
/// "Assessments"): which supplier (or site) was assessed, under which scheme, when, and until
/// when it counts. Free text is never kept (it may hold workers' names).
public struct AssessmentRecord: Sendable, Hashable {
  /// The scheme's report number or another stable id; unique per input set.
  public var id: String
  /// The assessed company's entity id as given.
  public var supplierID: String
  /// Identifiers given for the supplier (used when `supplierID` names no entity).
  public var identifiers: Identifiers
  /// The assessed site's entity id, for a site-level audit.
  public var siteID: String?
  /// The scheme, lower case as given (`smeta-6.1`, `rba-vap`, `amfori-bsci`, `sedex-saq`, …).
  public var scheme: String
  /// `initial`, `follow-up`, `closure`, `desktop`, `saq`, `certification`, or other text as given (lower case).
  public var type: String?
  /// The last audit day (or the SAQ's completion date).
  public var date: ISODate
  /// The end of validity, when the scheme gives one.
  public var validUntil: ISODate?
  /// `announced`, `semi-announced` or `unannounced`.
  public var announcement: String?
  /// The overall result as issued (`B`, `178`, `Gold`), and the scale it is on.
  public var overallResult: String?
  public var resultScale: String?
  /// Whether the scheme's zero-tolerance / business-critical / priority flag was raised.
  public var zeroTolerance: Bool?
  /// The audit firm (an organisation, not a person).
  public var auditor: String?
  /// The report's file name, URI or hash.
  public var evidenceRef: String?
  public var provenance: Provenance

  /// Creates a record.
  public init(
    id: String, supplierID: String, identifiers: Identifiers = Identifiers(), siteID: String? = nil, scheme: String,
    type: String? = nil, date: ISODate, validUntil: ISODate? = nil, announcement: String? = nil,
    overallResult: String? = nil, resultScale: String? = nil, zeroTolerance: Bool? = nil, auditor: String? = nil,
    evidenceRef: String? = nil, provenance: Provenance
  ) {
    self.id = id
    self.supplierID = supplierID
    self.identifiers = identifiers
    self.siteID = siteID
    self.scheme = scheme
    self.type = type
    self.date = date
    self.validUntil = validUntil
    self.announcement = announcement
    self.overallResult = overallResult
    self.resultScale = resultScale
    self.zeroTolerance = zeroTolerance
    self.auditor = auditor
    self.evidenceRef = evidenceRef
    self.provenance = provenance
  }
}
