/// A merged entity (node) of the supply graph (model §1).
public struct Entity: Sendable, Hashable {
  /// The first id in input order among the merged records.
  public var id: String
  /// Name (defaults to the id when no record gave one).
  public var name: String
  public var kind: EntityKind
  public var country: String?
  public var sector: String?
  /// Lower-case commodity names, union over records, sorted by bytes.
  public var commodities: [String]
  public var identifiers: Identifiers
  /// Other ids merged into this entity, then given aliases; in input order, without duplicates.
  public var aliases: [String]
  public var rawMaterial: Bool
  /// Attributes, first value per key in input order wins.
  public var attributes: [Attribute]
  /// Provenance of every record that contributed, in input order.
  public var sources: [Provenance]
  /// Whether the entity exists only because a relationship named it (model §2.2).
  public var isPlaceholder: Bool

  /// Creates an entity.
  public init(
    id: String, name: String, kind: EntityKind = .company, country: String? = nil, sector: String? = nil,
    commodities: [String] = [], identifiers: Identifiers = Identifiers(), aliases: [String] = [],
    rawMaterial: Bool = false, attributes: [Attribute] = [], sources: [Provenance] = [], isPlaceholder: Bool = false
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
    self.sources = sources
    self.isPlaceholder = isPlaceholder
  }
}
