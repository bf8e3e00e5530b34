/// The columns of an entities CSV (model §2.1), declared once: ``EntityRowParser``,
/// ``EntityFastPath`` and column mappings all read this list, so a new column is added here and
/// the compiler then points at every place that must handle it.
enum EntityColumn: String, CaseIterable, Sendable {
  case id, name, kind, country, sector, commodities, lei, duns, vat, cid, aliases
  case rawMaterial = "raw_material"

  /// The header name.
  var header: String { rawValue }

  /// Every header name.
  static let headers: Set<String> = Set(allCases.map(\.rawValue))
}
