/// Options that change how inputs are read.
public struct IngestOptions: Sendable, Hashable {
  /// Resource limits.
  public var limits = IngestLimits()
  /// Validate XML disclosures against the shipped XSD (`validate` does; `scan` reads the
  /// schema-valid parts and reports the rest).
  public var validatesSchema = false

  /// Creates options.
  public init(limits: IngestLimits = IngestLimits(), validatesSchema: Bool = false) {
    self.limits = limits
    self.validatesSchema = validatesSchema
  }
}
