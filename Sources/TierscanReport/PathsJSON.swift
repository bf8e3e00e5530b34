import TierscanCore
import TierscanRisk

/// `paths.json` (model §4): one object per exposure of an entity with a tier whose level is at
/// least the minimum, in `exposures.csv` order.
public enum PathsJSON {
  /// The exposures `paths.json` lists.
  ///
  /// Exposures are tested in place and only the selected ones copied: copying every exposure
  /// would retain and release its references millions of times.
  public static func selection(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> [Exposure] {
    let exposures = analysis.exposures
    return exposures.indices.filter { i in
      analysis.tiers[Int(exposures[i].entity)] != nil && exposures[i].level >= minLevel
    }.map { exposures[$0] }
  }

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> String {
    String(decoding: bytes(analysis, minLevel: minLevel), as: UTF8.self)
  }

  /// The file's bytes: the same as `JSONWriter.string(.array(selection.map(object)))`, streamed.
  static func bytes(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> [UInt8] {
    let graph = analysis.graph
    let selected = selection(analysis, minLevel: minLevel)
    let mitigation = AuditMitigation.index(analysis)
    var out = OutputBytes(capacity: selected.count * 400)
    var first = true
    for exposure in selected {
      out.append(first ? "[" : ",")
      first = false
      out.newline(indent: 1)
      out.append("{")
      out.appendKey("entity_id", indent: 2, first: true)
      out.appendJSONString(graph.entities[Int(exposure.entity)].id)
      out.appendKey("category", indent: 2)
      out.appendJSONString(exposure.category)
      out.appendKey("score", indent: 2)
      out.appendJSONNumber(exposure.score)
      out.appendKey("level", indent: 2)
      out.appendJSONString(exposure.level.rawValue)
      out.appendKey("source_id", indent: 2)
      out.appendJSONString(graph.entities[Int(exposure.source)].id)
      out.appendKey("rules", indent: 2)
      if exposure.rules.isEmpty {
        out.append("[]")
      } else {
        out.append("[")
        for (i, r) in exposure.rules.enumerated() {
          if i > 0 { out.append(",") }
          out.newline(indent: 3)
          out.appendJSON(rule(r), indent: 3)
        }
        out.newline(indent: 2)
        out.append("]")
      }
      out.appendKey("hops", indent: 2)
      if exposure.path.hops.isEmpty {
        out.append("[]")
      } else {
        out.append("[")
        for (i, hop) in exposure.path.hops.enumerated() {
          if i > 0 { out.append(",") }
          out.newline(indent: 3)
          appendHop(hop, in: analysis, to: &out)
        }
        out.newline(indent: 2)
        out.append("]")
      }
      if let evidence = mitigation[exposure.entity] {
        out.appendKey("audit_evidence", indent: 2)
        out.appendJSON(evidence, indent: 2)
      }
      out.newline(indent: 1)
      out.append("}")
    }
    if first {
      out.append("[]\n")
    } else {
      out.newline(indent: 0)
      out.append("]\n")
    }
    return out.bytes
  }

  /// ``hop(_:in:)`` written at indent 3.
  private static func appendHop(_ hop: PathHop, in analysis: RiskAnalysis, to out: inout OutputBytes) {
    let graph = analysis.graph
    let edge = graph.relationships[Int(hop.edge)]
    out.append("{")
    out.appendKey("from", indent: 4, first: true)
    out.appendJSONString(graph.entities[Int(hop.from)].id)
    out.appendKey("to", indent: 4)
    out.appendJSONString(graph.entities[Int(hop.to)].id)
    out.appendKey("reversed", indent: 4)
    out.append(hop.isReversed ? "true" : "false")
    out.appendKey("type", indent: 4)
    out.appendJSONString(edge.type.rawValue)
    out.appendKey("commodity", indent: 4)
    if let commodity = edge.commodity { out.appendJSONString(commodity) } else { out.append("null") }
    out.appendKey("basis", indent: 4)
    out.appendJSONString(edge.basis.rawValue)
    out.appendKey("confidence", indent: 4)
    out.appendJSONNumber(analysis.transmission.confidence(Int(hop.edge)))
    out.appendKey("transmission", indent: 4)
    out.appendJSONNumber(hop.transmission)
    out.appendKey("file", indent: 4)
    out.appendJSONString(edge.provenance.file)
    out.appendKey("line", indent: 4)
    if let line = edge.provenance.line { out.appendJSONNumber(Double(line)) } else { out.append("null") }
    if let sheet = edge.provenance.sheet {
      out.appendKey("sheet", indent: 4)
      out.appendJSONString(sheet)
    }
    if let cell = edge.provenance.cell {
      out.appendKey("cell", indent: 4)
      out.appendJSONString(cell)
    }
    if let pointer = edge.provenance.pointer {
      out.appendKey("pointer", indent: 4)
      out.appendJSONString(pointer)
    }
    out.newline(indent: 3)
    out.append("}")
  }

  /// One exposure as a JSON object: `entity_id`, `category`, `score`, `level`, `source_id`,
  /// `rules`, `hops`, and `audit_evidence` when the entity was assessed (``AuditMitigation``).
  public static func object(_ exposure: Exposure, in analysis: RiskAnalysis) -> JSONValue {
    let graph = analysis.graph
    var pairs: [(String, JSONValue)] = [
      ("entity_id", .string(graph[exposure.entity].id)),
      ("category", .string(exposure.category)),
      ("score", .number(exposure.score)),
      ("level", .string(exposure.level.rawValue)),
      ("source_id", .string(graph[exposure.source].id)),
      ("rules", .array(exposure.rules.map(rule))),
      ("hops", .array(exposure.path.hops.map { hop($0, in: analysis) })),
    ]
    if !analysis.audits.assessments.isEmpty, let evidence = AuditMitigation.index(analysis)[exposure.entity] {
      pairs.append(("audit_evidence", evidence))
    }
    return .object(pairs)
  }

  /// A rule: `rule`, `score`, `file`, `line`, then its evidence keys.
  public static func rule(_ rule: RuleHit) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("rule", .string(rule.rule.id)), ("score", .number(rule.score)),
      ("file", .optional(rule.provenance?.file)), ("line", .optional(rule.provenance?.line)),
    ]
    if let sheet = rule.provenance?.sheet { pairs.append(("sheet", .string(sheet))) }
    if let cell = rule.provenance?.cell { pairs.append(("cell", .string(cell))) }
    if let pointer = rule.provenance?.pointer { pairs.append(("pointer", .string(pointer))) }
    pairs.append(contentsOf: rule.evidence)
    return .object(pairs)
  }

  /// A hop, from the source towards the entity; `sheet` and `cell` follow `line` for workbook rows,
  /// `pointer` (a JSON pointer such as `/edges/12`) for JSON interchange records.
  public static func hop(_ hop: PathHop, in analysis: RiskAnalysis) -> JSONValue {
    let graph = analysis.graph
    let edge = graph.relationships[Int(hop.edge)]
    var pairs: [(String, JSONValue)] = [
      ("from", .string(graph[hop.from].id)), ("to", .string(graph[hop.to].id)),
      ("reversed", .bool(hop.isReversed)), ("type", .string(edge.type.rawValue)),
      ("commodity", .optional(edge.commodity)), ("basis", .string(edge.basis.rawValue)),
      ("confidence", .number(analysis.transmission.confidence(Int(hop.edge)))),
      ("transmission", .number(hop.transmission)),
      ("file", .string(edge.provenance.file)), ("line", .optional(edge.provenance.line)),
    ]
    if let sheet = edge.provenance.sheet { pairs.append(("sheet", .string(sheet))) }
    if let cell = edge.provenance.cell { pairs.append(("cell", .string(cell))) }
    if let pointer = edge.provenance.pointer { pairs.append(("pointer", .string(pointer))) }
    return .object(pairs)
  }
}
