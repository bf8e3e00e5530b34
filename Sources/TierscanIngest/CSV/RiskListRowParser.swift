import TierscanCore

/// Reads risk-list rows (model §2.4). The category is checked later against the config by the
/// risk engine, never here.
enum RiskListRowParser {
  static let columns: Set<String> = [
    "list", "name", "category", "country", "aliases", "lei", "duns", "vat", "cid", "authority", "listed_on",
    "reference",
  ]

  /// The row's entry, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> RiskListEntry? {
    let list = row.required("list")
    let name = row.required("name")
    let category = row.required("category")
    let country = row.country("country")
    let identifiers = row.identifiers()
    var listedOn = row.value("listed_on")
    if let date = listedOn, !isISODate(date) {
      row.warn(.invalidDate, "listed_on '\(date)' is not an ISO date (YYYY-MM-DD); value dropped")
      listedOn = nil
    }
    guard let list, let name, let category, !row.isRejected else { return nil }
    return RiskListEntry(
      list: list, name: name, category: category, country: country, aliases: row.list("aliases"),
      identifiers: identifiers, authority: row.value("authority"), listedOn: listedOn,
      reference: row.value("reference"), provenance: row.at, attributes: row.attributes() + row.unresolvedCountryAttributes)
  }

  /// Whether `text` is `YYYY-MM-DD` with a month 01–12 and a day 01–31.
  static func isISODate(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return false }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9]
    guard digits.allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }) else { return false }
    let month = Int(b[5] - 48) * 10 + Int(b[6] - 48)
    let day = Int(b[8] - 48) * 10 + Int(b[9] - 48)
    return (1...12).contains(month) && (1...31).contains(day)
  }
}
