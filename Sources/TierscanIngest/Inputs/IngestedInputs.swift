import TierscanCore

/// Everything read from a set of input files, in input order, before the graph is built.
///
/// Each file reader returns one of these for its file; the ingestor appends them in input
/// order (files may be read in parallel).
public struct IngestedInputs: Sendable {
  /// Entity records in input order (struct of arrays; subscripting gives a record).
  public var entities = EntityRecordTable()
  /// Relationship records in input order (struct of arrays; subscripting gives a record).
  public var relationships = RelationshipRecordTable()
  public var riskList: [RiskListEntry] = []
  /// Reviewer judgements (SPEC v3 §6), in input order.
  public var judgements: [Judgement] = []
  public var countryRisk: [CountryRiskEntry] = []
  /// Smelter references with RMAP status (model §2.6).
  public var smelterReferences: [SmelterReference] = []
  /// Known CIDs without status (CMRT `Smelter Look-up` sheets given with `--smelter-lookup`).
  public var smelterLookup: [SmelterReference] = []
  /// Parsed CMRT/EMRT workbooks (declaration, answers, smelter rows) for the roll-up.
  public var workbooks: [CMRTWorkbook] = []
  /// Supplier assessments and audits, in input order.
  public var assessments: [AssessmentRecord] = []
  /// Audit findings, in input order.
  public var auditFindings: [AuditFindingRecord] = []
  /// Tiers declared by supplier lists (`tier`), in input order, with their disclosers.
  public var declaredTiers: [DeclaredTier] = []
  public var findings = FindingLog()
  /// One summary per file read, in input order.
  public var files: [InputFileSummary] = []

  /// Creates an empty collection.
  public init() {}

  /// Appends another file's contribution after this one's.
  public mutating func append(_ other: IngestedInputs) {
    // Into an empty array the other array is taken as it is (no per-record copy), and an empty
    // other array is not appended at all: even an empty append would first copy a million
    // records out of a buffer the caller still shares.
    if entities.isEmpty {
      entities = other.entities
    } else if !other.entities.isEmpty {
      entities.append(contentsOf: other.entities)
    }
    if !other.relationships.isEmpty { relationships.append(contentsOf: other.relationships) }
    riskList.append(contentsOf: other.riskList)
    judgements.append(contentsOf: other.judgements)
    countryRisk.append(contentsOf: other.countryRisk)
    smelterReferences.append(contentsOf: other.smelterReferences)
    smelterLookup.append(contentsOf: other.smelterLookup)
    workbooks.append(contentsOf: other.workbooks)
    assessments.append(contentsOf: other.assessments)
    auditFindings.append(contentsOf: other.auditFindings)
    declaredTiers.append(contentsOf: other.declaredTiers)
    findings.append(contentsOf: other.findings)
    files.append(contentsOf: other.files)
  }
}
