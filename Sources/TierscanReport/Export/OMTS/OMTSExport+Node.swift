import TierscanCore
import TierscanIngest

extension OMTSExport {
  /// Node fields tierscan writes itself; an `omts.<field>` attribute of one of these names is
  /// written as a tierscan label instead.
  static let structuralNodeKeys: Set<String> = [
    "id", "type", "name", "identifiers", "labels", "data_quality", "jurisdiction", "_operation", "_conflicts",
  ]

  /// One `nodes` element for a written entity.
  func node(_ v: EntityIndex) -> JSONValue {
    let entity = graph[v]
    let type = nodeTypes[v]!
    let isPublic = options.scope == .public
    var pairs: [(String, JSONValue)] = [("id", .string(entity.id)), ("type", .string(type)), ("name", .string(entity.name))]
    if let country = entity.country, type != "boundary_ref" { pairs.append(("jurisdiction", .string(country))) }
    var identifiers: [JSONValue] = []
    var labels: [JSONValue] = []
    var quality: [(String, JSONValue)] = []
    var fields: [(String, JSONValue)] = []
    func label(_ key: String, _ value: String?) {
      labels.append(.object([("key", .string(key))] + (value.map { [("value", .string($0))] } ?? [])))
    }
    func identifier(_ scheme: String, _ value: String, authority: String? = nil, sensitivity: String? = nil) {
      let isPerson = entity.kind == .person
      let effective = sensitivity ?? (isPerson ? "confidential" : OMTSVocabulary.defaultSensitivity(of: scheme))
      guard Self.isDisclosed(effective, in: options.scope) else { return }
      var record: [(String, JSONValue)] = [("scheme", .string(scheme)), ("value", .string(value))]
      if let authority { record.append(("authority", .string(authority))) }
      if let sensitivity { record.append(("sensitivity", .string(sensitivity))) }
      identifiers.append(.object(record))
    }
    if type == "boundary_ref" {
      // An imported boundary reference: written back as one, with its opaque identifier.
      identifiers.append(
        .object([
          ("scheme", .string("opaque")),
          ("value", .string(GraphExport.value(of: "omts.identifier.opaque", in: entity.attributes) ?? "")),
        ]))
    }
    if let lei = entity.identifiers.lei { identifier("lei", lei) }
    if let duns = entity.identifiers.duns { identifier("duns", duns) }
    if let vat = entity.identifiers.vat {
      // OMTS's vat needs its authority (the country); without a country it travels as a label.
      if let country = entity.country { identifier("vat", vat, authority: country) } else if !isPublic {
        label("org.tierscan.vat", vat)
      }
    }
    if let cid = entity.identifiers.cid {
      // Public: RMI publishes every CID (tierscan's reader would otherwise treat an extension scheme as restricted).
      identifier(OMTSVocabulary.cidScheme, cid, sensitivity: entity.kind == .person ? nil : "public")
    }
    if entity.kind == .smelter { label("conflict-minerals-smelter", nil) }
    if entity.kind == .mine { label("org.tierscan.kind", "mine") }
    // The reader takes a facility with a CID for a smelter: say so when it is not one.
    if entity.kind == .facility, entity.identifiers.cid != nil { label("org.tierscan.kind", "facility") }
    if let sector = entity.sector { label("org.tierscan.sector", sector) }
    for commodity in entity.commodities { label("org.tierscan.commodity", commodity) }
    for alias in entity.aliases { label("org.tierscan.alias", alias) }
    if entity.rawMaterial { label("org.tierscan.raw-material", "true") }
    for attribute in entity.attributes {
      let (key, value) = (attribute.key, attribute.value)
      if type == "boundary_ref", key == "omts.redacted" || key == "omts.identifier.opaque" { continue }
      if key.hasPrefix("label.") {
        let original = String(key.dropFirst("label.".count))
        label(original, value == "true" ? nil : value)
      } else if key.hasPrefix("omts.identifier.") {
        let scheme = String(key.dropFirst("omts.identifier.".count))
        if OMTSVocabulary.schemesNeedingAuthority.contains(scheme), let colon = value.firstIndex(of: ":") {
          identifier(scheme, String(value[value.index(after: colon)...]), authority: String(value[..<colon]))
        } else if !OMTSVocabulary.schemesNeedingAuthority.contains(scheme) {
          identifier(scheme, value)
        } else if !isPublic {
          label("org.tierscan.attr." + key, value)
        }
      } else if key.hasPrefix("omts.data_quality."), let field = Self.qualityField(key, value) {
        quality.append(field)
      } else if key.hasPrefix("omts."), let field = Self.nodeField(key, value, type: type) {
        fields.append(field)
      } else if !isPublic {
        label("org.tierscan.attr." + key, value)
      }
    }
    if let analysis {
      for category in analysis.config.categories {
        guard let exposure = analysis.exposure(of: v, in: category) else { continue }
        label("org.tierscan.exposure.\(category)", "\(exposure.score) \(exposure.level.rawValue)")
      }
    }
    if !isPublic, !entity.sources.isEmpty {
      label("org.tierscan.provenance", entity.sources.map(\.description).joined(separator: "; "))
    }
    if !identifiers.isEmpty { pairs.append(("identifiers", .array(identifiers))) }
    if !labels.isEmpty { pairs.append(("labels", .array(labels))) }
    if !quality.isEmpty { pairs.append(("data_quality", .object(quality))) }
    return .object(pairs + fields)
  }

