import Foundation
import TierscanCore
import TierscanIngest
import TierscanRisk

/// `report.html` (`scan --html`): one self-contained page for a scan — the caveats, summary
/// cards, the focus's exposure with ties and unassessed counts, coverage and unassessed bars, a
/// sortable and filterable exposure table (a small inline script; no external references), why
/// each source is flagged, path diagrams and data quality. Same inputs, same bytes.
public enum ScanReportHTML {
  /// Rows of the exposure table at most (the ranked first ones; exposures.csv has them all).
  public static let maxRows = 5_000

  /// The page for `analysis`.
  ///
  /// - Parameters:
  ///   - findings: every finding of the run (ingest, graph and risk).
  public static func render(inputs: IngestedInputs, analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest) -> String {
    let f = StatementFigures(inputs: inputs, analysis: analysis, findings: findings)
    let isComplete = !findings.contains { $0.severity == .error }
    let e = MarkupText.html
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>tierscan report: \(e(f.focusName)) (\(e(f.focusID)))</title>\n<style>\n\(EvidenceHTML.css)\(css)</style>\n</head>\n<body>\n"
    out += "<h1>Supply-chain risk scan</h1>\n"
    out += "<p class=\"sub\">Focus \(e(f.focusName)) (<code>\(e(f.focusID))</code>) · \(analysis.graph.entityCount) entities, "
    out += "\(analysis.graph.relationshipCount) relationships · \(manifest.inputs.count) input file(s)</p>\n"
    out += EvidenceHTML.caveats(f, isComplete: isComplete)
    out += "<section id=\"summary\"><h2>Summary</h2>\n" + EvidenceHTML.cards(f) + EvidenceHTML.focusExposure(f) + "</section>\n"
    out += "<section id=\"unassessed\"><h2>Unassessed (not clean)</h2>\n" + EvidenceHTML.unassessed(f) + "</section>\n"
    out += "<section id=\"coverage\"><h2>Coverage per tier</h2>\n"
    out += SVGCoverageChart.render(f.coverage.filter { $0.tier >= 1 }.map {
      SVGCoverageChart.Bar(tier: $0.tier, entities: $0.entities, disclosed: $0.disclosed, unmapped: $0.unmappedIDs.count)
    })
    out += "<p>\(f.composition.unmapped) of \(f.composition.canBeUnmapped) suppliers that can be unmapped disclosed no sub-tier "
    out += "(\(EvidenceHTML.percent(f.unmappedShare))): a gap in the data, not a clean result.</p></section>\n"
    out += "<section id=\"exposures\"><h2>Exposures below the focus</h2>\n" + exposureTable(f) + "</section>\n"
    out += "<section id=\"why\"><h2>Why each risk source is flagged</h2>\n" + EvidenceHTML.reasons(f) + "</section>\n"
    out += "<section id=\"paths\"><h2>Flagged paths (risk source → … → exposed entity)</h2>\n"
    for exposure in StatementHTML.diagramExposures(analysis) {
      let entity = analysis.graph[exposure.entity]
      out += "<figure><figcaption><b>\(e(entity.id))</b> \(e(entity.name)): \(e(exposure.category)) "
      out += "<span class=\"lvl \(exposure.level.rawValue)\">\(exposure.level.rawValue) \(EvidenceHTML.score(exposure.score))</span></figcaption>\n"
      out += "<div class=\"scroll\">" + SVGPathDiagram.render(exposure, in: analysis) + "</div></figure>\n"
    }
    out += "</section>\n"
    out += "<section id=\"quality\"><h2>Data quality and reference data</h2>\n" + EvidenceHTML.dataQuality(f) + "</section>\n"
    out += "<footer>tierscan \(e(manifest.toolVersion)) · config SHA-256 <code>\(e(manifest.configSHA256))</code> · "
    out += "input hashes in manifest.json</footer>\n<script>\n\(script)</script>\n</body>\n</html>\n"
    return out
  }

