import TierscanCore

/// Reads assessment rows (docs/formats.md, "Assessments").
enum AssessmentRowParser {
  static let columns: Set<String> = [
    "assessment_id", "supplier_id", "site_id", "lei", "duns", "cid", "scheme", "assessment_type", "date", "valid_until",
    "announcement", "overall_result", "result_scale", "zero_tolerance", "auditor", "evidence_ref", "source",
  ]
  static let announcements: Set<String> = ["announced", "semi-announced", "unannounced"]

  /// The row's record, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> AssessmentRecord? {
    let id = row.id("assessment_id")
    let supplier = row.id("supplier_id")
    let scheme = row.required("scheme")?.lowercased()
    let date = row.date("date", required: true)
    let validUntil = row.date("valid_until")
    let identifiers = row.identifiers()
    var announcement = row.value("announcement").map { $0.lowercased().replacingSpaces() }
    if let value = announcement, !announcements.contains(value) {
      row.warn(.invalidAnnouncement, "announcement '\(value)' is not announced, semi-announced or unannounced; value dropped")
      announcement = nil
    }
    if let date, let validUntil, validUntil < date {
      row.warn(.dateOrder, "valid_until \(validUntil) is before the assessment date \(date)")
    }
    guard let id, let supplier, let scheme, let date, !row.isRejected else { return nil }
    return AssessmentRecord(
      id: id, supplierID: supplier, identifiers: identifiers, siteID: row.value("site_id"), scheme: scheme,
      type: row.value("assessment_type")?.lowercased(), date: date, validUntil: validUntil, announcement: announcement,
      overallResult: row.value("overall_result"), resultScale: row.value("result_scale")?.lowercased(),
      zeroTolerance: row.boolean("zero_tolerance"), auditor: row.value("auditor"), evidenceRef: row.value("evidence_ref"),
      provenance: row.at)
  }
}

extension String {
  /// Spaces turned into `-` (`semi announced` → `semi-announced`).
  func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}
