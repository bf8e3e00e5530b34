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

  /// Creates options.
  public init(limits: IngestLimits = IngestLimits(), validatesSchema: Bool = true) {
    self.limits = limits
    self.validatesSchema = validatesSchema
  }
}
