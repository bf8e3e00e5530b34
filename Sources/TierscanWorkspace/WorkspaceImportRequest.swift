import TierscanIngest

/// What `tierscan workspace import` asks for.
public struct WorkspaceImportRequest: Sendable {
  /// The period label (ordered by its bytes against other periods: use `2024`, `2025-Q1`, …).
  public var period: String
  /// INPUT arguments (files or directories) in order.
  public var inputs: [String]
  /// `--source`: one name for all the inputs' contribution; `nil` makes each INPUT argument, as
  /// given, its own source.
  public var source: String?
  /// `--config`; `nil` means the shipped defaults.
  public var configPath: String?
  /// `--smelter-lookup` workbooks.
  public var smelterLookups: [String]
  /// What happens to entities the previous period had and this one no longer reports.
  public var retirement: RetirementPolicy
  /// `--focus`: when given, the period's exposures relative to it are stored too.
  public var focus: String?
  /// How inputs are read.
  public var ingestOptions: IngestOptions

  /// Creates a request.
  public init(
    period: String, inputs: [String], source: String? = nil, configPath: String? = nil, smelterLookups: [String] = [],
    retirement: RetirementPolicy = .default, focus: String? = nil, ingestOptions: IngestOptions = IngestOptions()
  ) {
    self.period = period
    self.inputs = inputs
    self.source = source
    self.configPath = configPath
    self.smelterLookups = smelterLookups
    self.retirement = retirement
    self.focus = focus
    self.ingestOptions = ingestOptions
  }
}
