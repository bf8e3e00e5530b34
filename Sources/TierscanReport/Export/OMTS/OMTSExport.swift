import TierscanCore
import TierscanIngest
import TierscanRisk

/// `tierscan export --format omts`: the graph as an OMTS 0.1.0 file (JSON), deterministic byte
/// for byte, which tierscan reads back into the same graph (docs/interchange.md "OMTS export").
///
/// Organisations, facilities (smelters and mines as labelled facilities), persons, the four
/// relationship types, identifiers and basis map onto OMTS fields; whatever OMTS has no field
/// for travels in `org.tierscan.*` labels, and relationships whose endpoints OMTS does not allow
/// for the core type (a smelter that supplies a company) use tierscan's extension edge types.
/// With a subgraph, the entities just outside it become redacted `boundary_ref` nodes (OMTS
/// SPEC-004 §4), so the edges into the subgraph stay visible without naming who is behind them.
public struct OMTSExport {
  let graph: SupplyGraph
  let options: OMTSExportOptions
  let analysis: RiskAnalysis?
  /// Exported entities in id order.
  let retained: [EntityIndex]
  /// Entities outside the subgraph next to it, written as boundary references (id order).
  let boundary: [EntityIndex]
  /// Node id of each boundary entity.
  var boundaryIDs: [EntityIndex: String] = [:]
  /// Exported relationships in `graph.json` order.
  let relationships: [Int]
  /// OMTS node type of every written entity.
  var nodeTypes: [EntityIndex: String] = [:]
  let snapshotDate: String
  /// The declared tier written on each exported relationship that has one.
  var declaredTiers: [Int: DeclaredTier] = [:]
  /// RMAP statuses of the written entities with a CID, as attestations.
  let attestations: [OMTSRMAPAttestation]

  /// The file's bytes.
  ///
  /// - Parameters:
  ///   - subgraph: the part to export (`--subgraph ID --depth N`); `nil` exports everything.
  ///   - analysis: when given (`--focus`), entities carry their exposures as labels.
  ///   - evidence: declared tiers and smelter references (risk inputs, not graph data) to carry.
  /// - Throws: ``OMTSExportError`` for a bad salt or date, a missing snapshot date, or boundary
  ///   references without a salt.
  /// - Complexity: O(V + E log E).
  public static func render(
    _ graph: SupplyGraph, subgraph: GraphSelection? = nil, options: OMTSExportOptions, analysis: RiskAnalysis? = nil,
    evidence: OMTSExportEvidence = OMTSExportEvidence()
  ) throws(OMTSExportError) -> [UInt8] {
    if let salt = options.salt, !OMTSExportOptions.isValidSalt(salt) { throw .invalidSalt }
    var export = try OMTSExport(graph: graph, subgraph: subgraph, options: options, analysis: analysis, evidence: evidence)
    if !export.boundary.isEmpty, options.salt == nil { throw .saltNeededForBoundaryReferences(count: export.boundary.count) }
    return export.bytes()
  }

