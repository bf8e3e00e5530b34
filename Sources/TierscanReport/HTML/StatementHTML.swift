import Foundation
import TierscanCore
import TierscanRisk

/// `statement.html`: one self-contained page (inline CSS and SVG, no scripts, no external
/// references): summary figures, coverage chart, top exposures, path diagrams and the sections
/// with their placeholders.
public enum StatementHTML {
  /// Paths drawn per category (besides the focus's own).
  public static let pathsPerCategory = 3
  /// Rows of the top-exposures table.
  public static let topExposures = 25

  /// The page.
  public static func render(_ d: StatementDocument, analysis: RiskAnalysis) -> String {
    let f = d.figures
    let e = MarkupText.html
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>Modern slavery statement evidence: \(e(f.focusName)) \(d.year)</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
    out += "<h1>Modern slavery statement evidence pack</h1>\n"
    out += "<p class=\"sub\">\(e(f.focusName)) (<code>\(e(f.focusID))</code>) · reporting year \(d.year) · "
    out += d.regimes.regimes.map(\.citation).joined(separator: " and ") + "</p>\n"
    if !d.isComplete { out += "<p class=\"warn\">Some inputs had errors: the figures are incomplete (see quality.json).</p>\n" }

    out += "<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">\n"
    let unmapped = f.coverage.reduce(0) { $0 + $1.unmappedIDs.count }
    var cards: [(String, String)] = [
      ("suppliers in the mapped chain", String(f.suppliersInChain)),
      ("unmapped suppliers", "\(unmapped) (\(Int((f.unmappedShare * 100).rounded()))%)"),
    ]
    cards += f.flaggedByLevel.map { ("\($0.key) exposures", String($0.count)) }
    if let rate = f.cmrt.responseRate { cards.append(("CMRT response rate", "\(Int((rate * 100).rounded()))%")) }
    for (label, value) in cards { out += "<div class=\"card\"><div class=\"n\">\(e(value))</div><div>\(e(label))</div></div>\n" }
    out += "</div>\n"
    out += table(["category", "level", "score", "source", "hops"], f.focusExposures.map {
      [$0.category, $0.level.rawValue, String(format: "%.3f", $0.score), $0.sourceID, String($0.hops)]
    }, caption: "Exposure of \(f.focusName)")
    out += "</section>\n"

    out += "<section id=\"coverage\"><h2>Coverage per tier</h2>\n"
    out += SVGCoverageChart.render(f.coverage.filter { $0.tier >= 1 }.map {
      SVGCoverageChart.Bar(tier: $0.tier, entities: $0.entities, disclosed: $0.disclosed, unmapped: $0.unmappedIDs.count)
    })
    out += "<p>An unmapped supplier disclosed no sub-tier: a gap in the data, not a clean result.</p></section>\n"

    let top = f.flags.sorted { a, b in
      a.score != b.score ? a.score > b.score : (a.entityID.utf8Equals(b.entityID) ? a.category.utf8Precedes(b.category) : a.entityID.utf8Precedes(b.entityID))
    }.prefix(topExposures)
    out += "<section id=\"exposures\"><h2>Top exposures in the chain</h2>\n"
    out += table(["entity", "name", "tier", "category", "level", "score", "source", "paths.json"], top.map {
      [$0.entityID, $0.name, String($0.tier), $0.category, $0.level.rawValue, String(format: "%.3f", $0.score), $0.sourceID, "[\($0.pathIndex)]"]
    }, levelColumn: 4)
    out += "</section>\n"

    let attribution = AttributionCSV.rows(analysis, ExposureAttribution(analysis: analysis))
    out += "<section id=\"attribution\"><h2>Where the exposure enters (attribution.csv)</h2>\n"
    out += "<p>Per category, the focus's direct suppliers (and owned or operated entities) that risk reaches it through; "
    out += "\"without\" is the focus's exposure with that supplier and all its relationships removed.</p>\n"
    out += table(["category", "supplier", "sources", "best score", "level", "source", "hops", "carries best", "without", "then via"], attribution.map {
      [$0[1], "\($0[2]) \($0[3])", $0[5], String(format: "%.3f", Double($0[6]) ?? 0), $0[7], $0[8], $0[9], $0[10] == "true" ? "yes" : "", String(format: "%.3f", Double($0[11]) ?? 0) + " " + $0[12], $0[14]]
    }, levelColumn: 4)
    out += "</section>\n"

    out += "<section id=\"paths\"><h2>Flagged paths (risk source → … → exposed entity)</h2>\n"
    for exposure in diagramExposures(analysis) {
      let entity = analysis.graph[exposure.entity]
      out += "<figure><figcaption><b>\(e(entity.id))</b> \(e(entity.name)): \(e(exposure.category)) "
      out += "<span class=\"lvl \(exposure.level.rawValue)\">\(exposure.level.rawValue) \(String(format: "%.3f", exposure.score))</span></figcaption>\n"
      out += "<div class=\"scroll\">" + SVGPathDiagram.render(exposure, in: analysis) + "</div></figure>\n"
    }
    out += "</section>\n"

    out += "<section id=\"sections\"><h2>Statement sections</h2>\n"
    for s in d.sections {
      out += "<div class=\"sec\"><h3>\(e(s.label)) \(e(s.title))</h3>\n"
      if !s.figures.isEmpty { out += "<p>Supported by figures: " + s.figures.map { "<code>\(e($0.rawValue))</code>" }.joined(separator: ", ") + " (statement.json, statement.md)</p>\n" }
      for p in s.placeholders {
        out += "<div class=\"ph\"><b>\(e(StatementMarkdown.placeholderMarker))</b> <code>\(e(p.id))</code>: \(e(p.prompt))</div>\n"
      }
      out += "</div>\n"
    }
    out += "</section>\n<footer>tierscan \(e(d.manifest.toolVersion)) · config SHA-256 <code>\(e(d.manifest.configSHA256))</code> · "
    out += "\(d.manifest.inputs.count) input file(s), hashes in statement.json</footer>\n</body>\n</html>\n"
    return out
  }

