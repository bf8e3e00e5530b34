import TierscanCore

/// Everything the statement pack renders: the figures, the sections of the chosen regimes, the
/// reporting year, the run's reproducibility data and, with `--previous`, the change.
public struct StatementDocument: Sendable {
  public var year: Int
  public var regime: StatementRegime
  public var figures: StatementFigures
  /// The comparison with the previous year's output directory, when given.
  public var change: ScanDiff?
  /// The directory `--previous` named (as given), when any.
  public var previousLabel: String?
  public var manifest: ScanManifest
  /// Whether every input was read without an error.
  public var isComplete: Bool
  public var entityCount: Int
  public var relationshipCount: Int

  /// Creates a document.
  public init(
    year: Int, regime: StatementRegime, figures: StatementFigures, change: ScanDiff?, previousLabel: String?,
    manifest: ScanManifest, isComplete: Bool, entityCount: Int, relationshipCount: Int
  ) {
    self.year = year
    self.regime = regime
    self.figures = figures
    self.change = change
    self.previousLabel = previousLabel
    self.manifest = manifest
    self.isComplete = isComplete
    self.entityCount = entityCount
    self.relationshipCount = relationshipCount
  }

  /// The sections, UK first when both.
  public var sections: [StatementSection] { StatementSection.sections(for: regime, hasPrevious: change != nil) }
}
