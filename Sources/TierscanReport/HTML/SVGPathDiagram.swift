import Foundation
import TierscanCore
import TierscanRisk

/// A flagged path drawn left to right as inline SVG: risk source → … → the exposed entity, one
/// box per entity (name, id, country) and one arrow per hop labelled with type, commodity and basis.
public enum SVGPathDiagram {
  static let boxWidth = 160
  static let boxHeight = 48
  static let gap = 110
  static let margin = 8

  /// The `<svg>` element for `exposure`'s path.
  public static func render(_ exposure: Exposure, in analysis: RiskAnalysis) -> String {
    let graph = analysis.graph
    var nodes = [exposure.source]
    for hop in exposure.path.hops { nodes.append(hop.to) }
    let width = margin * 2 + nodes.count * boxWidth + (nodes.count - 1) * gap
    let height = margin * 2 + boxHeight + 8
    let title = "\(graph.entities.id(of: exposure.source)) to \(graph.entities.id(of: exposure.entity)), \(exposure.category)"
    var svg = "<svg class=\"path\" viewBox=\"0 0 \(width) \(height)\""
    svg += " width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(MarkupText.html(title))\">\n"
    for (i, v) in nodes.enumerated() {
      let x = margin + i * (boxWidth + gap)
      let entity = graph[v]
      let fill = i == 0 ? "#fde2e1" : (v == analysis.focus ? "#dbe8fb" : "#f4f4f4")
      svg += "<rect x=\"\(x)\" y=\"\(margin)\" width=\"\(boxWidth)\" height=\"\(boxHeight)\" rx=\"5\" fill=\"\(fill)\" stroke=\"#555\"/>\n"
      svg += text(x + boxWidth / 2, margin + 18, MarkupText.truncated(entity.name, 24), weight: "bold")
      let tier = analysis.tiers[Int(v)].map { " · tier \($0)" } ?? ""
      svg += text(x + boxWidth / 2, margin + 36, MarkupText.truncated(entity.id + (entity.country.map { " · \($0)" } ?? "") + tier, 28))
    }
    for (i, hop) in exposure.path.hops.enumerated() {
      let edge = graph.relationships[Int(hop.edge)]
      let x1 = margin + i * (boxWidth + gap) + boxWidth
      let x2 = x1 + gap
      let y = margin + boxHeight / 2
      svg += "<line x1=\"\(x1)\" y1=\"\(y)\" x2=\"\(x2 - 6)\" y2=\"\(y)\" stroke=\"#333\" stroke-width=\"1.5\"/>\n"
      svg += "<polygon points=\"\(x2),\(y) \(x2 - 8),\(y - 4) \(x2 - 8),\(y + 4)\" fill=\"#333\"/>\n"
      let type = edge.type.rawValue + (hop.isReversed ? " (rev.)" : "")
      svg += text(x1 + gap / 2, y - 8, type, size: 9)
      svg += text(x1 + gap / 2, y + 14, MarkupText.truncated(edge.commodity ?? "", 18), size: 9)
      svg += text(x1 + gap / 2, y + 25, edge.basis.rawValue + " " + String(format: "×%.3f", hop.transmission), size: 8)
    }
    return svg + "</svg>\n"
  }

  static func text(_ x: Int, _ y: Int, _ value: String, size: Int = 11, weight: String = "normal") -> String {
    "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" text-anchor=\"middle\">\(MarkupText.html(value))</text>\n"
  }
}
