import TierscanCore

/// One record as the matching engine sees it: an entity, a risk-list row or a CMRT declarer.
public struct MatchRecord: Sendable, Hashable {
  /// What the record is called in outputs: an entity id, or `list:<list>|<name>` for a risk-list row.
  public var key: String
  /// The record's name (for a record of ``EntityRecordReader``, read from its entity table's
  /// column when asked: ``RecordName``).
  public var name: String {
    get { storedName.string }
    set { storedName = .text(newValue) }
  }
  private var storedName: RecordName
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
    self.init(
      key: key, storedName: .text(name), aliases: aliases, country: country, address: address, identifiers: identifiers)
  }

  private init(
    key: String, storedName: RecordName, aliases: [String], country: String?, address: String?, identifiers: Identifiers
  ) {
    self.key = key
    self.storedName = storedName
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
    self.init(entityAt: i, of: entities, storedName: .text(entities.name(of: i)))
  }

  /// ``init(entityAt:of:)`` with the name left in `column`, the name column of `entities`: made
  /// into a string only when ``name`` is read (``RecordName``). Equal (`==`) to that record.
  init(entityAt i: Int, of entities: borrowing EntityTable, nameIn column: EntityNameColumn) {
    self.init(entityAt: i, of: entities, storedName: .column(column, index: i))
  }

  private init(entityAt i: Int, of entities: borrowing EntityTable, storedName: RecordName) {
    // Borrowed, not owned (an initializer's default): a loop over a million entities
    // (``EntityRecordReader``) would retain and release the table's columns per record. No alias
    // array and no address search for an entity without them.
    let attributes = entities.attributes(of: i)
    self.init(
      key: entities.id(of: i), storedName: storedName,
      aliases: entities.hasAliases(i) ? entities.aliases(of: i) : [], country: entities.country(of: i),
      address: attributes.isEmpty ? nil : Self.address(in: attributes), identifiers: entities.identifiers(of: i))
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

  /// Equal when every field is, the name compared as a string however each record holds it.
  public static func == (a: MatchRecord, b: MatchRecord) -> Bool {
    a.key == b.key && a.name == b.name && a.aliases == b.aliases && a.country == b.country && a.address == b.address
      && a.identifiers == b.identifiers
  }

  /// Hashes the fields ``==`` compares, in declaration order (as the synthesized conformance did).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(name)
    hasher.combine(aliases)
    hasher.combine(country)
    hasher.combine(address)
    hasher.combine(identifiers)
  }
}
