import Foundation
import GRDB
import TierscanCore

/// One workspace entity's timeline (`tierscan workspace history`).
public struct EntityHistory: Sendable {
  /// One period in the timeline.
  public struct PeriodEntry: Sendable {
    public var period: String
    /// `reported`, `retained` or `retired`; `absent` for a period before it appeared or after a
    /// retirement.
    public var status: String
    /// The import the period was read from.
    public var importID: Int64
    /// Id, name and country as the period's graph has them (nil when not reported).
    public var id: String?
    public var name: String?
    public var country: String?
    /// `scheme value` pairs the period's graph gives it.
    public var identifiers: [String]
    /// `path:line (source)` of every record that mentions it.
    public var mentions: [String]
    /// `category score level tier` rows when the import stored exposures.
    public var exposures: [String]
    /// For a retirement: the last period it was present, the policy and the review state.
    public var retirement: String?
    /// How it kept an earlier workspace id (a judgement, entity resolution), and the pairs with
    /// earlier entities sent to review.
    public var resolution: [String] = []
  }

  /// The workspace id.
  public var wid: Int64
  /// Every key ever seen for it: `scheme value (first period)`.
  public var keys: [String]
  /// Every workspace judgement naming one of its ids or aliases, in the order recorded.
  public var judgements: [StoredJudgement]
  public var periods: [PeriodEntry]

  /// The timeline as text.
  public var text: String {
    var out = "W\(wid)\n  keys: \(keys.joined(separator: "; "))\n"
    for judgement in judgements { out += "  judgement \(judgement)\n" }
    for entry in periods {
      out += "  \(entry.period): \(entry.status) (import \(entry.importID))"
      if let retirement = entry.retirement { out += ", \(retirement)" }
      out += "\n"
      if let id = entry.id {
        out += "    id \(id), name \(entry.name ?? ""), country \(entry.country ?? "-")"
        if !entry.identifiers.isEmpty { out += ", \(entry.identifiers.joined(separator: ", "))" }
        out += "\n"
      }
      for mention in entry.mentions { out += "    mentioned at \(mention)\n" }
      for exposure in entry.exposures { out += "    exposure \(exposure)\n" }
      for line in entry.resolution { out += "    \(line)\n" }
    }
    return out
  }
}

