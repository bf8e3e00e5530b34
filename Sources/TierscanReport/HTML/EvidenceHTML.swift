import Foundation
import TierscanCore
import TierscanRisk

/// HTML fragments that `statement.html` and `report.html` share, each showing a figure with its
/// definition next to the number: the caveats, summary cards, the focus's exposure with ties and
/// unassessed counts, unassessed entities by reason, why each source is flagged, data quality.
public enum EvidenceHTML {
  static let e = MarkupText.html

  /// A table; `levelColumn` cells are drawn as level badges.
  static func table(_ header: [String], _ rows: [[String]], caption: String? = nil, levelColumn: Int? = nil) -> String {
    var out = "<table>" + (caption.map { "<caption>\(e($0))</caption>" } ?? "") + "<tr>"
    out += header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
    if rows.isEmpty { return out + "<tr><td colspan=\"\(header.count)\"><i>None in the data.</i></td></tr>\n</table>\n" }
    for row in rows {
      out += "<tr>" + row.enumerated().map { i, cell in
        i == levelColumn ? "<td><span class=\"lvl \(e(cell))\">\(e(cell))</span></td>" : "<td>\(e(cell))</td>"
      }.joined() + "</tr>\n"
    }
    return out + "</table>\n"
  }

  static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
  static func score(_ value: Double) -> String { String(format: "%.3f", value) }

