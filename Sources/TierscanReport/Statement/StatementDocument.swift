import TierscanCore

/// Everything the statement pack renders: the figures, the sections of the chosen regimes, the
/// reporting year, the run's reproducibility data and, with `--previous`, the change.
public struct StatementDocument: Sendable {
  public var year: Int
  /// The regimes the pack is laid out for.
  public var regimes: StatementRegimes
  public var figures: StatementFigures
  /// The comparison with the previous year's output directory, when given.
  public var change: ScanDiff?
  /// The directory `--previous` named (as given), when any.
  public var previousLabel: String?
  /// The audit KPIs the previous pack recorded (``AuditKPIs/previous(directory:)``), by name.
  public var previousKPIs: [String: Double] = [:]
  public var manifest: ScanManifest
  /// Whether every input was read without an error.
  public var isComplete: Bool
  public var entityCount: Int
  public var relationshipCount: Int

  /// Creates a document.
  public init(
    year: Int, regimes: StatementRegimes, figures: StatementFigures, change: ScanDiff?, previousLabel: String?,
    manifest: ScanManifest, isComplete: Bool, entityCount: Int, relationshipCount: Int
  ) {
    self.year = year
    self.regimes = regimes
    self.figures = figures
    self.change = change
    self.previousLabel = previousLabel
    self.manifest = manifest
    self.isComplete = isComplete
    self.entityCount = entityCount
    self.relationshipCount = relationshipCount
  }

  /// The sections of every regime, in regime order (UK first).
  public var sections: [StatementSection] { regimes.sections(hasPrevious: change != nil) }
}
