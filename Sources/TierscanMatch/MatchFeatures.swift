import TierscanCore

/// The named features behind a similarity, so that a person can see *why* two records were
/// judged `same`, `possible` or `distinct`.
public struct MatchFeatures: Sendable, Hashable {
  /// How two optional values compare.
  public enum Agreement: String, Sendable, Hashable {
    case agree
    case disagree
    /// At least one side gives none.
    case unknown
  }

  /// Weighted token-set similarity of the core names (``TokenSimilarity``).
  public var tokenSet: Double
  /// Jaro-Winkler similarity of the core names (the better of as written and words sorted).
  public var jaroWinkler: Double
  /// The name similarity before adjustments: 0.65 × token set + 0.35 × Jaro-Winkler, over the
  /// best pair of names and aliases.
  public var name: Double
  /// Which names were compared (the best pair).
  public var leftName: String
  public var rightName: String
  /// LEI, DUNS or CID: agree (a shared scheme with equal values), disagree, or unknown.
  public var identifier: Agreement
  /// The scheme that agreed or disagreed.
  public var identifierScheme: String?
  public var country: Agreement
  /// Token-set similarity of the addresses, when both records give one.
  public var address: Double?
  public var addressAgreement: Agreement
  /// Both names carry bracketed qualifiers (`(Shaowu)`) and none of them pairs up.
  public var qualifierConflict: Bool
  /// Both names carry numbers and they differ (`Unit 1` / `Unit 2`).
  public var numberConflict: Bool
  /// The names carry different unit markers (`Second Branch`, `(Cutting)`, `No. 2`, `II`): the
  /// pair can be `possible`, never `same` without an identifier.
  public var unitDifference: Bool = false
  /// The final similarity in [0, 1].
  public var similarity: Double

  /// The features as ordered JSON members (for paths.json evidence, candidates and findings).
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("similarity", .number(Self.rounded(similarity))), ("name", .number(Self.rounded(name))),
      ("token_set", .number(Self.rounded(tokenSet))), ("jaro_winkler", .number(Self.rounded(jaroWinkler))),
      ("compared", .array([.string(leftName), .string(rightName)])),
      ("identifier", .string(identifier.rawValue)),
    ]
    if let identifierScheme { members.append(("identifier_scheme", .string(identifierScheme))) }
    members.append(("country", .string(country.rawValue)))
    members.append(("address", address.map { .number(Self.rounded($0)) } ?? .null))
    members.append(("address_agreement", .string(addressAgreement.rawValue)))
    members.append(("qualifier_conflict", .bool(qualifierConflict)))
    members.append(("number_conflict", .bool(numberConflict)))
    members.append(("unit_difference", .bool(unitDifference)))
    return .object(members)
  }

  /// The features as one compact text: `similarity=0.93 token_set=1 jw=0.97 country=agree …`.
  public var summary: String {
    var parts = [
      "similarity=\(Self.rounded(similarity))", "token_set=\(Self.rounded(tokenSet))",
      "jaro_winkler=\(Self.rounded(jaroWinkler))", "identifier=\(identifier.rawValue)", "country=\(country.rawValue)",
    ]
    parts.append("address=" + (address.map { "\(Self.rounded($0))" } ?? "none"))
    if qualifierConflict { parts.append("qualifier_conflict") }
    if numberConflict { parts.append("number_conflict") }
    if unitDifference { parts.append("unit_difference") }
    return parts.joined(separator: " ")
  }

  /// `value` rounded to 3 decimals (outputs stay short and stable).
  public static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
