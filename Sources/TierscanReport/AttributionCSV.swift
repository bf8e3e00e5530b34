import TierscanCore
import TierscanRisk

/// `attribution.csv` (docs/outputs.md): per category, each neighbour through which risk enters
/// the focus (tier-1 suppliers; owned or operated entities whose risk reaches it), the sources
/// reaching the focus through it, the best score through it, and the focus's exposure without it.
public enum AttributionCSV {
  /// The exact header.
  public static let header = [
    "focus_id", "category", "supplier_id", "supplier_name", "edge_type", "sources", "best_score", "best_level",
    "best_source_id", "best_hops", "carries_focus_best", "focus_score_without", "focus_level_without",
    "focus_source_without", "focus_via_without",
  ]

  /// The rows: by category bytes, then best score (highest first), then supplier id.
  public static func rows(_ analysis: RiskAnalysis, _ attribution: ExposureAttribution) -> [[String]] {
    let graph = analysis.graph
    let focus = graph.entities.id(of: analysis.focus)
    let sorted = attribution.rows.sorted { a, b in
      if !a.category.utf8Equals(b.category) { return a.category.utf8Precedes(b.category) }
      if a.bestScore != b.bestScore { return a.bestScore > b.bestScore }
      return a.supplier < b.supplier
    }
    return sorted.map { r in
      [
        focus, r.category, graph.entities.id(of: r.supplier), graph.entities.name(of: r.supplier), r.edgeType.rawValue,
        r.sourcesComplete ? String(r.sources) : "\(r.sources)+",
        CSVWriter.score(r.bestScore), analysis.config.level(of: r.bestScore)?.rawValue ?? "", graph.entities.id(of: r.bestSource),
        String(r.bestHops), r.carriesFocusBest ? "true" : "false",
        CSVWriter.score(r.focusScoreWithout), analysis.config.level(of: r.focusScoreWithout)?.rawValue ?? "",
        r.focusSourceWithout.map { graph.entities.id(of: $0) } ?? "", r.focusViaWithout.map { graph.entities.id(of: $0) } ?? "",
      ]
    }
  }

  /// The file's bytes.
  ///
  /// - Parameter attribution: `analysis`'s attribution when the caller already computed it (the
  ///   statement pack shows it in `statement.html` too); computed here otherwise.
  public static func bytes(_ analysis: RiskAnalysis, attribution: ExposureAttribution? = nil) -> [UInt8] {
    var writer = CSVWriter(header: header)
    for row in rows(analysis, attribution ?? ExposureAttribution(analysis: analysis)) { writer.writeRow(row) }
    return Array(writer.text.utf8)
  }
}
