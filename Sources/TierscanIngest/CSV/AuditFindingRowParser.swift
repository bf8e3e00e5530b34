import TierscanCore

/// Reads audit-finding rows (docs/formats.md, "Audit findings").
enum AuditFindingRowParser {
  static let columns: Set<String> = [
    "finding_id", "assessment_id", "code_ref", "category", "ilo_indicators", "severity_raw", "severity", "status",
    "raised_date", "due_date", "closed_date", "verification", "remedy", "evidence_ref",
  ]

  /// The row's record, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> AuditFindingRecord? {
    let id = row.id("finding_id")
    let assessment = row.id("assessment_id")
    let categoryText = row.required("category")
    var category: AuditFindingCategory?
    if let categoryText {
      category = AuditFindingCategory(rawValue: CSVRow.token(categoryText))
      if category == nil {
        row.warn(.invalidFindingCategory, "category '\(categoryText)' is not in the neutral taxonomy; read as 'other'")
        category = .other
      }
    }
    var indicators: [ILOIndicator] = []
    for item in row.list("ilo_indicators") {
      if let indicator = ILOIndicator(rawValue: CSVRow.token(item)) {
        if !indicators.contains(indicator) { indicators.append(indicator) }
      } else {
        row.warn(.invalidIloIndicator, "ilo_indicators item '\(item)' is not one of the 11 ILO indicators; item dropped")
      }
    }
    let severityRaw = row.value("severity_raw")
    var severity: AuditSeverity?
    if let text = row.value("severity") {
      severity = AuditSeverity(rawValue: CSVRow.token(text))
      if severity == nil {
        if severityRaw == nil {
          row.reject(.invalidSeverity, "severity '\(text)' is not critical, major, minor or observation, and no severity_raw is given")
        } else {
          row.warn(.invalidSeverity, "severity '\(text)' is not critical, major, minor or observation; severity_raw is mapped instead")
        }
      }
    } else if severityRaw == nil {
      row.reject(.missingField, "neither severity nor severity_raw is given")
    }
    var status: AuditFindingStatus?
    if let text = row.required("status") {
      status = AuditFindingStatus(rawValue: CSVRow.token(text))
      if status == nil {
        row.warn(.invalidFindingStatus, "status '\(text)' is not a known status; read as 'open'")
        status = .open
      }
    }
    let raised = row.date("raised_date")
    let due = row.date("due_date")
    let closed = row.date("closed_date")
    if let raised, let closed, closed < raised {
      row.warn(.dateOrder, "closed_date \(closed) is before raised_date \(raised)")
    }
    if let closed, let status, status == .open || status == .inProgress {
      row.warn(.dateOrder, "closed_date \(closed) is given but the status is \(status.rawValue); the finding counts as \(status.rawValue)")
    }
    guard let id, let assessment, let category, let status, !row.isRejected else { return nil }
    return AuditFindingRecord(
      id: id, assessmentID: assessment, codeRef: row.value("code_ref"), category: category, iloIndicators: indicators,
      severityRaw: severityRaw, severity: severity, status: status, raisedDate: raised, dueDate: due, closedDate: closed,
      verification: row.value("verification")?.lowercased(), remedies: row.list("remedy", lowercased: true),
      evidenceRef: row.value("evidence_ref"), provenance: row.at)
  }
}
