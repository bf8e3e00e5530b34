/// A merged entity (node) of the supply graph (model §1).
///
/// Stored compactly for million-entity graphs (docs/performance.md, memory): the small fields
/// come last so they share one word, and the sources of an entity read from one CSV row (a file
/// and a line, the common case) are kept inline instead of in a one-element array of
/// ``Provenance``. ``sources`` reads and writes them as an array all the same.
public struct Entity: Sendable, Hashable {
  /// The first id in input order among the merged records.
  public var id: String
  /// Name (defaults to the id when no record gave one).
  public var name: String
  public var country: String?
  public var sector: String?
  /// Lower-case commodity names, union over records, sorted by bytes.
  public var commodities: [String]
  public var identifiers: Identifiers
  /// Other ids merged into this entity, then given aliases; in input order, without duplicates.
  public var aliases: [String]
  /// Attributes, first value per key in input order wins.
  public var attributes: [Attribute]
  private var storedSources: EntitySources
  public var kind: EntityKind
  public var rawMaterial: Bool
  /// Whether the entity exists only because a relationship named it (model §2.2).
  public var isPlaceholder: Bool

  /// Provenance of every record that contributed, in input order.
  public var sources: [Provenance] {
    get { storedSources.provenances }
    set { storedSources = EntitySources(newValue) }
  }

  /// The first of ``sources``, without building the array.
  public var firstSource: Provenance? { storedSources.first }

  /// Whether ``sources`` holds exactly one provenance.
  var hasOneSource: Bool { storedSources.count == 1 }

  /// Creates an entity.
  public init(
    id: String, name: String, kind: EntityKind = .company, country: String? = nil, sector: String? = nil,
    commodities: [String] = [], identifiers: Identifiers = Identifiers(), aliases: [String] = [],
    rawMaterial: Bool = false, attributes: [Attribute] = [], sources: [Provenance] = [], isPlaceholder: Bool = false
  ) {
    self.init(
      id: id, name: name, kind: kind, country: country, sector: sector, commodities: commodities,
      identifiers: identifiers, aliases: aliases, rawMaterial: rawMaterial, attributes: attributes,
      storedSources: EntitySources(sources), isPlaceholder: isPlaceholder)
  }

  /// Creates an entity with one source (no array built for it).
  public init(
    id: String, name: String, kind: EntityKind = .company, country: String? = nil, sector: String? = nil,
    commodities: [String] = [], identifiers: Identifiers = Identifiers(), aliases: [String] = [],
    rawMaterial: Bool = false, attributes: [Attribute] = [], source: Provenance, isPlaceholder: Bool = false
  ) {
    self.init(
      id: id, name: name, kind: kind, country: country, sector: sector, commodities: commodities,
      identifiers: identifiers, aliases: aliases, rawMaterial: rawMaterial, attributes: attributes,
      storedSources: EntitySources(source), isPlaceholder: isPlaceholder)
  }

  private init(
    id: String, name: String, kind: EntityKind, country: String?, sector: String?, commodities: [String],
    identifiers: Identifiers, aliases: [String], rawMaterial: Bool, attributes: [Attribute],
    storedSources: EntitySources, isPlaceholder: Bool
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
    self.storedSources = storedSources
    self.isPlaceholder = isPlaceholder
  }
}

/// An entity's sources in canonical form, so that equal lists are equal values: none; one
/// source that is a file and a line only (a CSV or XML row); or any other list.
private enum EntitySources: Sendable, Hashable {
  case none
  case row(file: String, line: Int)
  case list([Provenance])

  init(_ sources: [Provenance]) {
    if sources.isEmpty {
      self = .none
    } else if sources.count == 1 {
      self.init(sources[0])
    } else {
      self = .list(sources)
    }
  }

  init(_ source: Provenance) {
    if let line = source.line, source.column == nil, source.sheet == nil, source.cell == nil, source.pointer == nil {
      self = .row(file: source.file, line: line)
    } else {
      self = .list([source])
    }
  }

  var provenances: [Provenance] {
    switch self {
    case .none: return []
    case .row(let file, let line): return [Provenance(file: file, line: line)]
    case .list(let list): return list
    }
  }

  var count: Int {
    switch self {
    case .none: return 0
    case .row: return 1
    case .list(let list): return list.count
    }
  }

  var first: Provenance? {
    switch self {
    case .none: return nil
    case .row(let file, let line): return Provenance(file: file, line: line)
    case .list(let list): return list.first
    }
  }
}
