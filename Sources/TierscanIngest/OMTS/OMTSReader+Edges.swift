import TierscanCore

/// One element of an OMTS file's `edges`, structurally checked (alive while it is turned into records).
struct OMTSEdge {
  var id: String
  var type: String
  var source: String
  var target: String
  var properties: JSONValue
  var operation: String?
  var at: Provenance
}

extension OMTSReader {
  /// Checks the structure of one element of `edges` (L1-GDM-02, -04) and turns it into records
  /// (``resolveEdge(_:)``); every node is known by then.
  mutating func readEdge(_ value: JSONValue, line: Int, index: Int) {
    let at = Provenance(file: path, line: line, pointer: "/edges/\(index)")
    guard value.objectValue != nil else { return reject(.omtsEdge, at, "an edge must be an object") }
    guard let id = value["id"]?.stringValue, !id.isEmpty else {
      return reject(.omtsEdge, at, "edge without a string id (OMTS L1-GDM-02)")
    }
    guard let type = value["type"]?.stringValue, !type.isEmpty else {
      return reject(.omtsEdge, at, "edge '\(id)' has no type")
    }
    guard let source = value["source"]?.stringValue, !source.isEmpty,
      let target = value["target"]?.stringValue, !target.isEmpty
    else { return reject(.omtsEdge, at, "edge '\(id)' needs a source and a target node id") }
    guard OMTSVocabulary.edgeTypes.contains(type) || InterchangeValues.isReverseDomain(type) else {
      return reject(
        .omtsEdge, at,
        "edge type '\(type)' is neither an OMTS edge type nor a reverse-domain extension (OMTS L1-GDM-04)")
    }
    let properties = value["properties"] ?? .object([])
    guard properties.objectValue != nil else { return reject(.omtsEdge, at, "edge '\(id)': properties must be an object") }
    resolveEdge(
      OMTSEdge(
        id: id, type: type, source: source, target: target, properties: properties,
        operation: checkOperation(value["_operation"], at: at), at: at))
  }

  /// Checks an edge against the nodes and turns it into records (definite `same_as` edges are
  /// grouped for the renames at the end of the file).
  private mutating func resolveEdge(_ edge: OMTSEdge) {
    let at = edge.at
    guard edgeIDs.insert(edge.id).inserted else {
      reject(.omtsDuplicateId, at, "edge id '\(edge.id)' given twice (OMTS L1-GDM-02); the later edge is not read")
      return
    }
    let sourceType = nodeTypes[edge.source]
    let targetType = nodeTypes[edge.target]
    let missing = [sourceType == nil ? edge.source : nil, targetType == nil ? edge.target : nil].compactMap { $0 }
    if !missing.isEmpty, !isDelta {
      reject(
        .omtsDanglingEdge, at,
        "edge '\(edge.id)' refers to no node '\(missing.joined(separator: "', '"))' (OMTS L1-GDM-03); not read")
      return
    }
    if let allowed = OMTSVocabulary.endpointTypes[edge.type] {
      let fits = { (type: String?, set: Set<String>) in
        type == nil || type == "boundary_ref" || set.contains(type!) || !OMTSVocabulary.nodeTypes.contains(type!)
      }
      guard fits(sourceType, allowed.source), fits(targetType, allowed.target) else {
        reject(
          .omtsGraphType, at,
          "\(edge.type) edge '\(edge.id)' from a \(sourceType ?? "?") to a \(targetType ?? "?") node; OMTS allows "
            + "\(allowed.source.sorted().joined(separator: "/")) → \(allowed.target.sorted().joined(separator: "/")) (SPEC-001 §9.5)")
        return
      }
    }
    checkEdgeDates(edge)
    summary.recordsAccepted += 1
    if edge.operation == "remove" {
      result.findings.add(
        .info, .omtsDelta, at: at, "edge '\(edge.id)' is removed by this delta; left out (tierscan does not delete)")
      return
    }
    switch edge.type {
    case "supplies", "sells_to", "org.tierscan.supplies": addRelationship(edge, type: .supplies)
    case "subcontracts", "tolls", "org.tierscan.subcontracts": addRelationship(edge, type: .subcontracts)
    case "operates", "org.tierscan.operates": addRelationship(edge, type: .operates)
    case "ownership", "org.tierscan.owns": addOwnership(edge, isBeneficial: false)
    case "beneficial_ownership": addOwnership(edge, isBeneficial: true)
    case "legal_parentage":
      let basis = edge.properties["consolidation_basis"]?.stringValue ?? "unspecified"
      addControlAttribute(on: edge.source, key: "omts.legal_parent.\(edge.target)", value: basis, edge: edge)
    case "operational_control":
      let kind = edge.properties["control_type"]?.stringValue ?? "unspecified"
      addControlAttribute(on: edge.target, key: "omts.operational_control_by.\(edge.source)", value: kind, edge: edge)
    case "attested_by" where rmapAttestations[edge.target] != nil:
      attachRMAPStatus(edge)
    case "same_as":
      let confidence = edge.properties["confidence"]?.stringValue ?? "probable"
      if !OMTSVocabulary.sameAsConfidences.contains(confidence) {
        warning(.omtsEdge, at, "same_as confidence '\(confidence)' is not definite, probable or possible; read as probable")
      }
      if confidence == "definite" {
        sameAs.union(edge.source, edge.target)
      } else {
        let basis = edge.properties["basis"].map(InterchangeValues.text) ?? "no basis given"
        result.findings.add(
          .warning, .omtsSameAsReview, at: at,
          "'\(edge.source)' may be the same as '\(edge.target)' (\(OMTSVocabulary.sameAsConfidences.contains(confidence) ? confidence : "probable"), \(basis)); not merged, review it",
          evidence: [Attribute("source", edge.source), Attribute("target", edge.target), Attribute("confidence", confidence)])
      }
    default:
      countNotImported(edge.type + " edge")
    }
    if edge.type == "supplies", edge.properties["visibility_depth"]?.numberValue == 0 { opaqueEdges += 1 }
  }