  /// The focus's exposures, then the strongest `pathsPerCategory` medium-or-above exposures per
  /// category of other entities with a tier and at least one hop.
  static func diagramExposures(_ analysis: RiskAnalysis) -> [Exposure] {
    var chosen = Array(analysis.exposures(of: analysis.focus))
    for category in analysis.config.categories {
      let candidates = analysis.exposures.filter {
        $0.category.utf8Equals(category) && $0.entity != analysis.focus && analysis.tiers[Int($0.entity)] != nil
          && $0.level >= .medium && $0.hops > 0
      }.sorted { a, b in a.score != b.score ? a.score > b.score : a.entity < b.entity }
      chosen += candidates.prefix(pathsPerCategory)
    }
    return chosen
  }

  static func table(_ header: [String], _ rows: [[String]], caption: String? = nil, levelColumn: Int? = nil) -> String {
    let e = MarkupText.html
    var out = "<table>" + (caption.map { "<caption>\(e($0))</caption>" } ?? "") + "<tr>"
    out += header.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
    for row in rows {
      out += "<tr>" + row.enumerated().map { i, cell in
        i == levelColumn ? "<td><span class=\"lvl \(e(cell))\">\(e(cell))</span></td>" : "<td>\(e(cell))</td>"
      }.joined() + "</tr>\n"
    }
    return out + "</table>\n"
  }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px 32px;color:#222;max-width:1200px}
    h1{font-size:24px;margin-bottom:4px}.sub{color:#555;margin-top:0}h2{border-bottom:1px solid #ccc;padding-bottom:4px}
    .cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:120px}
    .card .n{font-size:22px;font-weight:bold}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
    th,td{border:1px solid #ddd;padding:3px 8px;text-align:left}th{background:#f0f0f0}caption{text-align:left;font-weight:bold;padding:4px 0}
    .lvl{padding:1px 6px;border-radius:3px;color:#fff}.critical{background:#8b0000}.high{background:#d9534f}.medium{background:#e0a000}.low{background:#7a8a99}
    figure{margin:10px 0 18px}.scroll{overflow-x:auto}.ph{border:2px dashed #c77;background:#fff6f6;padding:8px;margin:6px 0}
    .warn{color:#a00;font-weight:bold}footer{margin-top:24px;color:#666;font-size:12px}code{font-size:12px}

    """
}
