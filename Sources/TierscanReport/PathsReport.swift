import TierscanCore
import TierscanRisk

/// The `paths` command's output: the explanation paths of selected exposures as JSON (the
/// `paths.json` objects), CSV (one row per hop) or Markdown.
public enum PathsReport {
  /// Output formats.
  public enum Format: String, Sendable, CaseIterable {
    case json
    case csv
    case md
  }

  /// CSV header of the `csv` format.
  public static let csvHeader = [
    "entity_id", "category", "score", "level", "source_id", "hop", "from", "to", "type", "reversed", "commodity",
    "basis", "confidence", "transmission", "file", "line",
  ]

  /// The exposures selected: of `entity` when given (with or without a tier), else of every
  /// entity with a tier; only `category` when given; only levels ≥ `minLevel`. Exposures order.
  public static func selection(
    _ analysis: RiskAnalysis, entity: EntityIndex? = nil, category: String? = nil, minLevel: RiskLevel = .low
  ) -> [Exposure] {
    let candidates = entity.map { Array(analysis.exposures(of: $0)) } ?? PathsJSON.selection(analysis)
    return candidates.filter { exposure in
      exposure.level >= minLevel && (category.map { exposure.category.utf8Equals($0) } ?? true)
    }
  }

  /// Renders the selected exposures.
  public static func render(
    _ analysis: RiskAnalysis, entity: EntityIndex? = nil, category: String? = nil, minLevel: RiskLevel = .low,
    format: Format
  ) -> String {
    let exposures = selection(analysis, entity: entity, category: category, minLevel: minLevel)
    switch format {
    case .json: return JSONWriter.string(.array(exposures.map { PathsJSON.object($0, in: analysis) }))
    case .csv: return csv(exposures, analysis)
    case .md: return markdown(exposures, analysis)
    }
  }

  private static func csv(_ exposures: [Exposure], _ analysis: RiskAnalysis) -> String {
    let graph = analysis.graph
    var writer = CSVWriter(header: csvHeader)
    for exposure in exposures {
      let head = [
        graph[exposure.entity].id, exposure.category, CSVWriter.score(exposure.score), exposure.level.rawValue,
        graph[exposure.source].id,
      ]
      if exposure.path.hops.isEmpty {
        writer.writeRow(head + ["0"] + Array(repeating: "", count: 10))
      }
      for (i, hop) in exposure.path.hops.enumerated() {
        let edge = graph.relationships[Int(hop.edge)]
        writer.writeRow(
          head + [
            String(i + 1), graph[hop.from].id, graph[hop.to].id, edge.type.rawValue, hop.isReversed ? "true" : "false",
            edge.commodity ?? "", edge.basis.rawValue, CSVWriter.score(analysis.transmission.confidence(Int(hop.edge))),
            CSVWriter.score(hop.transmission), edge.provenance.file, edge.provenance.line.map(String.init) ?? "",
          ])
      }
    }
    return writer.text
  }

  /// Escapes Markdown table-cell text.
  static func md(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "|", "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\" + String(scalar)
      case "\n", "\r": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func markdown(_ exposures: [Exposure], _ analysis: RiskAnalysis) -> String {
    let graph = analysis.graph
    var out = "# Risk paths\n"
    if exposures.isEmpty { out += "\nNo exposures selected.\n" }
    for exposure in exposures {
      let entity = graph[exposure.entity]
      out += "\n## \(md(entity.id)) — \(md(exposure.category)): \(CSVWriter.score(exposure.score)) (\(exposure.level.rawValue))\n\n"
      out += "Source: \(md(graph[exposure.source].id)) (\(md(graph[exposure.source].name))), \(exposure.hops) hop(s).\n\n"
      out += "Inherent-risk rules of the source:\n\n"
      for rule in exposure.rules {
        let place = rule.provenance.map { "\($0.file)" + ($0.line.map { ":\($0)" } ?? "") } ?? "-"
        let evidence = rule.evidence.compactMap { key, value -> String? in
          switch value {
          case .string(let s): "\(key)=\(s)"
          case .number(let n): "\(key)=\(JSONWriter.formatNumber(n))"
          case .null: nil
          default: "\(key)=\(JSONWriter.string(value, pretty: false))"
          }
        }
        out += "- \(md(rule.rule.id)) \(CSVWriter.score(rule.score)) at \(md(place))"
        out += evidence.isEmpty ? "\n" : ": \(md(evidence.joined(separator: "; ")))\n"
      }
      if !exposure.path.hops.isEmpty {
        out += "\n| # | from | to | type | reversed | commodity | basis | confidence | transmission | source |\n"
        out += "|---|---|---|---|---|---|---|---|---|---|\n"
        for (i, hop) in exposure.path.hops.enumerated() {
          let edge = graph.relationships[Int(hop.edge)]
          let place = edge.provenance.file + (edge.provenance.line.map { ":\($0)" } ?? "")
          out += "| \(i + 1) | \(md(graph[hop.from].id)) | \(md(graph[hop.to].id)) | \(edge.type.rawValue) | "
          out += "\(hop.isReversed ? "yes" : "no") | \(md(edge.commodity ?? "")) | \(edge.basis.rawValue) | "
          out += "\(CSVWriter.score(analysis.transmission.confidence(Int(hop.edge)))) | "
          out += "\(CSVWriter.score(hop.transmission)) | \(md(place)) |\n"
        }
      }
    }
    return out
  }
}
