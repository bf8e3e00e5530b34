import TierscanCore

/// Reads relationships-CSV rows (model §2.2) into ``RelationshipRecord``s.
enum RelationshipRowParser {
  static let columns: Set<String> = [
    "from", "to", "type", "commodity", "hs_code", "share", "basis", "confidence", "reporting_year",
  ]

  /// The row's relationship, or `nil` when the row is rejected. `source` is kept as an attribute.
  static func parse(_ row: inout CSVRow) -> RelationshipRecord? {
    let from = row.id("from")
    let to = row.id("to")
    var type: RelationshipType?
    if let raw = row.required("type") {
      type = RelationshipType(rawValue: raw) ?? RelationshipType(rawValue: raw.lowercased())
      if type == nil {
        row.reject(.unknownRelationshipType, "type '\(raw)' is not supplies, subcontracts, owns or operates")
      }
    }
    var share: Double?
    if type == .owns {
      share = row.number("share", rule: .invalidShare, range: "(0, 100]") { $0 > 0 && $0 <= 100 }
    } else if let raw = row.value("share") {
      row.warn(.unexpectedShare, "share '\(raw)' given on a \(type?.rawValue ?? "non-owns") edge; value dropped")
    }
    let basis = row.basis()
    let confidence = row.number("confidence", rule: .invalidConfidence, range: "(0, 1]") { $0 > 0 && $0 <= 1 }
    let year = row.year("reporting_year")
    guard let from, let to, let type, !row.isRejected else { return nil }
    return RelationshipRecord(
      from: from, to: to, type: type, commodity: row.value("commodity")?.lowercased(), hsCode: row.value("hs_code"),
      share: share, basis: basis, confidence: confidence, reportingYear: year,
      attributes: row.attributes(), provenance: row.at)
  }
}