  /// A redacted node for an entity outside the subgraph: a `boundary_ref` with one opaque
  /// identifier hashed from its public identifiers and the salt (OMTS SPEC-004 §4).
  func boundaryNode(_ v: EntityIndex, ordinal: inout Int) -> (id: String, value: JSONValue) {
    let entity = graph[v]
    var canonical: [String] = []
    if entity.kind != .person {
      if let lei = entity.identifiers.lei { canonical.append(OMTSBoundaryReference.canonical(scheme: "lei", value: lei)) }
      if let duns = entity.identifiers.duns { canonical.append(OMTSBoundaryReference.canonical(scheme: "duns", value: duns)) }
      if let cid = entity.identifiers.cid {
        canonical.append(OMTSBoundaryReference.canonical(scheme: OMTSVocabulary.cidScheme, value: cid))
      }
      for attribute in entity.attributes where attribute.key == "omts.identifier.gln" {
        canonical.append(OMTSBoundaryReference.canonical(scheme: "gln", value: attribute.value))
      }
    }
    let value = OMTSBoundaryReference.value(canonicalIDs: canonical, salt: options.salt ?? "", ordinal: ordinal)
    if canonical.isEmpty { ordinal += 1 }
    let nodeID = "bref-" + value
    return (
      nodeID,
      .object([
        // The schema requires a name on every node; it says nothing about the entity.
        ("id", .string(nodeID)), ("type", .string("boundary_ref")), ("name", .string("Redacted")),
        ("identifiers", .array([.object([("scheme", .string("opaque")), ("value", .string(value))])])),
      ])
    )
  }

  /// Whether an identifier or property of `sensitivity` may be written in a file of `scope`
  /// (OMTS SPEC-004 §3).
  static func isDisclosed(_ sensitivity: String, in scope: OMTSExportOptions.Scope) -> Bool {
    switch scope {
    case .internal: true
    case .partner: sensitivity != "confidential"
    case .public: sensitivity == "public"
    }
  }

  /// `omts.data_quality.<key>` back into `data_quality`, when the schema accepts the value.
  static func qualityField(_ key: String, _ value: String) -> (String, JSONValue)? {
    let field = String(key.dropFirst("omts.data_quality.".count))
    switch field {
    case "confidence": return OMTSVocabulary.dataQualityConfidences.contains(value) ? (field, .string(value)) : nil
    case "last_verified": return InterchangeDate.isDate(value) ? (field, .string(value)) : nil
    case "": return nil
    default: return field.contains(".") ? nil : (field, .string(value))
    }
  }

  /// `omts.<field>` (a node field the reader kept) back into the node, when it is a plain field
  /// name and its value fits the schema (`geo` and other objects as the JSON they were).
  static func nodeField(_ key: String, _ value: String, type: String) -> (String, JSONValue)? {
    let field = String(key.dropFirst("omts.".count))
    guard !field.isEmpty, !structuralNodeKeys.contains(field),
      field.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 95 || ($0 >= 48 && $0 <= 57) })
    else { return nil }
    switch (type, field) {
    case ("organization", "status"):
      return ["active", "dissolved", "merged", "suspended"].contains(value) ? (field, .string(value)) : nil
    case ("organization", "governance_structure"):
      return ["sole_subsidiary", "joint_venture", "consortium", "cooperative"].contains(value) ? (field, .string(value)) : nil
    case ("facility", "geo"):
      guard value.hasPrefix("{") || value.hasPrefix("["),
        let parsed = try? JSONParser.parse(value)
      else { return nil }
      // Only a point or a GeoJSON geometry (the schema's geo_object) that re-reads as the same
      // text, so the attribute survives the round trip exactly.
      let isPoint = parsed.objectValue?.count == 2 && parsed["lat"]?.numberValue.map { abs($0) <= 90 } == true
        && parsed["lon"]?.numberValue.map { abs($0) <= 180 } == true
      let isGeometry = parsed["type"]?.stringValue != nil && parsed["coordinates"] != nil
      return (isPoint || isGeometry) && JSONWriter.string(parsed, pretty: false) == value ? (field, parsed) : nil
    case (_, "operator"), (_, "geo"): return nil
    default:
      return value.hasPrefix("{") || value.hasPrefix("[") ? nil : (field, .string(value))
    }
  }
}
