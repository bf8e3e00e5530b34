import GRDB
import TierscanCore

/// Stores an import's findings: every one counted in `finding_counts` (per severity, rule and
/// file), the first ``detailCap`` of each rule in full in `findings`.
///
/// A generated or badly exported input can raise a finding on every row; storing each message
/// made a 200,000-row workspace eleven times its inputs. Nothing is lost by the cap: the counts
/// are complete, and the complete list is what `tierscan validate --workspace FILE --period P`
/// prints, replayed from the stored input bytes by the same readers (docs/workspace.md, "Size").
enum FindingStore {
  /// Findings stored in full per rule and import.
  static let detailCap = 1_000

  /// Stores `findings` of import `importID`; returns how many were stored in full.
  @discardableResult
  static func store(_ db: Database, _ findings: [Finding], importID: Int64, paths: inout PathTable) throws -> Int {
    let detail = try db.makeStatement(
      sql: """
        INSERT INTO findings (import_id, position, severity, rule, file_id, line, "column", sheet, cell, message)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    struct Key: Hashable {
      var severity: String
      var rule: String
      var file: Int64
    }
    var perRule: [String: Int] = [:]
    var counts: [Key: (count: Int, stored: Int)] = [:]
    var order: [Key] = []
    var stored = 0
    for (position, finding) in findings.enumerated() {
      let place = finding.location
      let file = try paths.id(of: place?.file ?? "")
      let key = Key(severity: finding.severity.rawValue, rule: finding.rule.id, file: file)
      let keep = perRule[key.rule, default: 0] < detailCap
      perRule[key.rule, default: 0] += 1
      if counts[key] == nil { order.append(key) }
      counts[key, default: (0, 0)].count += 1
      guard keep else { continue }
      counts[key, default: (0, 0)].stored += 1
      stored += 1
      try detail.execute(arguments: [
        importID, position, key.severity, key.rule, file, place?.line, place?.column, place?.sheet, place?.cell,
        finding.message,
      ])
    }
    let count = try db.makeStatement(
      sql: "INSERT INTO finding_counts (import_id, severity, rule, file_id, count, stored) VALUES (?, ?, ?, ?, ?, ?)")
    for key in order {
      let value = counts[key]!
      try count.execute(arguments: [importID, key.severity, key.rule, key.file, value.count, value.stored])
    }
    return stored
  }
}