  private init(
    graph: SupplyGraph, subgraph: GraphSelection?, options: OMTSExportOptions, analysis: RiskAnalysis?,
    evidence: OMTSExportEvidence
  ) throws(OMTSExportError) {
    self.graph = graph
    self.options = options
    self.analysis = analysis
    let isPublic = options.scope == .public
    var isRetained = [Bool](repeating: subgraph == nil, count: graph.entityCount)
    for v in subgraph?.entities ?? [] { isRetained[Int(v)] = true }
    if isPublic {
      // OMTS SPEC-004 §5: no person nodes (and so none of their edges) in a public file.
      for i in graph.entities.indices where graph.entities.kind(of: i) == .person { isRetained[i] = false }
    }
    var isBoundary = [Bool](repeating: false, count: graph.entityCount)
    var chosen: [Int] = []
    for i in graph.relationships.indices {
      let from = Int(graph.relationshipFrom[i])
      let to = Int(graph.relationshipTo[i])
      switch (isRetained[from], isRetained[to]) {
      case (true, true): chosen.append(i)
      case (true, false), (false, true):
        guard subgraph != nil else { continue }
        let outside = isRetained[from] ? to : from
        if isPublic, graph.entities.kind(of: outside) == .person { continue }
        isBoundary[outside] = true
        chosen.append(i)
      default: continue
      }
    }
    retained = isRetained.indices.filter { isRetained[$0] }.map { EntityIndex($0) }
    boundary = isBoundary.indices.filter { isBoundary[$0] }.map { EntityIndex($0) }
    relationships = GraphSelection.exportOrder(chosen, in: graph)
    if let date = options.snapshotDate {
      guard InterchangeDate.isDate(date) else { throw .invalidSnapshotDate(date) }
      snapshotDate = date
    } else {
      let year = relationships.compactMap { graph.relationships[$0].reportingYear }.max()
      guard let year, (1...9999).contains(year) else { throw .noSnapshotDate }
      snapshotDate = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year) + "-12-31"
    }
    for v in retained { nodeTypes[v] = Self.nodeType(of: graph[v]) }
    for v in boundary { nodeTypes[v] = "boundary_ref" }
    // A declared tier belongs to the edge its row gave (the same provenance).
    if !evidence.declaredTiers.isEmpty {
      var byRow: [Provenance: DeclaredTier] = [:]
      for declared in evidence.declaredTiers where byRow[declared.provenance] == nil { byRow[declared.provenance] = declared }
      for i in relationships {
        if let declared = byRow[graph.relationships[i].provenance] { declaredTiers[i] = declared }
      }
    }
    let types = nodeTypes
    attestations = Self.rmapAttestations(
      graph: graph, retained: retained.filter { types[$0] == "organization" || types[$0] == "facility" },
      references: evidence.smelterReferences)
  }

  /// OMTS node type of an entity (an imported, still redacted boundary reference stays one).
  static func nodeType(of entity: Entity) -> String {
    if GraphExport.value(of: "omts.redacted", in: entity.attributes) == "true",
      GraphExport.value(of: "omts.identifier.opaque", in: entity.attributes) != nil
    {
      return "boundary_ref"
    }
    switch entity.kind {
    case .company: return "organization"
    case .facility, .smelter, .mine: return "facility"
    case .person: return "person"
    }
  }

  /// The node id an entity is written under.
  func nodeID(_ v: EntityIndex) -> String { boundaryIDs[v] ?? graph.entities.id(of: v) }

  /// The file: the header (its `file_salt` written last, over a placeholder, when it is the
  /// body's digest), then the nodes and edges, built in one buffer.
  private mutating func bytes() -> [UInt8] {
    let placeholder = String(repeating: "0", count: 64)
    var header: [(String, JSONValue)] = [
      ("omts_version", .string(OMTSVocabulary.exportVersion)), ("snapshot_date", .string(snapshotDate)),
      ("file_salt", .string(options.salt ?? placeholder)), ("disclosure_scope", .string(options.scope.rawValue)),
    ]
    if let focus = options.reportingEntity, nodeTypes[focus] == "organization" {
      header.append(("reporting_entity", .string(nodeID(focus))))
    }
    var out: [UInt8] = []
    out.reserveCapacity(1024 + graph.entityCount * 300 + relationships.count * 400)
    append("{", to: &out)
    var saltOffset = 0
    for (key, value) in header {
      append("\n  ", to: &out)
      JSONWriter.writeString(key, into: &out)
      append(": ", to: &out)
      if key == "file_salt" { saltOffset = out.count + 1 }  // after the opening quote
      JSONWriter.write(value, indent: 1, into: &out)
      append(",", to: &out)
    }
    append("\n", to: &out)
    let bodyStart = out.count
    append("  \"nodes\": [", to: &out)
    var isFirst = true
    func element(_ value: JSONValue, into out: inout [UInt8]) {
      append(isFirst ? "\n    " : ",\n    ", to: &out)
      isFirst = false
      JSONWriter.write(value, indent: 2, into: &out)
    }
    var ordinal = 0
    var boundaryNodes: [(id: String, value: JSONValue)] = []
    for v in boundary {
      let node = boundaryNode(v, ordinal: &ordinal)
      boundaryIDs[v] = node.id
      boundaryNodes.append(node)
    }
    // Nodes in id order (boundary references by their hashed id after the others).
    for v in retained { element(node(v), into: &out) }
    for node in boundaryNodes.sorted(by: { $0.id.utf8Precedes($1.id) }) { element(node.value, into: &out) }
    for attestation in attestations { element(attestationNode(attestation), into: &out) }
    append(isFirst ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": [", to: &out)
    isFirst = true
    for (n, i) in relationships.enumerated() { element(edge(i, number: n + 1), into: &out) }
    for (k, attestation) in attestations.enumerated() {
      element(attestationEdge(attestation, number: relationships.count + k + 1), into: &out)
    }
    append(isFirst ? "]\n}\n" : "\n  ]\n}\n", to: &out)
    if options.salt == nil {
      let salt = SHA256.hexDigest(of: out[bodyStart...])
      out.replaceSubrange(saltOffset..<(saltOffset + 64), with: salt.utf8)
    }
    return out
  }

  func append(_ text: String, to out: inout [UInt8]) { out.append(contentsOf: text.utf8) }
}


/// `YYYY-MM-DD` checks for the export's options.
enum InterchangeDate {
  static func isDate(_ text: String) -> Bool { ISODate(text) != nil && text.utf8.count == 10 }
}
