import Foundation
import TierscanCore

extension ScanDiff {
  /// Output formats of `tierscan diff`.
  public enum Format: String, Sendable, CaseIterable {
    case text, json, csv
  }

  /// The diff as text, JSON or CSV (deterministic; ends with a newline).
  public func render(_ format: Format) -> String {
    switch format {
    case .text: return text()
    case .json:
      let json = JSONWriter.string(object())
      return json.hasSuffix("\n") ? json : json + "\n"
    case .csv: return csv()
    }
  }

  static func score(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }

  static func relationship(_ key: ScanSnapshot.RelationshipKey) -> String {
    "\(key.from) -> \(key.to) \(key.type)" + (key.commodity.isEmpty ? "" : " \(key.commodity)")
  }

  /// The human report: one block per section, aligned columns.
  public func text() -> String {
    var out = ""
    if comparesGraphs {
      out += "entities: \(entitiesAdded.count) added, \(entitiesRemoved.count) removed"
      out += entitiesRenamed.isEmpty ? "\n" : ", \(entitiesRenamed.count) id changed\n"
      for e in entitiesAdded { out += "  + \(e.id)  \(e.name) (\(e.kind))\n" }
      for e in entitiesRemoved { out += "  - \(e.id)  \(e.name) (\(e.kind))\n" }
      for r in entitiesRenamed {
        let name = r.oldName.utf8Equals(r.name) ? r.name : "\(r.oldName) → \(r.name)"
        out += "  ~ \(r.oldID) → \(r.newID)  \(name) (\(r.kind)): id changed (\(r.via))\n"
      }
      for a in renameAmbiguities {
        out += "  ? \(a.id) (\(a.isOld ? "old" : "new")) is tied to \(a.others.joined(separator: ", ")) "
          + "(\(a.isOld ? "new" : "old")): ambiguous, listed as \(a.isOld ? "removed" : "added")\n"
      }
      out += "relationships: \(relationshipsAdded.count) added, \(relationshipsRemoved.count) removed\n"
      for r in relationshipsAdded { out += "  + \(Self.relationship(r))\n" }
      for r in relationshipsRemoved { out += "  - \(Self.relationship(r))\n" }
    } else {
      out += "entities and relationships: not compared (graph.json missing on one side; without it a renumbered "
        + "entity cannot be recognised, and its exposures show as disappeared and appeared: scan --with-graph)\n"
    }
    let counts = [ExposureChangeKind.appeared, .disappeared, .rose, .fell].map { kind in
      "\(exposures.filter { $0.change == kind }.count) \(kind.rawValue)"
    }
    out += "exposures: " + counts.joined(separator: ", ") + "\n"
    if !exposures.isEmpty {
      var rows = [["", "entity", "tier", "category", "old", "new"]]
      for e in exposures {
        let mark = switch e.change {
        case .appeared: "+"
        case .disappeared: "-"
        case .rose: "^"
        case .fell: "v"
        }
        rows.append([
          mark, e.entityID, e.tier.map(String.init) ?? "", e.category,
          e.oldLevel.map { "\($0) \(Self.score(e.oldScore))" } ?? "-",
          e.newLevel.map { "\($0) \(Self.score(e.newScore))" } ?? "-",
        ])
      }
      out += Self.table(rows)
    }
    out += "coverage per tier (entities, unmapped, disclosed sub-tiers):\n"
    var rows = [["tier", "old", "new", ""]]
    for t in coverage {
      func cell(_ row: ScanSnapshot.TierRow?) -> String {
        row.map { "\($0.entities), \($0.unmapped), \(Int(($0.disclosedShare * 100).rounded()))%" } ?? "-"
      }
      rows.append([String(t.tier), cell(t.old), cell(t.new), t.isChanged ? "changed" : ""])
    }
    out += Self.table(rows)
    out += "smelters (\(smelterBasis == "statement" ? "RMAP status" : "own conflict-minerals score")): "
    out += smelters.isEmpty ? "no change\n" : "\(smelters.count) changed\n"
    for s in smelters { out += "  \(s.id)  \(s.name): \(s.old ?? "absent") -> \(s.new ?? "absent")\n" }
    return out
  }

