import TierscanCore

/// The country values of one file and their findings (model §2): each distinct value that
/// resolves from another spelling gets one info finding `country-resolved` per file; a value that
/// resolves to nothing is a warning `unknown-country` (per record), and readers keep it on the
/// entity as the attribute ``unresolvedAttribute`` so the entity counts as unassessed for every
/// country rule.
struct CountryValues {
  /// The attribute that keeps a country value that resolved to nothing.
  static let unresolvedAttribute = "unresolved_country"

  /// The raw values already reported as resolved in this file.
  private(set) var reported: Set<String> = []

  /// The `country-resolved` finding for `raw` the first time it is seen in this file, else `nil`.
  mutating func noteResolved(_ raw: String, to code: String, field: String, at: Provenance) -> Finding? {
    guard reported.insert(raw).inserted else { return nil }
    return Self.resolvedFinding(raw, to: code, field: field, at: at)
  }

  /// Adds the values another part of the same file reported (a split CSV read); returns the raw
  /// values both parts reported, whose later `country-resolved` findings the caller drops.
  mutating func merge(_ later: CountryValues) -> Set<String> {
    let both = reported.intersection(later.reported)
    reported.formUnion(later.reported)
    return both
  }

  /// The info finding naming what a value became.
  static func resolvedFinding(_ raw: String, to code: String, field: String, at: Provenance) -> Finding {
    Finding(
      .info, .countryResolved, at: at,
      "\(field) '\(raw)' read as '\(code)' (first occurrence in this file; every other occurrence reads the same)",
      evidence: [Attribute("value", raw), Attribute("country", code)])
  }

  /// The message of an `unknown-country` finding for a value that is dropped.
  static func unknownMessage(_ raw: String, field: String) -> String {
    "\(field) '\(raw)' is not an ISO 3166-1 code or a known country name (docs/countries.md: add it to "
      + "country-aliases.json); value dropped, kept as attribute '\(unresolvedAttribute)'"
  }
}
