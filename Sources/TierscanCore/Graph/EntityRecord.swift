/// One input record describing an entity, before merging (model §1).
///
/// Every optional field left `nil` (or empty collection) "contributes nothing and never
/// conflicts"; defaults (kind `company`) apply only after merging.
public struct EntityRecord: Sendable, Hashable {
  /// The record's id as given.
  public var id: String
  public var name: String?
  public var kind: EntityKind?
  /// ISO alpha-2, already validated by the parser.
  public var country: String?
  public var sector: String?
  /// Lower-case commodity names.
  public var commodities: [String]
  /// Identifiers; parsers drop invalid LEI/DUNS/CID values with a warning before they get here.
  public var identifiers: Identifiers
  public var aliases: [String]
  public var rawMaterial: Bool?
  /// Unknown columns or attributes, in input order.
  public var attributes: [Attribute]
  /// Where the record came from.
  public var provenance: Provenance
  /// When set, the builder merges this record with an existing entity whose normalised name or
  /// alias equals this normalised name, if no id or identifier merge applies (CMRT declaring
  /// companies, model §2.8). Such a merge is reported as a warning.
  public var mergesByName: Bool

  /// Creates a record with only an id; set other fields as the source gives them.
  public init(
    id: String, name: String? = nil, kind: EntityKind? = nil, country: String? = nil, sector: String? = nil,
    commodities: [String] = [], identifiers: Identifiers = Identifiers(), aliases: [String] = [],
    rawMaterial: Bool? = nil, attributes: [Attribute] = [], provenance: Provenance, mergesByName: Bool = false
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.country = country
    self.sector = sector
    self.commodities = commodities
    self.identifiers = identifiers
    self.aliases = aliases
    self.rawMaterial = rawMaterial
    self.attributes = attributes
    self.provenance = provenance
    self.mergesByName = mergesByName
  }
}