  /// What a reader must know before reading any number: incomplete inputs, missing reference
  /// data, unassessed entities per category, the age of the status data, ties at the focus.
  static func caveats(_ f: StatementFigures, isComplete: Bool) -> String {
    var items: [String] = []
    if !isComplete { items.append("Some inputs had <b>errors</b>: the figures are incomplete (see the data-quality section and quality.json).") }
    if !f.missingReferenceData.isEmpty {
      items.append("Reference data <b>missing</b>: \(e(f.missingReferenceData.joined(separator: ", "))). Results in these areas are unassessed, not clean.")
    }
    for c in f.unassessed where c.total > 0 {
      let reasons = c.reasons.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", ")
      items.append("<b>\(e(c.name))</b>: \(c.total) of \(c.entities) entities of the chain (\(Int(c.percent.rounded()))%) are <b>unassessed</b> — no inherent-risk input could apply (\(e(reasons))). No exposure there is not a clean result.")
    }
    for tie in f.focusTies where tie.otherTiedSources > 0 {
      let source = f.focusExposures.first { $0.category.utf8Equals(tie.name) }?.sourceID ?? ""
      items.append("<b>\(e(tie.name))</b>: the focus's \(score(tie.score)) comes from \(e(source)) — <b>and \(tie.otherTiedSources) other source\(tie.otherTiedSources == 1 ? "" : "s") with the same score</b>; the one named is the tie-break, not the only cause.")
    }
    items.append(e(f.statusAge.sentence))
    items.append("Counts of exposures say whether they count <b>distinct entities</b> or <b>entity × category</b> pairs; suppliers (companies and facilities) are counted apart from smelters and mines.")
    return "<div class=\"caveats\"><h3>Read this first</h3><ul>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul></div>\n"
  }

  /// The headline cards, each labelled with what it counts.
  static func cards(_ f: StatementFigures) -> String {
    let c = f.composition
    let x = f.exposureCounts
    var cards: [(String, String)] = [
      ("entities below the focus (tier ≥ 1)", String(c.entities)),
      ("suppliers (companies \(c.companies), facilities \(c.facilities))", String(c.suppliers)),
      ("smelters and refiners", String(c.smelters)),
      ("mines", String(c.mines)),
      ("unmapped, of \(c.canBeUnmapped) suppliers that can be", "\(c.unmapped) (\(percent(c.unmappedShare)))"),
      ("exposed entities (distinct)", String(x.entities)),
      ("exposures (entity × category)", String(x.pairs)),
      ("high or critical: distinct entities / entity × category", "\(x.highOrCriticalEntities) / \(x.highOrCriticalPairs)"),
    ]
    if let rate = f.cmrt.responseRate { cards.append(("CMRT response rate", percent(rate))) }
    return "<div class=\"cards\">\n" + cards.map { label, value in
      "<div class=\"card\"><div class=\"n\">\(e(value))</div><div>\(e(label))</div></div>\n"
    }.joined() + "</div>\n"
  }

  /// The focus's exposure per category (every category, "none found" included) with ties and
  /// the category's unassessed entities.
  static func focusExposure(_ f: StatementFigures) -> String {
    let rows = f.focusTies.sorted { $0.name.utf8Precedes($1.name) }.map { tie -> [String] in
      let unassessed = StatementMarkdown.unassessedCell(f.unassessed.first { $0.name.utf8Equals(tie.name) })
      guard let x = f.focusExposures.first(where: { $0.category.utf8Equals(tie.name) }) else {
        return [tie.name, "none found", score(0), "-", "-", unassessed]
      }
      return [x.category, x.level.rawValue, score(x.score), StatementMarkdown.sourceWithTies(x.sourceID, ties: tie.otherTiedSources), String(x.hops), unassessed]
    }
    return table(["category", "level", "score", "source", "hops", "unassessed in the chain"], rows, caption: "Exposure of \(f.focusName)", levelColumn: 1)
  }

  /// Unassessed entities by category and reason, as a table and bars.
  static func unassessed(_ f: StatementFigures) -> String {
    var out = "<p>Entities of the chain (the focus included) that no inherent-risk input of the category could apply to, "
    out += "by the first reason that holds. An unassessed entity is a gap in the reference data or in its own data, never a clean result.</p>\n"
    out += SVGUnassessedChart.render(f.unassessed)
    out += table(["category", "entities in the chain", "unassessed", "by reason"], f.unassessed.map { c in
      [c.name, String(c.entities), StatementMarkdown.unassessedCell(c), c.reasons.map { "\($0.reason.rawValue) \($0.count) (\($0.reason.phrase))" }.joined(separator: "; ")]
    })
    return out
  }

  /// Rows of the why-flagged table at most (a 100k-entity scan has tens of thousands: 12 MB of HTML).
  public static let maxReasons = 2_000

  /// Why each risk source behind a flagged exposure is one.
  static func reasons(_ f: StatementFigures) -> String {
    var out = "<p>Every inherent-risk rule of every source behind a flagged exposure: the list it matched, the country "
    out += "or ILAB row, the smelter's status with the reference's date, and the row it came from."
    if f.sourceReasons.count > maxReasons {
      out += " The first \(maxReasons) of \(f.sourceReasons.count) are listed (by source id); statement.json and paths.json have all."
    }
    out += "</p>\n"
    out += table(["source", "name", "tier", "category", "rule", "score", "why", "row"], f.sourceReasons.prefix(maxReasons).map {
      [$0.sourceID, $0.name, $0.tier.map(String.init) ?? "-", $0.category, $0.rule.id, score($0.score), $0.detail, $0.row]
    })
    return out
  }

  /// Findings by severity and by rule and severity, and the missing reference data.
  static func dataQuality(_ f: StatementFigures) -> String {
    var out = "<p>Findings: " + f.findingsBySeverity.map { "\(e($0.key)) \($0.count)" }.joined(separator: ", ") + " (each with its file and line in quality.json).</p>\n"
    out += table(["rule", "severity", "findings"], f.findingsByRule.map { [$0.rule, $0.severity.rawValue, String($0.count)] })
    out += "<p>" + (f.missingReferenceData.isEmpty
      ? "Reference data: risk list, country risk and smelter status reference all present."
      : "Reference data missing (results in these areas are unassessed, not clean): " + e(f.missingReferenceData.joined(separator: ", ")) + ".")
    return out + " " + e(f.statusAge.sentence) + "</p>\n"
  }

  /// Ranked tier ≥ 1 exposures (level, tier, score, id) with a same-score count, at most `limit`.
  static func topExposures(_ f: StatementFigures, limit: Int) -> String {
    let ranked = StatementFigures.ranked(f.flags)
    let same = StatementFigures.sameScoreCounts(ranked)
    var out = "<p>Ordered by level, then tier (nearest the focus first), then score, then id; \"same score\" counts the other "
    out += "exposures with exactly this score — tied rows are in id order, not ranked. Showing \(min(limit, ranked.count)) of "
    out += "\(ranked.count) entity × category exposures (\(f.exposureCounts.entities) distinct entities).</p>\n"
    out += table(["entity", "name", "tier", "category", "level", "score", "same score", "source", "paths.json"], zip(ranked, same).prefix(limit).map { flag, same in
      [flag.entityID, flag.name, String(flag.tier), flag.category, flag.level.rawValue, score(flag.score),
       same == 0 ? "" : "and \(same) other\(same == 1 ? "" : "s")", flag.sourceID, "[\(flag.pathIndex)]"]
    }, levelColumn: 4)
    return out
  }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px 32px;color:#222;max-width:1200px}
    h1{font-size:24px;margin-bottom:4px}.sub{color:#555;margin-top:0}h2{border-bottom:1px solid #ccc;padding-bottom:4px}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:120px;max-width:220px}
    .card .n{font-size:22px;font-weight:bold}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
    th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f0f0f0}caption{text-align:left;font-weight:bold;padding:4px 0}
    .lvl{padding:1px 6px;border-radius:3px;color:#fff}.critical{background:#8b0000}.high{background:#d9534f}.medium{background:#e0a000}.low{background:#7a8a99}
    figure{margin:10px 0 18px}.scroll{overflow-x:auto}.ph{border:2px dashed #c77;background:#fff6f6;padding:8px;margin:6px 0}
    .warn{color:#a00;font-weight:bold}footer{margin-top:24px;color:#666;font-size:12px}code{font-size:12px}
    .caveats{border:2px solid #e0a000;background:#fffaf0;border-radius:6px;padding:4px 16px;margin:12px 0}.caveats h3{margin:8px 0 4px}
    .caveats li{margin:3px 0}

    """
}