  /// Left-aligned columns separated by two spaces, indented by two.
  static func table(_ rows: [[String]]) -> String {
    var widths = [Int](repeating: 0, count: rows.first?.count ?? 0)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    var out = ""
    for row in rows {
      var line = " "
      for (i, cell) in row.enumerated() {
        line += " " + cell + (i == row.count - 1 ? "" : String(repeating: " ", count: widths[i] - cell.count + 1))
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  /// The JSON object: `compares_graphs`, `entities` (`added`, `removed`, and `renamed` when any id
  /// changed), `relationships`, `exposures`, `coverage`, `smelters`.
  public func object() -> JSONValue {
    func entity(_ e: EntityChange) -> JSONValue {
      .object([("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind))])
    }
    func relationship(_ r: ScanSnapshot.RelationshipKey) -> JSONValue {
      .object([
        ("from", .string(r.from)), ("to", .string(r.to)), ("type", .string(r.type)),
        ("commodity", r.commodity.isEmpty ? .null : .string(r.commodity)),
      ])
    }
    func tier(_ row: ScanSnapshot.TierRow?) -> JSONValue {
      guard let row else { return .null }
      return .object([
        ("entities", .number(Double(row.entities))), ("unmapped", .number(Double(row.unmapped))),
        ("disclosed", .number(Double(row.disclosed))), ("disclosed_share", .number(row.disclosedShare)),
      ])
    }
    return .object([
      ("compares_graphs", .bool(comparesGraphs)),
      (
        "entities",
        .object(
          [("added", .array(entitiesAdded.map(entity))), ("removed", .array(entitiesRemoved.map(entity)))]
            + (entitiesRenamed.isEmpty
              ? []
              : [
                (
                  "renamed",
                  .array(
                    entitiesRenamed.map { r in
                      .object([
                        ("old_id", .string(r.oldID)), ("new_id", .string(r.newID)), ("old_name", .string(r.oldName)),
                        ("name", .string(r.name)), ("kind", .string(r.kind)), ("via", .string(r.via)),
                      ])
                    })
                )
              ]))
      ),
      (
        "relationships",
        .object([
          ("added", .array(relationshipsAdded.map(relationship))),
          ("removed", .array(relationshipsRemoved.map(relationship))),
        ])
      ),
      (
        "exposures",
        .array(
          exposures.map { e in
            .object([
              ("entity_id", .string(e.entityID)), ("name", .string(e.name)), ("tier", .optional(e.tier)),
              ("category", .string(e.category)), ("change", .string(e.change.rawValue)),
              ("old_level", .optional(e.oldLevel)), ("old_score", .optional(e.oldScore)),
              ("new_level", .optional(e.newLevel)), ("new_score", .optional(e.newScore)),
            ])
          })
      ),
      (
        "coverage",
        .array(
          coverage.map { t in
            .object([("tier", .number(Double(t.tier))), ("old", tier(t.old)), ("new", tier(t.new)), ("changed", .bool(t.isChanged))])
          })
      ),
      ("smelter_basis", .string(smelterBasis)),
      (
        "smelters",
        .array(
          smelters.map { s in
            .object([("id", .string(s.id)), ("name", .string(s.name)), ("old", .optional(s.old)), ("new", .optional(s.new))])
          })
      ),
    ])
  }

  /// CSV: `change,subject,name,category,tier,old,new,old_score,new_score`, one row per change.
  public func csv() -> String {
    var csv = CSVWriter(header: ["change", "subject", "name", "category", "tier", "old", "new", "old_score", "new_score"])
    for e in entitiesAdded { csv.writeRow(["entity-added", e.id, e.name, "", "", "", e.kind, "", ""]) }
    for e in entitiesRemoved { csv.writeRow(["entity-removed", e.id, e.name, "", "", e.kind, "", "", ""]) }
    for r in entitiesRenamed { csv.writeRow(["entity-id-changed", r.newID, r.name, "", "", r.oldID, r.newID, "", ""]) }
    for r in relationshipsAdded { csv.writeRow(["relationship-added", Self.relationship(r), "", r.commodity, "", "", r.type, "", ""]) }
    for r in relationshipsRemoved { csv.writeRow(["relationship-removed", Self.relationship(r), "", r.commodity, "", r.type, "", "", ""]) }
    for e in exposures {
      csv.writeRow([
        "exposure-\(e.change.rawValue)", e.entityID, e.name, e.category, e.tier.map(String.init) ?? "", e.oldLevel ?? "",
        e.newLevel ?? "", e.oldScore.map(CSVWriter.score) ?? "", e.newScore.map(CSVWriter.score) ?? "",
      ])
    }
    for t in coverage where t.isChanged {
      let figures: [(String, (ScanSnapshot.TierRow) -> String)] = [
        ("coverage-entities", { String($0.entities) }), ("coverage-unmapped", { String($0.unmapped) }),
        ("coverage-disclosed-share", { CSVWriter.score($0.disclosedShare) }),
      ]
      for (name, value) in figures {
        let a = t.old.map(value) ?? ""
        let b = t.new.map(value) ?? ""
        if a != b { csv.writeRow([name, String(t.tier), "", "", String(t.tier), a, b, "", ""]) }
      }
    }
    for s in smelters { csv.writeRow(["smelter-\(smelterBasis == "statement" ? "status" : "score")", s.id, s.name, "conflict_minerals", "", s.old ?? "", s.new ?? "", "", ""]) }
    return csv.text
  }
}
