import TierscanCore

/// One record as the matching engine sees it: an entity, a risk-list row or a CMRT declarer.
public struct MatchRecord: Sendable, Hashable {
  /// What the record is called in outputs: an entity id, or `list:<list>|<name>` for a risk-list row.
  public var key: String
  public var name: String
  /// Other names (aliases); each is compared and the best pair of names counts.
  public var aliases: [String]
  /// ISO 3166-1 alpha-2, or `nil`.
  public var country: String?
  /// A postal address, when the source gives one (`address` column or attribute).
  public var address: String?
  public var identifiers: Identifiers

  /// Creates a record.
  public init(
    key: String, name: String, aliases: [String] = [], country: String? = nil, address: String? = nil,
    identifiers: Identifiers = Identifiers()
  ) {
    self.key = key
    self.name = name
    self.aliases = aliases
    self.country = country
    self.address = address
    self.identifiers = identifiers
  }

  /// The record of an entity: its id, name, aliases (ids merged into it excluded), country, the
  /// value of an `address` attribute and its identifiers.
  public init(entity: Entity) {
    self.init(
      key: entity.id, name: entity.name, aliases: entity.aliases, country: entity.country,
      address: Self.address(in: entity.attributes), identifiers: entity.identifiers)
  }

  /// ``init(entity:)`` of entity `i` of `entities`, read from the columns it needs (no ``Entity``
  /// materialised: sources, commodities and sector are not read).
  public init(entityAt i: Int, of entities: borrowing EntityTable) {
    // Borrowed, not owned (an initializer's default): a loop over a million entities
    // (``EntityRecordReader``) would retain and release the table's columns per record. No alias
    // array and no address search for an entity without them.
    let attributes = entities.attributes(of: i)
    self.init(
      key: entities.id(of: i), name: entities.name(of: i), aliases: entities.hasAliases(i) ? entities.aliases(of: i) : [],
      country: entities.country(of: i), address: attributes.isEmpty ? nil : Self.address(in: attributes),
      identifiers: entities.identifiers(of: i))
  }

  /// The record of a risk-list row, keyed `list:<list>|<name>` (the form judgements use).
  public init(row: RiskListEntry) {
    self.init(
      key: Self.key(list: row.list, name: row.name), name: row.name, aliases: row.aliases, country: row.country,
      address: Self.address(in: row.attributes), identifiers: row.identifiers)
  }

  /// The key of a risk-list row: `list:` + list + `|` + name.
  public static func key(list: String, name: String) -> String { "list:" + list + "|" + name }

  /// The first non-empty `address` (or `address1`, `street`) attribute.
  public static func address(in attributes: [Attribute]) -> String? {
    for wanted in ["address", "address1", "street", "facility_address"] {
      if let value = attributes.first(where: { $0.key == wanted })?.value, !value.isEmpty { return value }
    }
    return nil
  }
}
