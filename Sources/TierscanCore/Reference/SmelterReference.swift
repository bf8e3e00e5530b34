/// A smelter reference row (model §2.6): a CID with its RMAP status, or a known CID without
/// status from a CMRT `Smelter Look-up` sheet (`status` `nil`, counting as `unknown`).
public struct SmelterReference: Sendable, Hashable {
  public var cid: String
  /// `nil` for look-up entries, which carry no status.
  public var status: SmelterStatus?
  /// The status text as given, kept for evidence.
  public var rawStatus: String?
  public var name: String?
  public var metal: String?
  public var country: String?
  /// The date the status was valid on (the optional `as_of` column), when given.
  public var asOf: ISODate?
  public var provenance: Provenance
  /// Unknown columns, in column order (model §1: never dropped).
  public var attributes: [Attribute]

  /// Creates a reference row.
  public init(
    cid: String, status: SmelterStatus?, rawStatus: String? = nil, name: String? = nil, metal: String? = nil,
    country: String? = nil, asOf: ISODate? = nil, provenance: Provenance, attributes: [Attribute] = []
  ) {
    self.asOf = asOf
    self.cid = cid
    self.status = status
    self.rawStatus = rawStatus
    self.name = name
    self.metal = metal
    self.country = country
    self.provenance = provenance
    self.attributes = attributes
  }
}
