/// Coverage per tier as an inline SVG bar chart: one horizontal bar per tier ≥ 1, split into
/// suppliers that disclosed sub-tiers, unmapped suppliers (gaps) and the rest (smelters, mines,
/// raw-material producers: no sub-tiers expected).
public enum SVGCoverageChart {
  /// One bar's figures.
  public struct Bar: Sendable, Hashable {
    public var tier: Int
    public var entities: Int
    public var disclosed: Int
    public var unmapped: Int

    /// Creates a bar.
    public init(tier: Int, entities: Int, disclosed: Int, unmapped: Int) {
      self.tier = tier
      self.entities = entities
      self.disclosed = disclosed
      self.unmapped = unmapped
    }
  }

  /// The `<svg>` element.
  public static func render(_ bars: [Bar]) -> String {
    let label = 70
    let plot = 560
    let row = 28
    let height = 40 + bars.count * row
    let most = max(bars.map(\.entities).max() ?? 1, 1)
    var svg = "<svg class=\"coverage\" viewBox=\"0 0 \(label + plot + 260) \(height)\""
    svg += " width=\"\(label + plot + 260)\" height=\"\(height)\" role=\"img\" aria-label=\"coverage per tier\">\n"
    for (i, bar) in bars.enumerated() {
      let y = 10 + i * row
      var x = label
      svg += "<text x=\"\(label - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">tier \(bar.tier)</text>\n"
      let other = max(bar.entities - bar.disclosed - bar.unmapped, 0)
      for (count, color) in [(bar.disclosed, "#4c8c4a"), (bar.unmapped, "#d9534f"), (other, "#9aa5b1")] where count > 0 {
        let w = count * plot / most
        svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"20\" fill=\"\(color)\"/>\n"
        x += w
      }
      svg += "<text x=\"\(x + 6)\" y=\"\(y + 15)\" font-size=\"11\">\(bar.entities) (\(bar.disclosed) disclosed, \(bar.unmapped) unmapped)</text>\n"
    }
    let y = 16 + bars.count * row
    var x = label
    for (name, color) in [("disclosed sub-tiers", "#4c8c4a"), ("unmapped (gap)", "#d9534f"), ("smelter/mine/raw material", "#9aa5b1")] {
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
      svg += "<text x=\"\(x + 14)\" y=\"\(y + 9)\" font-size=\"10\">\(name)</text>\n"
      x += 170
    }
    return svg + "</svg>\n"
  }
}
