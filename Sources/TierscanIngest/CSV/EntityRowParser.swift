import TierscanCore

/// Reads entities-CSV rows (model §2.1) into ``EntityRecord``s.
enum EntityRowParser {
  static let columns: Set<String> = [
    "id", "name", "kind", "country", "sector", "commodities", "lei", "duns", "vat", "cid", "aliases", "raw_material",
  ]

  /// The row's entity, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> EntityRecord? {
    let id = row.id("id")
    let name = row.required("name")
    let kind = row.kind("kind")
    let country = row.country("country")
    let identifiers = row.identifiers()
    let rawMaterial = row.boolean("raw_material")
    guard let id, let name, !row.isRejected else { return nil }
    return EntityRecord(
      id: id, name: name, kind: kind, country: country, sector: row.value("sector"),
      commodities: row.list("commodities", lowercased: true), identifiers: identifiers, aliases: row.list("aliases"),
      rawMaterial: rawMaterial, attributes: row.attributes() + row.unresolvedCountryAttributes, provenance: row.at)
  }
}
