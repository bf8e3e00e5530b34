/// The registry identifiers an entity may carry (model §1). Absent schemes are `nil`.
public struct Identifiers: Sendable, Hashable, Codable {
  /// ISO 17442 Legal Entity Identifier (20 characters, mod-97 check).
  public var lei: String?
  /// Dun & Bradstreet number (9 digits).
  public var duns: String?
  /// VAT number as given (no check; never used for merging).
  public var vat: String?
  /// RMI smelter id: `CID` + 6 digits.
  public var cid: String?

  /// Creates identifiers.
  public init(lei: String? = nil, duns: String? = nil, vat: String? = nil, cid: String? = nil) {
    self.lei = lei
    self.duns = duns
    self.vat = vat
    self.cid = cid
  }

  /// Whether no scheme is set.
  public var isEmpty: Bool { lei == nil && duns == nil && vat == nil && cid == nil }

  /// The schemes in output order with their values.
  public var schemes: [(scheme: String, value: String)] {
    var result: [(String, String)] = []
    if let lei { result.append(("lei", lei)) }
    if let duns { result.append(("duns", duns)) }
    if let vat { result.append(("vat", vat)) }
    if let cid { result.append(("cid", cid)) }
    return result
  }
}
