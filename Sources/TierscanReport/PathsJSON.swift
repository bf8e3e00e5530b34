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
    selectedIndices(analysis, minLevel: minLevel).map { analysis.exposures[$0] }
  }

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> String {
    String(decoding: bytes(analysis, minLevel: minLevel), as: UTF8.self)
  }

  /// The file's bytes: the same as `JSONWriter.string(.array(selection.map(object)))`, streamed.
  static func bytes(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low, maxHops: Int = .max) -> [UInt8] {
    let selected = selectedIndices(analysis, minLevel: minLevel)
    return part(
      analysis, selected: selected[...], closesFile: true, mitigation: AuditMitigation.index(analysis), maxHops: maxHops)
  }

  /// Indices into `analysis.exposures` of the exposures the file lists (``selection(_:minLevel:)``
  /// without copying them).
  static func selectedIndices(_ analysis: RiskAnalysis, minLevel: RiskLevel) -> [Int] {
    let exposures = analysis.exposures
    return exposures.indices.filter { i in
      analysis.tiers[Int(exposures[i].entity)] != nil && exposures[i].level >= minLevel
    }
  }

  /// The bytes of the file's objects for `selected` (a contiguous slice of the file's
  /// ``selectedIndices(_:minLevel:)``): the object at position 0 opens the array, and the part
  /// that `closesFile` (the last slice) closes it, so that the parts of consecutive slices,
  /// concatenated, are ``bytes(_:minLevel:)`` — rendered concurrently by the scan writer.
  ///
  /// Each stored rule list's `rules` array is rendered once per part and copied for the other
  /// exposures whose sources share it (a source explains many exposures, and the entities of a
  /// country row share a handful of lists: ``Exposure/rulesIndex``).
  static func part(
    _ analysis: RiskAnalysis, selected: ArraySlice<Int>, closesFile: Bool, mitigation: [EntityIndex: JSONValue],
    maxHops: Int = .max
  ) -> [UInt8] {
    let graph = analysis.graph
    let exposures = analysis.exposures
    var out = OutputBytes(capacity: selected.count * 400)
    var renderedRules: [Int: [UInt8]] = [:]
    let ids = graph.entities.ids
    let ahead = ExposuresCSV.prefetchRows
    for position in selected.indices {
      // `source_id` is read at random from the id column, so it is asked for ahead (as in
      // ExposuresCSV).
      if position &+ ahead < selected.endIndex { ids.prefetchOffset(Int(exposures[selected[position &+ ahead]].source)) }
      if position &+ ahead / 2 < selected.endIndex { ids.prefetchBytes(Int(exposures[selected[position &+ ahead / 2]].source)) }
      let exposure = exposures[selected[position]]
      out.append(position == 0 ? "[" : ",")
      out.newline(indent: 1)
      out.append("{")
      out.appendKey("entity_id", indent: 2, first: true)
      out.appendJSONString(graph.entities.ids, Int(exposure.entity))
      out.appendKey("category", indent: 2)
      out.appendJSONString(exposure.category)
      out.appendKey("score", indent: 2)
      out.appendJSONNumber(exposure.score)
      out.appendKey("level", indent: 2)
      out.appendJSONString(exposure.level.rawValue)
      out.appendKey("source_id", indent: 2)
      out.appendJSONString(graph.entities.ids, Int(exposure.source))
      out.appendKey("rules", indent: 2)
      let key = exposure.rulesIndex
      if let known = renderedRules[key] {
        out.append(bytes: known)
      } else {
        var rules = OutputBytes(capacity: 256)
        appendRules(exposure.rules, to: &rules)
        out.append(contentsOf: rules)
        renderedRules[key] = rules.bytes
      }
      let path = exposure.path(maxHops: maxHops)
      if path.omittedHops > 0 {
        out.appendKey("hops_omitted", indent: 2)
        out.appendJSONNumber(Double(path.omittedHops))
      }
      out.appendKey("hops", indent: 2)
      let hops = path.hops
      if hops.isEmpty {
        out.append("[]")
      } else {
        out.append("[")
        for (i, hop) in hops.enumerated() {
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
    if closesFile {
      if selected.endIndex == 0 {
        out.append("[]\n")
      } else {
        out.newline(indent: 0)
        out.append("]\n")
      }
    }
    return out.bytes
  }

  /// An exposure's `rules` array at indent 2 (its elements at indent 3).
  private static func appendRules(_ rules: [RuleHit], to out: inout OutputBytes) {
    if rules.isEmpty {
      out.append("[]")
      return
    }
    out.append("[")
    for (i, r) in rules.enumerated() {
      if i > 0 { out.append(",") }
      out.newline(indent: 3)
      out.appendJSON(rule(r), indent: 3)
    }
    out.newline(indent: 2)
    out.append("]")
  }

  /// ``hop(_:in:)`` written at indent 3, read from the relationship columns in place (the
  /// values ``RelationshipColumns/values(_:)`` gives, without materialising a ``Relationship``:
  /// no provenance, commodity or pointer `String` built per hop).
  private static func appendHop(_ hop: PathHop, in analysis: RiskAnalysis, to out: inout OutputBytes) {
    let graph = analysis.graph
    let table = graph.relationships
    let r = Int(hop.edge)
    out.append("{")
    out.appendKey("from", indent: 4, first: true)
    out.appendJSONString(graph.entities.ids, Int(hop.from))
    out.appendKey("to", indent: 4)
    out.appendJSONString(graph.entities.ids, Int(hop.to))
    out.appendKey("reversed", indent: 4)
    out.append(hop.isReversed ? "true" : "false")
    out.appendKey("type", indent: 4)
    out.appendJSONString(table.columns.type[r].rawValue)
    out.appendKey("commodity", indent: 4)
    let commodity = table.columns.commodity[r]
    if commodity >= 0 { out.appendJSONString(table.columns.strings[Int(commodity)]) } else { out.append("null") }
    out.appendKey("basis", indent: 4)
    out.appendJSONString(table.basis[r].rawValue)
    out.appendKey("confidence", indent: 4)
    out.appendJSONNumber(analysis.transmission.confidence(r))
    out.appendKey("transmission", indent: 4)
    out.appendJSONNumber(hop.transmission)
    out.appendKey("file", indent: 4)
    out.appendJSONString(table.columns.fileName(r))
    // A row with a side-table entry takes its line, sheet, cell and (non-index) pointer from it.
    let extra = table.columns.extraRows.isEmpty ? nil : table.columns.extra(r)
    let line = extra == nil ? Int(table.columns.line[r]) : extra!.line
    out.appendKey("line", indent: 4)
    if let line { out.appendJSONNumber(integer: line) } else { out.append("null") }
    if let sheet = extra?.sheet {
      out.appendKey("sheet", indent: 4)
      out.appendJSONString(sheet)
    }
    if let cell = extra?.cell {
      out.appendKey("cell", indent: 4)
      out.appendJSONString(cell)
    }
    if let pointer = extra?.pointer {
      out.appendKey("pointer", indent: 4)
      out.appendJSONString(pointer)
    } else if let (prefix, index) = table.columns.runPointerParts(r) {
      out.appendKey("pointer", indent: 4)
      out.appendJSONString(table.columns.pointerPrefixes[prefix], followedBy: index)
    }
    out.newline(indent: 3)
    out.append("}")
  }

  /// One exposure as a JSON object: `entity_id`, `category`, `score`, `level`, `source_id`,
  /// `rules`, `hops_omitted` when the path has more than `maxHops` hops, `hops` (at most the
  /// `maxHops` nearest the entity), and `audit_evidence` when the entity was assessed
  /// (``AuditMitigation``).
  public static func object(_ exposure: Exposure, in analysis: RiskAnalysis, maxHops: Int = .max) -> JSONValue {
    let graph = analysis.graph
    let path = exposure.path(maxHops: maxHops)
    var pairs: [(String, JSONValue)] = [
      ("entity_id", .string(graph.entities.id(of: exposure.entity))),
      ("category", .string(exposure.category)),
      ("score", .number(exposure.score)),
      ("level", .string(exposure.level.rawValue)),
      ("source_id", .string(graph.entities.id(of: exposure.source))),
      ("rules", .array(exposure.rules.map(rule))),
    ]
    if path.omittedHops > 0 { pairs.append(("hops_omitted", .number(Double(path.omittedHops)))) }
    pairs.append(("hops", .array(path.hops.map { hop($0, in: analysis) })))
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
      ("from", .string(graph.entities.id(of: hop.from))), ("to", .string(graph.entities.id(of: hop.to))),
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
