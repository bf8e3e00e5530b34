import TierscanCore

/// Reads country-commodity risk rows (model §2.5).
enum CountryRiskRowParser {
  static let columns: Set<String> = ["country", "category", "score", "commodity", "source"]

  /// The row's entry, or `nil` when the row is rejected (an unassigned country or a score
  /// outside [0, 1] rejects it).
  static func parse(_ row: inout CSVRow) -> CountryRiskEntry? {
    let country = row.country("country", required: true)
    let category = row.required("category")
    let score = row.number("score", rule: .invalidScore, required: true, range: "[0, 1]") { $0 >= 0 && $0 <= 1 }
    guard let country, let category, let score, !row.isRejected else { return nil }
    return CountryRiskEntry(
      country: country, category: category, score: score, commodity: row.value("commodity")?.lowercased(),
      source: row.value("source"), provenance: row.at, attributes: row.attributes())
  }
}
