import TierscanCore
import TierscanRisk

/// `tierscan export`: the graph (or a subgraph) as JSON, GraphML or DOT (model §4 "Graph export").
public enum GraphExport {
  /// Export formats.
  public enum Format: String, Sendable, CaseIterable {
    case json, graphml, dot
    /// OMTS 0.1.0 (``OMTSExport``; rendered with its own options).
    case omts
  }

  /// The export text (deterministic).
  ///
  /// - Parameters:
  ///   - analysis: when given (`--focus`), entities also carry their tier and exposure score and
  ///     level per category (GraphML and DOT; the JSON export is the plain `graph.json`).
  ///   - possibleSameAs: possible duplicates per entity (JSON: `possible_same_as`).
  public static func render(
    _ graph: SupplyGraph, format: Format, selection: GraphSelection? = nil, analysis: RiskAnalysis? = nil,
    possibleSameAs: [EntityIndex: [String]] = [:]
  ) -> String {
    let selection = selection ?? GraphSelection(all: graph)
    switch format {
    case .json:
      let value = JSONValue.object([
        ("entities", .array(selection.entities.map { GraphJSON.entity(graph[$0], possibleSameAs: possibleSameAs[$0] ?? []) })),
        ("relationships", .array(selection.relationships.map { GraphJSON.relationship(graph.relationships[$0], in: graph) })),
      ])
      return JSONWriter.string(value)
    case .graphml: return GraphMLWriter(graph: graph, selection: selection, analysis: analysis).render()
    case .dot: return DOTWriter(graph: graph, selection: selection, analysis: analysis).render()
    case .omts:
      // OMTS has options and errors of its own (salt, snapshot date, scope): a caller bug to come here.
      preconditionFailure("render OMTS with OMTSExport.render(_:subgraph:options:analysis:)")
    }
  }

  /// The entity attributes shared by GraphML and DOT, in a fixed order: name/value, `nil` omitted.
  static func entityFields(_ e: Entity) -> [(String, String?)] {
    [
      ("kind", e.kind.rawValue), ("name", e.name), ("country", e.country), ("sector", e.sector),
      ("commodities", e.commodities.isEmpty ? nil : e.commodities.joined(separator: ";")),
      ("lei", e.identifiers.lei), ("duns", e.identifiers.duns), ("vat", e.identifiers.vat), ("cid", e.identifiers.cid),
      ("aliases", e.aliases.isEmpty ? nil : e.aliases.joined(separator: ";")),
      ("raw_material", e.rawMaterial ? "true" : "false"),
    ]
  }

  /// The relationship attributes shared by GraphML and DOT.
  static func relationshipFields(_ r: Relationship) -> [(String, String?)] {
    [
      ("type", r.type.rawValue), ("commodity", r.commodity), ("hs_code", r.hsCode), ("share", r.share?.description),
      ("basis", r.basis.rawValue), ("confidence", r.confidence?.description),
      ("reporting_year", r.reportingYear.map(String.init)), ("file", r.provenance.file),
      ("line", r.provenance.line.map(String.init)), ("sheet", r.provenance.sheet), ("cell", r.provenance.cell),
    ]
  }

  /// Tier and per-category exposure of an entity, when an analysis is given.
  static func riskFields(_ v: EntityIndex, analysis: RiskAnalysis?) -> [(String, String?)] {
    guard let analysis else { return [] }
    var fields: [(String, String?)] = [("tier", analysis.tiers[Int(v)].map(String.init))]
    for category in analysis.config.categories {
      let exposure = analysis.exposure(of: v, in: category)
      fields.append(("score_\(category)", exposure.map { $0.score.description }))
      fields.append(("level_\(category)", exposure?.level.rawValue))
    }
    return fields
  }

  /// Free-form attribute keys used by the selection, sorted by bytes, first value per key.
  static func attributeKeys(_ lists: [[Attribute]]) -> [String] {
    var seen = Set<RawKey>()
    for list in lists { for a in list { seen.insert(RawKey(a.key)) } }
    return seen.map(\.string).sorted { $0.utf8Precedes($1) }
  }

  /// The position of each key of ``attributeKeys(_:)``.
  static func keyIndex(_ keys: [String]) -> [RawKey: Int] {
    var index: [RawKey: Int] = [:]
    for (i, key) in keys.enumerated() { index[RawKey(key)] = i }
    return index
  }

  /// The first value of each key of `attributes`, as (key position, value) in key order.
  ///
  /// - Complexity: O(a log a) for `a` attributes (not O(a × keys): issue #14, 200,000 columns).
  static func indexedValues(_ attributes: [Attribute], keyIndex: [RawKey: Int]) -> [(Int, String)] {
    var first: [Int: String] = [:]
    for attribute in attributes {
      guard let i = keyIndex[RawKey(attribute.key)], first[i] == nil else { continue }
      first[i] = attribute.value
    }
    return first.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  static func value(of key: String, in attributes: [Attribute]) -> String? {
    attributes.first { $0.key.utf8Equals(key) }?.value
  }
}