extension Workspace {
  /// The timeline of the entity `key` names: a workspace id (`W12`), or any id, alias or
  /// identifier ever imported (the newest entity carrying it when several did).
  public func history(of key: String) throws(WorkspaceError) -> EntityHistory {
    try read { db in
      guard let wid = try Self.resolve(db, key) else { throw WorkspaceError.unknownEntity(key) }
      let keys = try Row.fetchAll(
        db,
        sql: """
          SELECT k.scheme, k.value, i.period FROM entity_keys k JOIN imports i ON i.id = k.first_import
          WHERE k.wid = ? ORDER BY k.first_import, k.scheme, k.value
          """, arguments: [wid]
      ).map { row -> String in
        let scheme: String = row["scheme"]
        let value: String = row["value"]
        let period: String = row["period"]
        return "\(scheme) \(value) (from \(period))"
      }
      var entries: [EntityHistory.PeriodEntry] = []
      for period in try Self.periods(db) {
        guard let importID = try Self.latestImport(db, period: period) else { continue }
        var entry = EntityHistory.PeriodEntry(
          period: period, status: "absent", importID: importID, identifiers: [], mentions: [], exposures: [])
        if let status = try String.fetchOne(
          db, sql: "SELECT status FROM period_entities WHERE period = ? AND wid = ?", arguments: [period, wid])
        {
          entry.status = status
        }
        if let row = try Row.fetchOne(
          db, sql: "SELECT last_period, policy, review FROM retirements WHERE period = ? AND wid = ?",
          arguments: [period, wid])
        {
          entry.status = "retired"
          let last: String = row["last_period"]
          let policy: String = row["policy"]
          let review: String? = row["review"]
          entry.retirement = "last present in \(last), policy \(policy)" + (review.map { ", review \($0)" } ?? "")
        }
        if let row = try Row.fetchOne(
          db, sql: "SELECT idx, id, name, country FROM entities WHERE import_id = ? AND wid = ?", arguments: [importID, wid])
        {
          let idx: Int64 = row["idx"]
          entry.id = row["id"]
          entry.name = row["name"]
          entry.country = row["country"]
          entry.identifiers = try Row.fetchAll(
            db, sql: "SELECT scheme, value FROM identifiers WHERE import_id = ? AND idx = ? ORDER BY scheme",
            arguments: [importID, idx]
          ).map { row in "\(row["scheme"] as String) \(row["value"] as String)" }
          entry.mentions = try Row.fetchAll(
            db,
            sql: """
              SELECT s.file, s.line, s.sheet, s.cell,
                (SELECT f.source FROM files f WHERE f.import_id = s.import_id AND f.path = s.file LIMIT 1) AS source
              FROM entity_source_rows s WHERE s.import_id = ? AND s.idx = ? ORDER BY s.position
              """, arguments: [importID, idx]
          ).map { row in
            let place = Provenance(file: row["file"], line: row["line"], sheet: row["sheet"], cell: row["cell"])
            let source: String? = row["source"]
            return place.description + (source.map { " (source \($0))" } ?? "")
          }
          entry.resolution = try Row.fetchAll(
            db,
            sql: """
              SELECT m.candidate_wid, m.method, m.decision, m.similarity, m.detail, m.applied,
                (SELECT c.id FROM entities c WHERE c.wid = m.candidate_wid AND c.import_id < m.import_id
                 ORDER BY c.import_id DESC LIMIT 1) AS candidate_id
              FROM resolution_matches m WHERE m.import_id = ? AND m.idx = ?
              ORDER BY m.applied DESC, m.similarity DESC, m.candidate_wid
              """, arguments: [importID, idx]
          ).map { row in
            let candidate = "W\(row["candidate_wid"] as Int64) \(row["candidate_id"] as String? ?? "")"
            let similarity: Double? = row["similarity"]
            let method: String = row["method"]
            let decision: String = row["decision"]
            let how = method == "judgement" ? "judgement \(row["detail"] as String)"
              : "entity resolution (\(decision), similarity \(similarity.map { String($0) } ?? "-"))"
            return (row["applied"] as Bool) ? "kept the workspace id of \(candidate) by \(how)"
              : "may be \(candidate): \(how), sent to review"
          }
          entry.exposures = try Row.fetchAll(
            db,
            sql: "SELECT category, score, level, tier FROM exposures WHERE import_id = ? AND idx = ? ORDER BY category",
            arguments: [importID, idx]
          ).map { row in
            let tier: Int? = row["tier"]
            let score: Double = row["score"]
            return "\(row["category"] as String) \(score) \(row["level"] as String) tier \(tier.map(String.init) ?? "-")"
          }
        }
        entries.append(entry)
      }
      let names = Set(
        try String.fetchAll(db, sql: "SELECT value FROM entity_keys WHERE wid = ? AND scheme IN ('id', 'alias')", arguments: [wid]))
      let judgements = try Self.allJudgements(db, workspace: path).filter {
        names.contains($0.judgement.left) || names.contains($0.judgement.right)
      }
      return EntityHistory(wid: wid, keys: keys, judgements: judgements, periods: entries)
    }
  }

  /// The workspace id `key` names, or nil.
  static func resolve(_ db: Database, _ key: String) throws -> Int64? {
    if key.hasPrefix("W"), let number = Int64(key.dropFirst()),
      try Int64.fetchOne(db, sql: "SELECT wid FROM workspace_entities WHERE wid = ?", arguments: [number]) != nil
    {
      return number
    }
    return try Int64.fetchOne(
      db, sql: "SELECT wid FROM entity_keys WHERE value = ? ORDER BY first_import DESC, wid DESC LIMIT 1",
      arguments: [key])
  }
}
