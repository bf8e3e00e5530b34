/// A row of a risk list (model §2.4): an entity known to carry risk in one category.
public struct RiskListEntry: Sendable, Hashable {
  /// The list's name (e.g. `UFLPA Entity List`).
  public var list: String
  public var name: String
  public var category: String
  public var country: String?
  public var aliases: [String]
  public var identifiers: Identifiers
  public var authority: String?
  /// ISO date as given.
  public var listedOn: String?
  public var reference: String?
  public var provenance: Provenance
  /// Unknown columns, in column order (model §1: never dropped).
  public var attributes: [Attribute]
  /// The FollowTheMoney topic the row was read from (FtM risk lists only). Such a row's
  /// `category` is replaced by the risk config's `ftm_topics` mapping before scoring.
  public var topic: String?

  /// Creates an entry.
  public init(
    list: String, name: String, category: String, country: String? = nil, aliases: [String] = [],
    identifiers: Identifiers = Identifiers(), authority: String? = nil, listedOn: String? = nil,
    reference: String? = nil, provenance: Provenance, attributes: [Attribute] = [], topic: String? = nil
  ) {
    self.topic = topic
    self.list = list
    self.name = name
    self.category = category
    self.country = country
    self.aliases = aliases
    self.identifiers = identifiers
    self.authority = authority
    self.listedOn = listedOn
    self.reference = reference
    self.provenance = provenance
    self.attributes = attributes
  }
}
