import TierscanCore

/// Reads reviewer judgements (SPEC v3 §6; docs/entity-resolution.md): `left`*, `right`*,
/// `decision`* (`same`, `not_same`, `unsure`; `not-same` and any case accepted), `reviewer`,
/// `decided_on` (ISO date), `reason`. `left` and `right` are entity ids, or a risk-list row as
/// `list:<list>|<name>`. A row naming the same record twice, or with an unknown decision, is rejected.
enum JudgementRowParser {
  static let columns: Set<String> = ["left", "right", "decision", "reviewer", "decided_on", "reason"]

  /// The row's judgement, or `nil` when the row is rejected.
  static func parse(_ row: inout CSVRow) -> Judgement? {
    let left = row.required("left")
    let right = row.required("right")
    let rawDecision = row.required("decision")
    var decision: Judgement.Decision?
    if let rawDecision {
      decision = Judgement.Decision(rawValue: rawDecision.lowercased().replacingOccurrences(of: "-", with: "_"))
      if decision == nil {
        row.reject(.invalidDecision, "decision '\(rawDecision)' is not same, not_same or unsure")
      }
    }
    var decidedOn = row.value("decided_on")
    if let date = decidedOn, !RiskListRowParser.isISODate(date) {
      row.warn(.invalidDate, "decided_on '\(date)' is not an ISO date (YYYY-MM-DD); value dropped")
      decidedOn = nil
    }
    if let left, let right, left.utf8Equals(right) {
      row.reject(.selfJudgement, "left and right both name '\(left)'")
    }
    guard let left, let right, let decision, !row.isRejected else { return nil }
    return Judgement(
      left: left, right: right, decision: decision, reviewer: row.value("reviewer"), decidedOn: decidedOn,
      reason: row.value("reason"), provenance: row.at, attributes: row.attributes())
  }
}