  private mutating func checkEdgeDates(_ edge: OMTSEdge) {
    for key in ["valid_from", "valid_to", "effective_date"] {
      guard let field = edge.properties[key], field != .null else { continue }
      if field.stringValue.map(InterchangeValues.isDate) != true {
        error(.omtsDate, edge.at, "edge '\(edge.id)': \(key) \(InterchangeValues.text(field)) is not a YYYY-MM-DD date")
      }
    }
    if let from = edge.properties["valid_from"]?.stringValue, let to = edge.properties["valid_to"]?.stringValue,
      InterchangeValues.isDate(from), InterchangeValues.isDate(to), from > to
    {
      error(.omtsDate, edge.at, "edge '\(edge.id)': valid_from \(from) is after valid_to \(to)")
    }
  }

  /// Edge properties read into record fields (every other property becomes an attribute).
  static let consumedEdgeKeys: Set<String> = ["commodity", "percentage", "direct", "labels", "data_quality"]

  /// A relationship record from an edge: `commodity` (an HS code when it is one), basis from
  /// `data_quality.confidence`, tierscan's own labels, every other property as an attribute.
  private mutating func relationship(_ edge: OMTSEdge, type: RelationshipType) -> RelationshipRecord {
    var record = RelationshipRecord(from: edge.source, to: edge.target, type: type, provenance: edge.at)
    if edge.type != type.omtsName, OMTSVocabulary.tierscanEdgeTypes[edge.type] == nil {
      record.attributes.append(Attribute("omts.type", edge.type))
    }
    if let commodity = edge.properties["commodity"]?.stringValue, !commodity.isEmpty {
      if Self.isHSCode(commodity) { record.hsCode = commodity } else { record.commodity = commodity.lowercased() }
    }
    if let quality = edge.properties["data_quality"]?.objectValue {
      for (key, field) in quality {
        let text = InterchangeValues.text(field)
        switch key {
        case "confidence":
          switch text {
          case "verified": record.basis = .observed
          case "reported": record.basis = .declared
          case "inferred": record.basis = .inferred
          case "estimated":
            record.basis = .inferred
            record.attributes.append(Attribute("omts.confidence", "estimated"))
          default: warning(.omtsEdge, edge.at, "data_quality.confidence '\(text)' is not an OMTS value; ignored")
          }
        case "source": record.attributes.append(Attribute("source", text))
        default: record.attributes.append(Attribute("omts.data_quality.\(key)", text))
        }
      }
    }
    var isValidFromUnknown = false
    var tierLabel: String?
    for (key, text) in labels(edge.properties["labels"], at: edge.at) {
      switch key {
      case "org.tierscan.declared-tier", "org.tierscan.discloser": break  // read by declaredTier(_:type:)
      case "org.tierscan.attr.tier":
        tierLabel = text
        record.attributes.append(Attribute("tier", text))
      case "org.tierscan.provenance": break  // where the exporting run read it; this record cites the .omts pointer
      case "org.tierscan.valid-from-unknown": isValidFromUnknown = true
      case "org.tierscan.confidence":
        if let value = Double(text), value > 0, value <= 1 { record.confidence = value } else {
          warning(.omtsEdge, edge.at, "label org.tierscan.confidence '\(text)' is not in (0, 1]; ignored")
        }
      case "org.tierscan.reporting-year": record.reportingYear = Int(text)
      case "org.tierscan.hs-code": record.hsCode = text
      case "org.tierscan.commodity": record.commodity = text
      case "org.tierscan.basis": record.basis = Basis(rawValue: text) ?? record.basis
      default:
        if key.hasPrefix("org.tierscan.attr.") {
          record.attributes.append(Attribute(String(key.dropFirst("org.tierscan.attr.".count)), text))
        } else {
          record.attributes.append(Attribute("label.\(key)", text))
        }
      }
    }
    for (key, field) in edge.properties.objectValue ?? [] where !Self.consumedEdgeKeys.contains(key) {
      // tierscan's export writes the snapshot date where OMTS requires a valid_from it does not know.
      if isValidFromUnknown, key == "valid_from" { continue }
      // A declared tier's cell as written, when it is not the number's own text, is the label.
      if key == "tier", tierLabel != nil { continue }
      record.attributes.append(Attribute(key, InterchangeValues.text(field)))
    }
    return record
  }

