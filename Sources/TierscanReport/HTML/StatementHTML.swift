import Foundation
import TierscanCore
import TierscanRisk

/// `statement.html`: one self-contained page (inline CSS and SVG, no scripts, no external
/// references): the caveats, summary figures, unassessed entities, coverage chart, top
/// exposures, why each source is flagged, data quality, path diagrams and the sections with their
/// placeholders.
public enum StatementHTML {
  /// Paths drawn per category (besides the focus's own).
  public static let pathsPerCategory = 3
  /// Rows of the top-exposures table.
  public static let topExposures = 25

  /// The page.
  ///
  /// - Parameter attribution: `analysis`'s attribution when the caller already computed it for
  ///   `attribution.csv` (it is the write phase's most expensive part); computed here otherwise.
  public static func render(_ d: StatementDocument, analysis: RiskAnalysis, attribution: ExposureAttribution? = nil) -> String {
    let f = d.figures
    let e = MarkupText.html
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>Modern slavery statement evidence: \(e(f.focusName)) \(d.year)</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
    out += "<h1>Modern slavery statement evidence pack</h1>\n"
    out += "<p class=\"sub\">\(e(f.focusName)) (<code>\(e(f.focusID))</code>) · reporting year \(d.year) · "
    out += d.regimes.regimes.map(\.citation).joined(separator: " and ") + "</p>\n"
    if !d.isComplete { out += "<p class=\"warn\">Some inputs had errors: the figures are incomplete (see quality.json).</p>\n" }
    out += EvidenceHTML.caveats(f, isComplete: d.isComplete)

    out += "<section id=\"summary\"><h2>Summary</h2>\n" + EvidenceHTML.cards(f)
    out += EvidenceHTML.focusExposure(f)
    out += "</section>\n"

    out += "<section id=\"unassessed\"><h2>Unassessed (not clean)</h2>\n" + EvidenceHTML.unassessed(f) + "</section>\n"

    out += "<section id=\"coverage\"><h2>Coverage per tier</h2>\n"
    out += SVGCoverageChart.render(f.coverage.filter { $0.tier >= 1 }.map {
      SVGCoverageChart.Bar(tier: $0.tier, entities: $0.entities, disclosed: $0.disclosed, unmapped: $0.unmappedIDs.count)
    })
    out += "<p>An unmapped supplier disclosed no sub-tier: a gap in the data, not a clean result. \(f.composition.unmapped) of "
    out += "\(f.composition.canBeUnmapped) suppliers that can be unmapped are (\(EvidenceHTML.percent(f.unmappedShare))); smelters, "
    out += "mines and raw-material producers have no sub-tiers to disclose and are not counted.</p></section>\n"

    out += "<section id=\"exposures\"><h2>Top exposures in the chain</h2>\n"
    out += EvidenceHTML.topExposures(f, limit: topExposures)
    out += "</section>\n"

    out += "<section id=\"why\"><h2>Why each risk source is flagged</h2>\n" + EvidenceHTML.reasons(f) + "</section>\n"
    out += "<section id=\"quality\"><h2>Data quality and reference data</h2>\n" + EvidenceHTML.dataQuality(f) + "</section>\n"

    let attribution = AttributionCSV.rows(analysis, attribution ?? ExposureAttribution(analysis: analysis))
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
    EvidenceHTML.table(header, rows, caption: caption, levelColumn: levelColumn)
  }

  static let css = EvidenceHTML.css
}
