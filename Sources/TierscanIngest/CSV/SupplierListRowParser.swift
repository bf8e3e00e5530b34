import TierscanCore

/// Reads supplier-list rows (model §2.3): each row yields the supplier's entity and a `supplies`
/// edge supplier → buyer. `spend`, `tier` and unknown columns become edge attributes; a `tier`
/// is also read as a ``DeclaredTier`` (docs/formats.md#declared-tiers).
enum SupplierListRowParser {
  static let columns: Set<String> = [
    "buyer_id", "supplier_id", "supplier_name", "supplier_country", "supplier_kind", "commodity", "hs_code", "basis",
    "lei", "duns", "vat", "cid", "supplier_address", "supplier_sector",
  ]

  /// The supplier entity, its edge and its declared tier (when the row has a `tier` value), or
  /// `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> (EntityRecord, RelationshipRecord, DeclaredTier?)? {
    let buyer = row.id("buyer_id")
    let supplier = row.id("supplier_id")
    let kind = row.kind("supplier_kind")
    let country = row.country("supplier_country")
    let identifiers = row.identifiers()
    let basis = row.basis()
    let tier = row.value("tier")
    let type = edgeType(&row)
    guard let buyer, let supplier, let type, !row.isRejected else { return nil }
    var declared: DeclaredTier?
    if let tier {
      let value = DeclaredTier.parse(tier)
      if value == nil {
        row.warn(
          .invalidTier,
          "tier '\(tier)' is not a tier 1–\(DeclaredTier.maximum) (accepted: 2, Tier 2, T2, 2.0); kept as written in "
            + "the edge's attributes, not compared with the computed tier")
      }
      declared = DeclaredTier(supplier: supplier, buyer: buyer, tier: value, raw: tier, provenance: row.at)
    }
    let entity = EntityRecord(
      id: supplier, name: row.value("supplier_name"), kind: kind, country: country, sector: row.value("supplier_sector"),
      identifiers: identifiers,
      attributes: (row.value("supplier_address").map { [Attribute("address", $0)] } ?? []) + row.unresolvedCountryAttributes,
      provenance: row.at)
    let edge = RelationshipRecord(
      from: supplier, to: buyer, type: type, commodity: row.value("commodity")?.lowercased(),
      hsCode: row.value("hs_code"), basis: basis, attributes: row.attributes(), provenance: row.at)
    return (entity, edge, declared)
  }

  /// The row's edge type: `supplies`, or `subcontracts` when a `type` column says so. A `type`
  /// naming another relationship (an OMTS workbook's `Supply Relationships` sheet lists `operates`
  /// rows beside `supplies` rows) rejects the row: read as a supply edge it would misstate the
  /// relationship. Any other `type` text (a supplier type such as `manufacturer`) stays an attribute.
  private static func edgeType(_ row: inout CSVRow) -> RelationshipType? {
    guard let raw = row.value("type") else { return .supplies }
    let type = raw.lowercased()
    if type == "supplies" { return .supplies }
    if type == "subcontracts" { return .subcontracts }
    guard RelationshipType(rawValue: type) != nil || OMTSVocabulary.edgeTypes.contains(type) else { return .supplies }
    row.reject(
      .supplierListType,
      "type '\(raw)' names a relationship other than supplies or subcontracts; a supplier-list row is a supply edge "
        + "supplier → buyer, so it would misstate this one (read such a table as relationships: from, to, type)")
    return nil
  }
}
