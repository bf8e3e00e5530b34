import TierscanCore

/// Reads entities-CSV rows (model §2.1) into ``EntityRecord``s.
enum EntityRowParser {
  /// The header names this parser reads (``EntityColumn``).
  static let columns = EntityColumn.headers
  private typealias Column = EntityColumn

  /// The row's entity, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> EntityRecord? {
    let id = row.id(Column.id.header)
    let name = row.required(Column.name.header)
    let kind = row.kind(Column.kind.header)
    let country = row.country(Column.country.header)
    let identifiers = row.identifiers()
    let rawMaterial = row.boolean(Column.rawMaterial.header)
    guard let id, let name, !row.isRejected else { return nil }
    return EntityRecord(
      id: id, name: name, kind: kind, country: country, sector: row.value(Column.sector.header),
      commodities: row.list(Column.commodities.header, lowercased: true), identifiers: identifiers, aliases: row.list(Column.aliases.header),
      rawMaterial: rawMaterial, attributes: row.attributes() + row.unresolvedCountryAttributes, provenance: row.at)
  }
}
