import TierscanCore
import TierscanRisk

/// GraphML (directed, parallel edges kept with ids) with a declared `<key>` for every entity and
/// relationship attribute, free-form attributes included as `attributes.<key>`.
struct GraphMLWriter {
  let graph: SupplyGraph
  let selection: GraphSelection
  let analysis: RiskAnalysis?

  /// The typed scalar keys: attribute name → GraphML type.
  private static let types: [String: String] = [
    "raw_material": "boolean", "share": "double", "confidence": "double", "reporting_year": "int", "line": "int",
    "tier": "int",
  ]

  func render() -> String {
    let entities = selection.entities.map { graph[$0] }
    let relationships = selection.relationships.map { graph.relationships[$0] }
    let nodeFields = (entities.first.map(GraphExport.entityFields) ?? GraphExport.entityFields(Entity(id: "", name: "")))
      .map(\.0) + (analysis.map { _ in GraphExport.riskFields(0, analysis: analysis).map(\.0) } ?? [])
    let edgeFields = GraphExport.relationshipFields(
      Relationship(from: 0, to: 0, type: .supplies, provenance: Provenance(file: ""))
    ).map(\.0)
    let nodeAttributes = GraphExport.attributeKeys(entities.map(\.attributes))
    let edgeAttributes = GraphExport.attributeKeys(relationships.map(\.attributes))
    let nodeKeyIndex = GraphExport.keyIndex(nodeAttributes)
    let edgeKeyIndex = GraphExport.keyIndex(edgeAttributes)

    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    for (i, name) in nodeFields.enumerated() { out += key("n\(i)", for: "node", name: name) }
    for (i, name) in nodeAttributes.enumerated() { out += key("na\(i)", for: "node", name: "attributes." + name) }
    for (i, name) in edgeFields.enumerated() { out += key("e\(i)", for: "edge", name: name) }
    for (i, name) in edgeAttributes.enumerated() { out += key("ea\(i)", for: "edge", name: "attributes." + name) }
    out += "  <graph id=\"supply_chain\" edgedefault=\"directed\">\n"
    for v in selection.entities {
      let entity = graph[v]
      out += "    <node id=\"\(MarkupText.xml(entity.id))\">\n"
      let fields = GraphExport.entityFields(entity) + GraphExport.riskFields(v, analysis: analysis)
      for (i, field) in fields.enumerated() { if let value = field.1 { out += data("n\(i)", value) } }
      for (i, value) in GraphExport.indexedValues(entity.attributes, keyIndex: nodeKeyIndex) { out += data("na\(i)", value) }
      out += "    </node>\n"
    }
    for (n, r) in selection.relationships.enumerated() {
      let edge = graph.relationships[r]
      out += "    <edge id=\"e\(n)\" source=\"\(MarkupText.xml(graph.entities.id(of: edge.from)))\""
      out += " target=\"\(MarkupText.xml(graph.entities.id(of: edge.to)))\">\n"
      for (i, field) in GraphExport.relationshipFields(edge).enumerated() { if let value = field.1 { out += data("e\(i)", value) } }
      for (i, value) in GraphExport.indexedValues(edge.attributes, keyIndex: edgeKeyIndex) { out += data("ea\(i)", value) }
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private func key(_ id: String, for domain: String, name: String) -> String {
    let type = Self.types[name] ?? (name.hasPrefix("score_") ? "double" : "string")
    return "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(MarkupText.xml(name))\" attr.type=\"\(type)\"/>\n"
  }

  private func data(_ key: String, _ value: String) -> String {
    "      <data key=\"\(key)\">\(MarkupText.xml(value))</data>\n"
  }
}
