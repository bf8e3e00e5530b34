import TierscanRisk

/// Unassessed entities per category as an inline SVG bar chart: one bar per category, the full
/// width being the chain's entities, split into assessed entities and unassessed ones by reason.
public enum SVGUnassessedChart {
  /// Colours per reason, in ``UnassessedReason/allCases`` order.
  static let colours = ["#6f42c1", "#9aa5b1", "#d9534f", "#e67e22", "#c7a008", "#17a2b8", "#5b7fa6"]
  static let assessedColour = "#4c8c4a"

  /// The `<svg>` element.
  public static func render(_ categories: [Unassessed.Category]) -> String {
    let label = 140
    let plot = 520
    let row = 28
    let legendRows = (UnassessedReason.allCases.count + 1 + 2) / 3
    let height = 20 + categories.count * row + legendRows * 16
    let width = label + plot + 240
    var svg = "<svg class=\"unassessed\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
    svg += " role=\"img\" aria-label=\"unassessed entities per category\">\n"
    for (i, c) in categories.enumerated() {
      let y = 6 + i * row
      svg += "<text x=\"\(label - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">\(MarkupText.html(c.name))</text>\n"
      var x = label
      let total = max(c.entities, 1)
      let segments = [(c.entities - c.total, assessedColour)]
        + zip(UnassessedReason.allCases, c.counts).enumerated().map { ($0.element.1, colours[$0.offset % colours.count]) }
      for (count, colour) in segments where count > 0 {
        let w = max(count * plot / total, 1)
        svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"20\" fill=\"\(colour)\"/>\n"
        x += w
      }
      svg += "<text x=\"\(label + plot + 8)\" y=\"\(y + 15)\" font-size=\"11\">\(c.total) of \(c.entities) unassessed (\(Int(c.percent.rounded()))%)</text>\n"
    }
    let legend = [("assessed", assessedColour)]
      + UnassessedReason.allCases.enumerated().map { ($0.element.rawValue, colours[$0.offset % colours.count]) }
    for (i, (name, colour)) in legend.enumerated() {
      let x = label + (i % 3) * 200
      let y = 12 + categories.count * row + (i / 3) * 16
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
      svg += "<text x=\"\(x + 14)\" y=\"\(y + 9)\" font-size=\"10\">\(name)</text>\n"
    }
    return svg + "</svg>\n"
  }
}
