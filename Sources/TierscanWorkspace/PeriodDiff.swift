import GRDB
import TierscanCore

/// What changed between two periods of a workspace (`tierscan diff --workspace FILE P1 P2`),
/// entity by workspace id, so a renumbered re-export shows no change where the entity is the same.
public struct PeriodDiff: Sendable {
  /// One entity line: workspace id, id and name in the period that has it, and a note.
  public struct Line: Sendable, Hashable {
    public var wid: Int64
    public var id: String
    public var name: String
    public var note: String
  }

  public var old: String
  public var new: String
  /// In the new period, in no membership of the old one.
  public var added: [Line]
  /// In the old period, not reported in the new one (with the retirement or retention).
  public var removed: [Line]
  /// In both, with another id, name or country.
  public var changed: [Line]
  /// Exposure changes per entity and category, when both periods' imports stored exposures.
  public var exposures: [Line]
  /// Whether both imports stored exposures (otherwise ``exposures`` is not compared).
  public var exposuresCompared: Bool

  /// The diff as text.
  public var text: String {
    var out = "periods \(old) → \(new)\n"
    func section(_ title: String, _ lines: [Line]) {
      out += "\(title): \(lines.count)\n"
      for line in lines { out += "  W\(line.wid) \(line.id) \(line.name)\(line.note.isEmpty ? "" : " — \(line.note)")\n" }
    }
    section("added", added)
    section("no longer reported", removed)
    section("changed", changed)
    if exposuresCompared {
      section("exposure changes", exposures)
    } else {
      out += "exposure changes: not compared (import both periods with --focus to store exposures)\n"
    }
    return out
  }
}

extension Workspace {
  /// Compares the newest imports of `old` and `new`.
  public func diff(_ old: String, _ new: String) throws(WorkspaceError) -> PeriodDiff {
    try read { db in
      let known = try Self.periods(db)
      guard let oldImport = try Self.latestImport(db, period: old) else { throw WorkspaceError.unknownPeriod(old, known: known) }
      guard let newImport = try Self.latestImport(db, period: new) else { throw WorkspaceError.unknownPeriod(new, known: known) }
      struct Member { var id: String; var name: String; var country: String?; var status: String }
      func members(_ period: String, _ importID: Int64) throws -> [Int64: Member] {
        var result: [Int64: Member] = [:]
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT p.wid, p.status, e.id, e.name, e.country FROM period_entities p
            LEFT JOIN entities e ON e.import_id = ? AND e.wid = p.wid
            WHERE p.period = ?
            """, arguments: [importID, period])
        {
          result[row["wid"]] = Member(
            id: row["id"] ?? "", name: row["name"] ?? "", country: row["country"], status: row["status"])
        }
        return result
      }
      let before = try members(old, oldImport)
      let after = try members(new, newImport)
      func name(_ wid: Int64) throws -> (String, String) {
        let row = try Row.fetchOne(
          db, sql: "SELECT id, name FROM entities WHERE wid = ? ORDER BY import_id DESC LIMIT 1", arguments: [wid])
        return (row?["id"] ?? "", row?["name"] ?? "")
      }
      var added: [PeriodDiff.Line] = []
      var removed: [PeriodDiff.Line] = []
      var changed: [PeriodDiff.Line] = []
      for (wid, member) in after where before[wid] == nil && member.status == "reported" {
        added.append(PeriodDiff.Line(wid: wid, id: member.id, name: member.name, note: ""))
      }
      for (wid, member) in before where after[wid]?.status != "reported" {
        var note = after[wid]?.status == "retained" ? "retained (carried forward, not reported)" : "not present"
        if let row = try Row.fetchOne(
          db,
          sql: "SELECT period, last_period, policy, review FROM retirements WHERE wid = ? AND period > ? AND period <= ? ORDER BY period LIMIT 1",
          arguments: [wid, old, new])
        {
          let review: String? = row["review"]
          note = "retired in \(row["period"] as String) (last present \(row["last_period"] as String), policy \(row["policy"] as String)"
            + (review.map { ", review \($0)" } ?? "") + ")"
        }
        let (id, name) = member.id.isEmpty ? try name(wid) : (member.id, member.name)
        removed.append(PeriodDiff.Line(wid: wid, id: id, name: name, note: note))
      }
      for (wid, now) in after where now.status == "reported" {
        guard let was = before[wid], was.status == "reported" else { continue }
        var notes: [String] = []
        if was.id != now.id { notes.append("id \(was.id) → \(now.id)") }
        if was.name != now.name { notes.append("name \(was.name) → \(now.name)") }
        if was.country != now.country { notes.append("country \(was.country ?? "-") → \(now.country ?? "-")") }
        if !notes.isEmpty { changed.append(PeriodDiff.Line(wid: wid, id: now.id, name: now.name, note: notes.joined(separator: "; "))) }
      }
      let focused = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM imports WHERE id IN (?, ?) AND focus IS NOT NULL", arguments: [oldImport, newImport])
      var exposures: [PeriodDiff.Line] = []
      if focused == 2 {
        var was: [String: (Double, String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT wid, category, score, level FROM exposures WHERE import_id = ?", arguments: [oldImport]) {
          was["\(row["wid"] as Int64) \(row["category"] as String)"] = (row["score"], row["level"])
        }
        var seen = Set<String>()
        for row in try Row.fetchAll(
          db, sql: "SELECT x.wid, x.category, x.score, x.level, e.id, e.name FROM exposures x JOIN entities e ON e.import_id = x.import_id AND e.idx = x.idx WHERE x.import_id = ?",
          arguments: [newImport])
        {
          let wid: Int64 = row["wid"]
          let category: String = row["category"]
          let key = "\(wid) \(category)"
          seen.insert(key)
          let score: Double = row["score"]
          let level: String = row["level"]
          let text = "\(category) " + Self.score(score) + " \(level)"
          if let (oldScore, oldLevel) = was[key] {
            if abs(oldScore - score) > 1e-9 {
              exposures.append(PeriodDiff.Line(
                wid: wid, id: row["id"], name: row["name"],
                note: "\(category) \(Self.score(oldScore)) \(oldLevel) → \(Self.score(score)) \(level) (\(score > oldScore ? "rose" : "fell"))"))
            }
          } else {
            exposures.append(PeriodDiff.Line(wid: wid, id: row["id"], name: row["name"], note: "\(text) (new)"))
          }
        }
        for (key, value) in was where !seen.contains(key) {
          let parts = key.split(separator: " ")
          let wid = Int64(parts[0]) ?? 0
          let (id, name) = try name(wid)
          exposures.append(PeriodDiff.Line(wid: wid, id: id, name: name, note: "\(parts[1]) \(Self.score(value.0)) \(value.1) (gone)"))
        }
      }
      let order: (PeriodDiff.Line, PeriodDiff.Line) -> Bool = { a, b in
        a.id != b.id ? a.id.utf8Precedes(b.id) : a.note.utf8Precedes(b.note)
      }
      return PeriodDiff(
        old: old, new: new, added: added.sorted(by: order), removed: removed.sorted(by: order),
        changed: changed.sorted(by: order), exposures: exposures.sorted(by: order), exposuresCompared: focused == 2)
    }
  }

  static func score(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < 3 { text += String(repeating: "0", count: 3 - decimals) }
    }
    return text
  }
}