  /// The exposure table with its filter controls: one row per tier ≥ 1 exposure, ranked, with
  /// `data-` attributes the script filters and sorts on.
  static func exposureTable(_ f: StatementFigures) -> String {
    let e = MarkupText.html
    let ranked = StatementFigures.ranked(f.flags)
    let same = StatementFigures.sameScoreCounts(ranked)
    let shown = min(ranked.count, maxRows)
    var out = "<p>\(ranked.count) entity × category exposures on \(f.exposureCounts.entities) distinct entities. Ranked by level, "
    out += "then tier, then score, then id; click a column to sort, type to filter. \"Same score\" counts the other exposures "
    out += "with exactly this score (tied rows are not ranked among themselves)."
    out += shown < ranked.count ? " The first \(shown) are listed; exposures.csv has all of them." : ""
    out += "</p>\n<div class=\"controls\"><label>Filter <input id=\"q\" type=\"search\" placeholder=\"id, name, source…\"></label> "
    out += "<label>Category <select id=\"cat\"><option value=\"\">all</option>"
    for c in f.unassessed.map(\.name) { out += "<option value=\"\(e(c))\">\(e(c))</option>" }
    out += "</select></label> <label>Level <select id=\"lvl\"><option value=\"\">all</option>"
    for level in RiskLevel.allCases.reversed() { out += "<option value=\"\(level.rawValue)\">\(level.rawValue)</option>" }
    out += "</select></label> <span id=\"rowcount\">\(shown) exposures listed</span></div>\n"
    out += "<table id=\"exposure-table\" class=\"sortable\"><thead><tr>"
    let header: [(String, String, Bool)] = [
      ("entity", "entity", false), ("name", "name", false), ("tier", "tier", true), ("category", "category", false),
      ("level", "level", true), ("score", "score", true), ("same score", "same", true), ("source", "source", false),
      ("hops", "hops", true), ("paths.json", "path", true),
    ]
    out += header.map { label, key, numeric in "<th data-key=\"\(key)\"\(numeric ? " data-num" : "") aria-sort=\"none\">\(label)</th>" }.joined()
    out += "</tr></thead><tbody>\n"
    for (flag, same) in zip(ranked, same).prefix(shown) {
      let rank = RiskLevel.allCases.firstIndex(of: flag.level)!
      out += "<tr data-cat=\"\(e(flag.category))\" data-lvl=\"\(flag.level.rawValue)\">"
      out += "<td>\(e(flag.entityID))</td><td>\(e(flag.name))</td><td>\(flag.tier)</td><td>\(e(flag.category))</td>"
      out += "<td data-v=\"\(rank)\"><span class=\"lvl \(flag.level.rawValue)\">\(flag.level.rawValue)</span></td>"
      out += "<td data-v=\"\(JSONWriter.formatNumber(flag.score))\">\(EvidenceHTML.score(flag.score))</td>"
      out += "<td data-v=\"\(same)\">\(same == 0 ? "" : String(same))</td><td>\(e(flag.sourceID))</td><td>\(flag.hops)</td>"
      out += "<td data-v=\"\(flag.pathIndex)\">[\(flag.pathIndex)]</td></tr>\n"
    }
    return out + "</tbody></table>\n"
  }

  static let css = """
    .controls{margin:6px 0}.controls input,.controls select{font-size:13px;margin-right:8px}#rowcount{color:#555;font-size:13px}
    table.sortable th{cursor:pointer;user-select:none}table.sortable th[aria-sort=ascending]::after{content:" ▲"}
    table.sortable th[aria-sort=descending]::after{content:" ▼"}

    """

  /// Sorting and filtering; the page's state can also be given in the URL fragment
  /// (`#q=GIN&cat=forced_labour&lvl=high&sort=score`), which the headless-browser test uses.
  static let script = """
    (function () {
      var table = document.getElementById('exposure-table');
      if (!table) return;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var q = document.getElementById('q'), cat = document.getElementById('cat'), lvl = document.getElementById('lvl');
      var count = document.getElementById('rowcount');
      var key = -1, dir = 1;
      function value(row, i) { var c = row.cells[i]; return c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent; }
      function apply() {
        var text = q.value.toLowerCase(), c = cat.value, l = lvl.value, n = 0;
        rows.forEach(function (row) {
          var show = (!text || row.textContent.toLowerCase().indexOf(text) >= 0) &&
            (!c || row.getAttribute('data-cat') === c) && (!l || row.getAttribute('data-lvl') === l);
          row.hidden = !show;
          if (show) n++;
        });
        count.textContent = 'Showing ' + n + ' of ' + rows.length + ' exposures';
      }
      function sortBy(i) {
        var numeric = heads[i].hasAttribute('data-num');
        if (key === i) { dir = -dir; } else { key = i; dir = numeric ? -1 : 1; }
        var order = rows.map(function (row, k) { return [row, k]; });
        order.sort(function (a, b) {
          var x = value(a[0], i), y = value(b[0], i);
          if (numeric) { x = parseFloat(x); y = parseFloat(y); }
          return x < y ? -dir : x > y ? dir : a[1] - b[1];
        });
        rows = order.map(function (p) { return p[0]; });
        rows.forEach(function (row) { body.appendChild(row); });
        heads.forEach(function (h, j) { h.setAttribute('aria-sort', j === i ? (dir > 0 ? 'ascending' : 'descending') : 'none'); });
      }
      heads.forEach(function (h, i) { h.addEventListener('click', function () { sortBy(i); }); });
      [q, cat, lvl].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
      var state = new URLSearchParams(location.hash.slice(1));
      if (state.get('q')) q.value = state.get('q');
      if (state.get('cat')) cat.value = state.get('cat');
      if (state.get('lvl')) lvl.value = state.get('lvl');
      if (state.get('sort')) {
        heads.forEach(function (h, i) { if (h.getAttribute('data-key') === state.get('sort')) sortBy(i); });
      }
      apply();
      document.body.setAttribute('data-ready', 'true');
    })();

    """
}
