import TierscanCore
import TierscanRisk

/// Graphviz DOT: a `digraph` laid out left to right, every id, attribute name and value a quoted
/// string, with the same attributes as GraphML (free-form ones as `attributes.<key>`).
struct DOTWriter {
  let graph: SupplyGraph
  let selection: GraphSelection
  let analysis: RiskAnalysis?

  func render() -> String {
    var out = "digraph \"supply_chain\" {\n  graph [rankdir=\"LR\"];\n  node [shape=\"box\", fontsize=\"10\"];\n"
    out += "  edge [fontsize=\"8\"];\n"
    for v in selection.entities {
      let entity = graph[v]
      var fields: [(String, String?)] = [("label", "\(entity.name)\n\(entity.id)")]
      fields += GraphExport.entityFields(entity) + GraphExport.riskFields(v, analysis: analysis)
      fields += entity.attributes.map { ("attributes." + $0.key, $0.value) }
      out += "  \(Self.quote(entity.id)) [\(Self.list(fields))];\n"
    }
    for r in selection.relationships {
      let edge = graph.relationships[r]
      var fields: [(String, String?)] = [("label", edge.type.rawValue + (edge.commodity.map { "\n" + $0 } ?? ""))]
      fields += GraphExport.relationshipFields(edge) + edge.attributes.map { ("attributes." + $0.key, $0.value) }
      out += "  \(Self.quote(graph.entities.id(of: edge.from))) -> \(Self.quote(graph.entities.id(of: edge.to))) [\(Self.list(fields))];\n"
    }
    return out + "}\n"
  }

  private static func list(_ fields: [(String, String?)]) -> String {
    var seen = Set<RawKey>()
    return fields.compactMap { field -> String? in
      guard let value = field.1, seen.insert(RawKey(field.0)).inserted else { return nil }
      return "\(quote(field.0))=\(quote(value))"
    }.joined(separator: ", ")
  }

  /// A DOT quoted string: `"` and `\` escaped, line breaks as `\n`, other C0 controls dropped.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": break
      default: if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }
}
