/// Options that change how inputs are read.
public struct IngestOptions: Sendable, Hashable {
  /// Resource limits.
  public var limits = IngestLimits()
  /// Validate XML disclosures against the shipped XSD. Every command does, so that every
  /// command reports the same findings; only tests that exercise the reader's own element
  /// checks turn it off.
  public var validatesSchema = true
  /// The encoding of CSV inputs given with `--encoding`; `nil`: UTF-8, or UTF-16 with a BOM.
  public var encoding: InputEncoding?
  /// Column mappings and profiles (`--mapping`, `--profile`), tried in order on every table input.
  public var mappings: [ColumnMapping] = []
  /// How BODS share ranges become one share (``BODSSharePolicy``; default minimum).
  public var bodsSharePolicy = BODSSharePolicy.minimum
  /// Whether the rows of a CSV file recognised by its own header as relationships (model §2.2)
  /// are read. `false` (`tierscan resolve`, which compares entities only): such a file is
  /// recognised, its rows are not parsed, and an info finding `not-read` says so
  /// (docs/entity-resolution.md §8). Mapped files, workbooks and combined formats (OMTS, BODS,
  /// FtM, XML, CMRT) are read as always.
  public var readsRelationshipRows = true

  /// Creates options.
  public init(limits: IngestLimits = IngestLimits(), validatesSchema: Bool = true) {
    self.limits = limits
    self.validatesSchema = validatesSchema
  }
}
