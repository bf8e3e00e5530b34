/// The columns of a relationships CSV (model §2.2), declared once: ``RelationshipRowParser``,
/// ``RelationshipFastPath`` and column mappings all read this list, so a new column is added
/// here and the compiler then points at every place that must handle it.
enum RelationshipColumn: String, CaseIterable, Sendable {
  case from, to, type, commodity
  case hsCode = "hs_code"
  case share, basis, confidence
  case reportingYear = "reporting_year"

  /// The header name.
  var header: String { rawValue }

  /// Every header name.
  static let headers: Set<String> = Set(allCases.map(\.rawValue))
}
