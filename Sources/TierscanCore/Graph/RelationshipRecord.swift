/// One input record describing a relationship, with endpoints still as raw ids (model §1).
public struct RelationshipRecord: Sendable, Hashable {
  /// The `from` endpoint id as given.
  public var from: String
  /// The `to` endpoint id as given.
  public var to: String
  public var type: RelationshipType
  /// Lower-case commodity name.
  public var commodity: String?
  public var hsCode: String?
  /// Percent held, `owns` only, in (0, 100].
  public var share: Double?
  /// `nil` means the default (`declared`) applies.
  public var basis: Basis?
  /// Explicit confidence in (0, 1]; `nil` means `basis_confidence[basis]` from the config.
  public var confidence: Double?
  public var reportingYear: Int?
  /// Unknown columns or attributes, in input order.
  public var attributes: [Attribute]
  public var provenance: Provenance

  /// Creates a relationship record.
  public init(
    from: String, to: String, type: RelationshipType, commodity: String? = nil, hsCode: String? = nil,
    share: Double? = nil, basis: Basis? = nil, confidence: Double? = nil, reportingYear: Int? = nil,
    attributes: [Attribute] = [], provenance: Provenance
  ) {
    self.from = from
    self.to = to
    self.type = type
    self.commodity = commodity
    self.hsCode = hsCode
    self.share = share
    self.basis = basis
    self.confidence = confidence
    self.reportingYear = reportingYear
    self.attributes = attributes
    self.provenance = provenance
  }
}
