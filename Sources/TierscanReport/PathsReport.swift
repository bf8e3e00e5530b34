import Foundation
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

  /// CSV header of the `csv` format: per exposure, one `rule` row per inherent-risk rule of its
  /// source (the row the rule came from and its evidence), then one `hop` row per hop (the row
  /// the relationship came from). `file`, `line`, `sheet`, `cell` and `pointer` locate the row:
  /// a CSV or XML line, a workbook cell, or a JSON record.
  public static let csvHeader = [
    "entity_id", "category", "score", "level", "source_id", "record", "hop", "from", "to", "type", "reversed",
    "commodity", "basis", "confidence", "transmission", "rule", "rule_score", "evidence", "file", "line", "sheet",
    "cell", "pointer",
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
  ///
  /// - Parameter hopLimit: how many hops each path lists (those nearest the entity; the others
  ///   are counted: `hops_omitted` in JSON, the hop numbers in CSV, a line in Markdown). Paths
  ///   to one `entity` are listed whole.
  public static func render(
    _ analysis: RiskAnalysis, entity: EntityIndex? = nil, category: String? = nil, minLevel: RiskLevel = .low,
    format: Format, hopLimit: PathHopLimit = PathHopLimit()
  ) -> String {
    let exposures = selection(analysis, entity: entity, category: category, minLevel: minLevel)
    let limit = entity == nil ? hopLimit.apply(exposures, in: analysis, output: "`tierscan paths`").listedHops : .max
    switch format {
    case .json: return JSONWriter.string(.array(exposures.map { PathsJSON.object($0, in: analysis, maxHops: limit) }))
    case .csv: return csv(exposures, analysis, maxHops: limit)
    case .md: return markdown(exposures, analysis, maxHops: limit)
    }
  }

  /// The warning `paths-truncated` when ``render(_:entity:category:minLevel:format:hopLimit:)``
  /// with the same arguments lists some path in part.
  public static func truncationFinding(
    _ analysis: RiskAnalysis, entity: EntityIndex? = nil, category: String? = nil, minLevel: RiskLevel = .low,
    hopLimit: PathHopLimit = PathHopLimit()
  ) -> Finding? {
    guard entity == nil else { return nil }
    return hopLimit.apply(selection(analysis, category: category, minLevel: minLevel), in: analysis, output: "`tierscan paths`")
      .finding
  }

  private static func csv(_ exposures: [Exposure], _ analysis: RiskAnalysis, maxHops: Int) -> String {
    let graph = analysis.graph
    var writer = CSVWriter(header: csvHeader)
    func place(_ p: Provenance?) -> [String] {
      [p?.file ?? "", p?.line.map(String.init) ?? "", p?.sheet ?? "", p?.cell ?? "", p?.pointer ?? ""]
    }
    for exposure in exposures {
      let head = [
        graph.entities.id(of: exposure.entity), exposure.category, CSVWriter.score(exposure.score), exposure.level.rawValue,
        graph.entities.id(of: exposure.source),
      ]
      let noHop = Array(repeating: "", count: 9)
      for rule in exposure.rules {
        writer.writeRow(
          head + ["rule"] + noHop + [rule.rule.id, CSVWriter.score(rule.score), evidenceText(rule)] + place(rule.provenance))
      }
      let path = exposure.path(maxHops: maxHops)
      if exposure.rules.isEmpty && path.hops.isEmpty {
        writer.writeRow(head + ["source"] + noHop + ["", "", ""] + place(nil))
      }
      for (i, hop) in path.hops.enumerated() {
        let edge = graph.relationships[Int(hop.edge)]
        writer.writeRow(
          head + [
            "hop", String(path.omittedHops + i + 1), graph.entities.id(of: hop.from), graph.entities.id(of: hop.to), edge.type.rawValue, hop.isReversed ? "true" : "false",
            edge.commodity ?? "", edge.basis.rawValue, CSVWriter.score(analysis.transmission.confidence(Int(hop.edge))),
            CSVWriter.score(hop.transmission), "", "", "",
          ] + place(edge.provenance))
      }
    }
    return writer.text
  }

  /// A rule's evidence as `key=value` pairs joined by `; ` (nulls left out, numbers exact,
  /// nested values as compact JSON).
  public static func evidenceText(_ rule: RuleHit) -> String {
    rule.evidence.compactMap { key, value -> String? in
      switch value {
      case .string(let s): "\(key)=\(s)"
      case .number(let n): "\(key)=\(JSONWriter.formatNumber(n))"
      case .null: nil
      default: "\(key)=\(JSONWriter.string(value, pretty: false))"
      }
    }.joined(separator: "; ")
  }

  /// A score or factor rounded to 3 decimals for reading (`paths --format md`); JSON and CSV
  /// keep the exact value.
  public static func rounded(_ value: Double) -> String { String(format: "%.3f", value) }

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

  private static func markdown(_ exposures: [Exposure], _ analysis: RiskAnalysis, maxHops: Int) -> String {
    let graph = analysis.graph
    var out = "# Risk paths\n\nScores, confidences and transmissions rounded to 3 decimals; `--format json` gives the exact values.\n"
    if exposures.isEmpty { out += "\nNo exposures selected.\n" }
    for exposure in exposures {
      let entity = graph[exposure.entity]
      out += "\n## \(md(entity.id)) — \(md(exposure.category)): \(rounded(exposure.score)) (\(exposure.level.rawValue))\n\n"
      out += "Source: \(md(graph.entities.id(of: exposure.source))) (\(md(graph.entities.name(of: exposure.source)))), \(exposure.hops) hop(s).\n\n"
      out += "Inherent-risk rules of the source:\n\n"
      for rule in exposure.rules {
        let place = rule.provenance?.description ?? "-"
        let evidence = evidenceText(rule)
        out += "- \(md(rule.rule.id)) \(rounded(rule.score)) at \(md(place))"
        out += evidence.isEmpty ? "\n" : ": \(md(evidence))\n"
      }
      let path = exposure.path(maxHops: maxHops)
      if !path.hops.isEmpty {
        if path.omittedHops > 0 {
          out += "\nHops 1–\(path.omittedHops) from the source are not listed (--max-path-hops \(maxHops)).\n"
        }
        out += "\n| # | from | to | type | reversed | commodity | basis | confidence | transmission | source |\n"
        out += "|---|---|---|---|---|---|---|---|---|---|\n"
        for (i, hop) in path.hops.enumerated() {
          let edge = graph.relationships[Int(hop.edge)]
          out += "| \(path.omittedHops + i + 1) | \(md(graph.entities.id(of: hop.from))) | \(md(graph.entities.id(of: hop.to))) | \(edge.type.rawValue) | "
          out += "\(hop.isReversed ? "yes" : "no") | \(md(edge.commodity ?? "")) | \(edge.basis.rawValue) | "
          out += "\(rounded(analysis.transmission.confidence(Int(hop.edge)))) | "
          out += "\(rounded(hop.transmission)) | \(md(edge.provenance.description)) |\n"
        }
      }
    }
    return out
  }
}
