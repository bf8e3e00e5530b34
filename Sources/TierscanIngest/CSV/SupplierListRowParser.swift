import TierscanCore

/// Reads supplier-list rows (model §2.3): each row yields the supplier's entity and a `supplies`
/// edge supplier → buyer. `spend`, `tier` and unknown columns become edge attributes.
enum SupplierListRowParser {
  static let columns: Set<String> = [
    "buyer_id", "supplier_id", "supplier_name", "supplier_country", "supplier_kind", "commodity", "hs_code", "basis",
    "lei", "duns", "vat", "cid", "supplier_address", "supplier_sector",
  ]

  /// The supplier entity and its edge, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> (EntityRecord, RelationshipRecord)? {
    let buyer = row.id("buyer_id")
    let supplier = row.id("supplier_id")
    let kind = row.kind("supplier_kind")
    let country = row.country("supplier_country")
    let identifiers = row.identifiers()
    let basis = row.basis()
    guard let buyer, let supplier, !row.isRejected else { return nil }
    let entity = EntityRecord(
      id: supplier, name: row.value("supplier_name"), kind: kind, country: country, sector: row.value("supplier_sector"),
      identifiers: identifiers,
      attributes: (row.value("supplier_address").map { [Attribute("address", $0)] } ?? []) + row.unresolvedCountryAttributes,
      provenance: row.at)
    let edge = RelationshipRecord(
      from: supplier, to: buyer, type: .supplies, commodity: row.value("commodity")?.lowercased(),
      hsCode: row.value("hs_code"), basis: basis, attributes: row.attributes(), provenance: row.at)
    return (entity, edge)
  }
}
