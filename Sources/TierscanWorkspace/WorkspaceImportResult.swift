import TierscanCore

/// What one import stored.
public struct WorkspaceImportResult: Sendable {
  /// The import's number in the workspace.
  public var importID: Int64
  /// The period imported.
  public var period: String
  /// The sources this import brought (added, or replacing their earlier contribution).
  public var sources: [String]
  /// The sources whose earlier contribution this import replaced.
  public var replacedSources: [String]
  /// Files this import brought, and files of other sources carried over from the period's
  /// previous import.
  public var filesBrought: Int
  public var filesCarried: Int
  /// The period's merged graph after the import.
  public var entities: Int
  public var relationships: Int
  /// Entities that got a new workspace id (never seen in any period before).
  public var newEntities: Int
  /// Entities that kept an earlier workspace id through a `same` judgement, or through a `same`
  /// decision of entity resolution; pairs sent to review (`possible`, or a `same` that lost).
  public var keptByJudgement = 0
  public var keptByResolution = 0
  public var sentToReview = 0
  /// Entities of the previous period that this one no longer reports, by what the policy did.
  public var retired: Int
  public var retained: Int
  /// Exposure rows stored (only with a focus).
  public var exposures: Int
  /// The period's findings (ingest, graph and the risk input checks), as a scan reports them.
  public var findings: [Finding]
}
