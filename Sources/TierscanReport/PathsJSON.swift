import TierscanCore
import TierscanRisk

/// `paths.json` (SPEC §4): one object per exposure of an entity with a tier whose level is at
/// least the minimum, in `exposures.csv` order.
public enum PathsJSON {
  /// The exposures `paths.json` lists.
  public static func selection(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> [Exposure] {
    analysis.exposures.filter { analysis.tiers[Int($0.entity)] != nil && $0.level >= minLevel }
  }

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis, minLevel: RiskLevel = .low) -> String {
    JSONWriter.string(.array(selection(analysis, minLevel: minLevel).map { object($0, in: analysis) }))
  }

  /// One exposure as a JSON object: `entity_id`, `category`, `score`, `level`, `source_id`,
  /// `rules`, `hops`.
  public static func object(_ exposure: Exposure, in analysis: RiskAnalysis) -> JSONValue {
    let graph = analysis.graph
    return .object([
      ("entity_id", .string(graph[exposure.entity].id)),
      ("category", .string(exposure.category)),
      ("score", .number(exposure.score)),
      ("level", .string(exposure.level.rawValue)),
      ("source_id", .string(graph[exposure.source].id)),
      ("rules", .array(exposure.rules.map(rule))),
      ("hops", .array(exposure.path.hops.map { hop($0, in: analysis) })),
    ])
  }

  /// A rule: `rule`, `score`, `file`, `line`, then its evidence keys.
  public static func rule(_ rule: RiskRule) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("rule", .string(rule.rule)), ("score", .number(rule.score)),
      ("file", .optional(rule.provenance?.file)), ("line", .optional(rule.provenance?.line)),
    ]
    if let sheet = rule.provenance?.sheet { pairs.append(("sheet", .string(sheet))) }
    if let cell = rule.provenance?.cell { pairs.append(("cell", .string(cell))) }
    pairs.append(contentsOf: rule.evidence)
    return .object(pairs)
  }

  /// A hop, from the source towards the entity; `sheet` and `cell` follow `line` for workbook rows.
  public static func hop(_ hop: PathHop, in analysis: RiskAnalysis) -> JSONValue {
    let graph = analysis.graph
    let edge = graph.relationships[Int(hop.edge)]
    var pairs: [(String, JSONValue)] = [
      ("from", .string(graph[hop.from].id)), ("to", .string(graph[hop.to].id)),
      ("reversed", .bool(hop.isReversed)), ("type", .string(edge.type.rawValue)),
      ("commodity", .optional(edge.commodity)), ("basis", .string(edge.basis.rawValue)),
      ("confidence", .number(analysis.transmission.confidence[Int(hop.edge)])),
      ("transmission", .number(hop.transmission)),
      ("file", .string(edge.provenance.file)), ("line", .optional(edge.provenance.line)),
    ]
    if let sheet = edge.provenance.sheet { pairs.append(("sheet", .string(sheet))) }
    if let cell = edge.provenance.cell { pairs.append(("cell", .string(cell))) }
    return .object(pairs)
  }
}
