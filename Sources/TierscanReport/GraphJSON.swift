import TierscanCore

/// The graph export (`export --format json`, and `graph.json` with `--with-graph`; model §4).
public enum GraphJSON {
  /// The file's text.
  public static func render(_ graph: SupplyGraph, possibleSameAs: [EntityIndex: [String]] = [:]) -> String {
    JSONWriter.string(object(graph, possibleSameAs: possibleSameAs))
  }

  /// `{"entities": […], "relationships": […]}`; entities by id, relationships by from id, to id,
  /// type, file, line (then input order).
  ///
  /// - Complexity: O(V + E log E).
  /// - Parameter possibleSameAs: each entity's possible duplicates (docs/entity-resolution.md §7),
  ///   written as `possible_same_as` on the entities that have any.
  public static func object(_ graph: SupplyGraph, possibleSameAs: [EntityIndex: [String]] = [:]) -> JSONValue {
    let entities: [JSONValue] = graph.entities.indices.map {
      entity(graph.entities[$0], possibleSameAs: possibleSameAs[EntityIndex($0)] ?? [])
    }
    let order = GraphSelection.exportOrder(graph.relationships.indices, in: graph)
    let relationships: [JSONValue] = order.map { relationship(graph.relationships[$0], in: graph) }
    return .object([("entities", .array(entities)), ("relationships", .array(relationships))])
  }

  static func attributes(_ attributes: [Attribute]) -> JSONValue {
    // First value per key, in order; a set keeps 200,000 columns linear (issue #14).
    var pairs: [(String, JSONValue)] = []
    var seen = Set<String>()
    for attribute in attributes where seen.insert(attribute.key).inserted {
      pairs.append((attribute.key, .string(attribute.value)))
    }
    return .object(pairs)
  }

  static func provenance(_ p: Provenance) -> JSONValue {
    var pairs: [(String, JSONValue)] = [("file", .string(p.file)), ("line", .optional(p.line))]
    if let sheet = p.sheet { pairs.append(("sheet", .string(sheet))) }
    if let cell = p.cell { pairs.append(("cell", .string(cell))) }
    if let pointer = p.pointer { pairs.append(("pointer", .string(pointer))) }
    return .object(pairs)
  }

  static func entity(_ e: Entity, possibleSameAs: [String] = []) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("id", .string(e.id)), ("name", .string(e.name)), ("kind", .string(e.kind.rawValue)),
      ("country", .optional(e.country)), ("sector", .optional(e.sector)),
      ("commodities", .array(e.commodities.map { .string($0) })),
      ("identifiers", .object(e.identifiers.schemes.map { ($0.scheme, .string($0.value)) })),
      ("aliases", .array(e.aliases.map { .string($0) })), ("raw_material", .bool(e.rawMaterial)),
      ("attributes", attributes(e.attributes)), ("sources", .array(e.sources.map(provenance))),
    ]
    if !possibleSameAs.isEmpty { pairs.append(("possible_same_as", .array(possibleSameAs.map { .string($0) }))) }
    return .object(pairs)
  }

  static func relationship(_ r: Relationship, in graph: SupplyGraph) -> JSONValue {
    .object([
      ("from", .string(graph.entities.id(of: r.from))), ("to", .string(graph.entities.id(of: r.to))), ("type", .string(r.type.rawValue)),
      ("commodity", .optional(r.commodity)), ("hs_code", .optional(r.hsCode)), ("share", .optional(r.share)),
      ("basis", .string(r.basis.rawValue)), ("confidence", .optional(r.confidence)),
      ("reporting_year", .optional(r.reportingYear)), ("attributes", attributes(r.attributes)),
      ("file", .string(r.provenance.file)), ("line", .optional(r.provenance.line)),
    ])
  }
}