  private mutating func addRelationship(_ edge: OMTSEdge, type: RelationshipType) {
    result.relationships.append(relationship(edge, type: type))
    if type == .supplies || type == .subcontracts { addDeclaredTier(edge) }
  }

  /// `ownership` (organization → organization) and `beneficial_ownership` (person → organization)
  /// as `owns`. A percentage of 0 means "unknown" in OMTS: the edge is kept without a share.
  /// Indirect holdings (`direct: false`) and beneficial control that is not capital or voting
  /// rights never become `owns` edges (the 50 % rule must not count them twice or count control
  /// without equity); they are kept as attributes of the owned entity.
  private mutating func addOwnership(_ edge: OMTSEdge, isBeneficial: Bool) {
    let percentage = edge.properties["percentage"]
    var share: Double?
    if let percentage, percentage != .null {
      guard let value = percentage.numberValue, value >= 0, value <= 100 else {
        error(.omtsEdge, edge.at, "edge '\(edge.id)': percentage \(InterchangeValues.text(percentage)) is not in 0–100")
        return
      }
      share = value > 0 ? value : nil
    }
    let shareText = share.map { InterchangeValues.text(.number($0)) + "%" } ?? "unknown share"
    if edge.properties["direct"]?.boolValue == false {
      addControlAttribute(on: edge.target, key: "omts.indirect_owner.\(edge.source)", value: shareText, edge: edge)
      return
    }
    if isBeneficial {
      let control = edge.properties["control_type"]?.stringValue ?? "unspecified"
      guard control == "capital" || control == "voting_rights" else {
        addControlAttribute(on: edge.target, key: "omts.beneficial_control_by.\(edge.source)", value: control, edge: edge)
        return
      }
    }
    var record = relationship(edge, type: .owns)
    record.share = share
    if share == nil {
      result.findings.add(
        .info, .omtsOwnershipUnknownShare, at: edge.at,
        "ownership edge '\(edge.id)' gives no percentage (0 or absent means unknown in OMTS): kept as an owns edge without a share, which the 50 % rule cannot count")
    }
    result.relationships.append(record)
  }

  /// Control that tierscan does not propagate, kept as an attribute of one endpoint.
  private mutating func addControlAttribute(on id: String, key: String, value: String, edge: OMTSEdge) {
    result.entities.append(EntityRecord(id: id, attributes: [Attribute(key, value)], provenance: edge.at))
    result.findings.add(
      .info, .omtsControlAttribute, at: edge.at,
      "\(edge.type) edge '\(edge.id)' kept as attribute \(key) of '\(id)' (not propagated by the 50 % ownership rule)")
  }

  /// Whether a commodity is an HS code (`7318`, `7318.15`, `731815`).
  static func isHSCode(_ text: String) -> Bool { OMTSVocabulary.isHSCode(text) }
}

extension RelationshipType {
  /// The OMTS edge type of the same meaning.
  var omtsName: String {
    switch self {
    case .supplies: "supplies"
    case .subcontracts: "subcontracts"
    case .owns: "ownership"
    case .operates: "operates"
    }
  }
}

/// Groups of node ids joined by definite `same_as` edges (a small union-find over ids).
struct SameAsGroups {
  private var parent: [String: String] = [:]
  /// Ids in first-seen order.
  private var ids: [String] = []

  private mutating func find(_ id: String) -> String {
    if parent[id] == nil {
      parent[id] = id
      ids.append(id)
    }
    var x = id
    while let p = parent[x], p != x { x = p }
    parent[id] = x
    return x
  }

  mutating func union(_ a: String, _ b: String) {
    let ra = find(a)
    let rb = find(b)
    if ra != rb { parent[rb] = ra }
  }

  /// Every id whose group's first id by `order` (node order in the file) differs from it → that id.
  mutating func renames(order: [String: Int]) -> [String: String] {
    var canonical: [String: String] = [:]
    for id in ids {
      let root = find(id)
      if let current = canonical[root], (order[current] ?? Int.max) <= (order[id] ?? Int.max) { continue }
      canonical[root] = id
    }
    var renames: [String: String] = [:]
    for id in ids {
      let target = canonical[find(id)]!
      if target != id { renames[id] = target }
    }
    return renames
  }
}
