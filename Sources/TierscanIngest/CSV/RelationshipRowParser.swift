import TierscanCore

/// Reads relationships-CSV rows (model §2.2) into ``RelationshipRecord``s.
enum RelationshipRowParser {
  /// The header names this parser reads (``RelationshipColumn``).
  static let columns = RelationshipColumn.headers
  private typealias Column = RelationshipColumn

  /// The row's relationship, or `nil` when the row is rejected. `source` is kept as an attribute.
  static func parse(_ row: inout CSVRow) -> RelationshipRecord? {
    let from = row.id(Column.from.header)
    let to = row.id(Column.to.header)
    var type: RelationshipType?
    if let raw = row.required(Column.type.header) {
      type = RelationshipType(rawValue: raw) ?? RelationshipType(rawValue: raw.lowercased())
      if type == nil {
        row.reject(.unknownRelationshipType, "type '\(raw)' is not supplies, subcontracts, owns or operates")
      }
    }
    var share: Double?
    if type == .owns {
      share = row.number(Column.share.header, rule: .invalidShare, range: "(0, 100]") { $0 > 0 && $0 <= 100 }
    } else if let raw = row.value(Column.share.header) {
      row.warn(.unexpectedShare, "share '\(raw)' given on a \(type?.rawValue ?? "non-owns") edge; value dropped")
    }
    let basis = row.basis(Column.basis.header)
    let confidence = row.number(Column.confidence.header, rule: .invalidConfidence, range: "(0, 1]") { $0 > 0 && $0 <= 1 }
    let year = row.year(Column.reportingYear.header)
    guard let from, let to, let type, !row.isRejected else { return nil }
    return RelationshipRecord(
      from: from, to: to, type: type, commodity: row.value(Column.commodity.header)?.lowercased(), hsCode: row.value(Column.hsCode.header),
      share: share, basis: basis, confidence: confidence, reportingYear: year,
      attributes: row.attributes(), provenance: row.at)
  }
}
