import TierscanCore
import TierscanIngest

extension OMTSExport {
  /// Edge properties tierscan writes itself; an attribute of one of these names travels as a
  /// tierscan label.
  static let structuralEdgeKeys: Set<String> = ["commodity", "percentage", "direct", "labels", "data_quality", "control_type"]
  /// Edge properties OMTS types as integers or numbers (SPEC-001 §6): written as numbers when the
  /// attribute is the number's own text, else as a tierscan label.
  static let integerEdgeKeys: Set<String> = ["tier", "visibility_depth", "lead_time_days"]
  static let numberEdgeKeys: Set<String> = ["volume", "annual_value", "share_of_buyer_demand"]
  /// Edge properties OMTS SPEC-004 §2.1 classes as restricted: left out of public files.
  static let restrictedEdgeKeys: Set<String> = ["contract_ref", "annual_value", "value_currency", "volume"]

  /// The OMTS edge type of a relationship: the core type when OMTS allows its endpoints, else
  /// tierscan's extension type (`org.tierscan.supplies` for a smelter that supplies a company).
  func edgeType(_ r: Relationship) -> String {
    let from = nodeTypes[r.from]!
    let to = nodeTypes[r.to]!
    func fits(_ type: String) -> Bool {
      guard let allowed = OMTSVocabulary.endpointTypes[type] else { return false }
      return (from == "boundary_ref" || allowed.source.contains(from)) && (to == "boundary_ref" || allowed.target.contains(to))
    }
    let original = GraphExport.value(of: "omts.type", in: r.attributes)
    switch r.type {
    case .supplies:
      if original == "sells_to", fits("sells_to") { return "sells_to" }
      return fits("supplies") ? "supplies" : "org.tierscan.supplies"
    case .subcontracts:
      if original == "tolls", fits("tolls") { return "tolls" }
      return fits("subcontracts") ? "subcontracts" : "org.tierscan.subcontracts"
    case .owns:
      // beneficial_ownership only for what was one (its control type travels as an attribute);
      // a person's holding from other inputs keeps tierscan's extension type.
      if original == "beneficial_ownership", fits("beneficial_ownership"),
        ["capital", "voting_rights"].contains(GraphExport.value(of: "control_type", in: r.attributes) ?? "")
      {
        return "beneficial_ownership"
      }
      return fits("ownership") ? "ownership" : "org.tierscan.owns"
    case .operates: return fits("operates") ? "operates" : "org.tierscan.operates"
    }
  }

  /// One `edges` element (`id` = `e` + its 1-based number in export order).
  func edge(_ i: Int, number: Int) -> JSONValue {
    let r = graph.relationships[i]
    let type = edgeType(r)
    let isPublic = options.scope == .public
    var properties: [(String, JSONValue)] = []
    var labels: [JSONValue] = []
    var quality: [(String, JSONValue)] = [("confidence", .string(Self.confidence(r)))]
    func label(_ key: String, _ value: String?) {
      labels.append(.object([("key", .string(key))] + (value.map { [("value", .string($0))] } ?? [])))
    }
    if r.type == .owns {
      if let share = r.share {
        properties.append(("percentage", .number(share)))
      } else if type != "beneficial_ownership" {
        properties.append(("percentage", .number(0)))  // OMTS: 0 = a known holding of unknown size
      }
      properties.append(("direct", .bool(true)))
      if type == "beneficial_ownership" {
        properties.append(("control_type", .string(GraphExport.value(of: "control_type", in: r.attributes) ?? "")))
      }
    }
    if let commodity = r.commodity {
      // The reader takes an HS-code-like or upper-case commodity for something else: a label then.
      if !OMTSVocabulary.isHSCode(commodity), commodity == commodity.lowercased() {
        properties.append(("commodity", .string(commodity)))
      } else {
        label("org.tierscan.commodity", commodity)
      }
    }
    if let hsCode = r.hsCode {
      if r.commodity == nil, OMTSVocabulary.isHSCode(hsCode) {
        properties.append(("commodity", .string(hsCode)))
      } else {
        label("org.tierscan.hs-code", hsCode)
      }
    }
    if let confidence = r.confidence { label("org.tierscan.confidence", confidence.description) }
    if let year = r.reportingYear { label("org.tierscan.reporting-year", String(year)) }
    var validFrom: String?
    var extra: [(String, JSONValue)] = []
    for attribute in r.attributes {
      let (key, value) = (attribute.key, attribute.value)
      switch key {
      case "omts.type" where value == type: continue
      case "control_type" where type == "beneficial_ownership": continue
      case "omts.confidence" where value == "estimated" && r.basis == .inferred: continue
      case "source": if !isPublic { quality.append(("source", .string(value))) }
      // OMTS `tier` is a tier declared relative to the reporting entity: only a declared tier is
      // written there (below); any other `tier` attribute travels as a label.
      case "tier" where declaredTiers[i] != nil: continue
      case "tier": if !isPublic { label("org.tierscan.attr.tier", value) }
      case "valid_from" where validFrom == nil && InterchangeDate.isDate(value): validFrom = value
      case "valid_to" where InterchangeDate.isDate(value) || value.isEmpty:
        extra.append((key, value.isEmpty ? .null : .string(value)))
      default:
        if key.hasPrefix("label.") {
          label(String(key.dropFirst("label.".count)), value == "true" ? nil : value)
        } else if key.hasPrefix("omts.data_quality."), let field = Self.qualityField(key, value), field.0 != "confidence" {
          quality.append(field)
        } else if isPublic {
          if Self.integerEdgeKeys.contains(key) || Self.numberEdgeKeys.contains(key), !Self.restrictedEdgeKeys.contains(key),
            let number = Self.number(value, isInteger: Self.integerEdgeKeys.contains(key))
          {
            extra.append((key, number))
          }
        } else if Self.integerEdgeKeys.contains(key) || Self.numberEdgeKeys.contains(key) {
          if let number = Self.number(value, isInteger: Self.integerEdgeKeys.contains(key)) {
            extra.append((key, number))
          } else {
            label("org.tierscan.attr." + key, value)
          }
        } else if Self.structuralEdgeKeys.contains(key) || key == "valid_from" || key == "valid_to" || key.hasPrefix("_")
          || key.isEmpty || properties.contains(where: { $0.0 == key }) || extra.contains(where: { $0.0 == key })
        {
          label("org.tierscan.attr." + key, value)
        } else {
          extra.append((key, .string(value)))
        }
      }
    }
    if let declared = declaredTiers[i] {
      if let tier = declared.tier { extra.append(("tier", .number(Double(tier)))) }
      // The cell as written, when it is not the number's own text (`Tier 2`, `n/a`).
      if declared.tier.map(String.init) != declared.raw { label("org.tierscan.attr.tier", declared.raw) }
      for (key, value) in declaredTierLabels(declared) { label(key, value) }
    }
    if validFrom == nil { label("org.tierscan.valid-from-unknown", nil) }
    if !isPublic { label("org.tierscan.provenance", r.provenance.description) }
    properties.append(("valid_from", .string(validFrom ?? snapshotDate)))
    properties += extra
    properties.append(("data_quality", .object(quality)))
    if !labels.isEmpty { properties.append(("labels", .array(labels))) }
    return .object([
      ("id", .string("e\(number)")), ("type", .string(type)), ("source", .string(nodeID(r.from))),
      ("target", .string(nodeID(r.to))), ("properties", .object(properties)),
    ])
  }

  /// `data_quality.confidence` of a basis: observed → verified, declared → reported, inferred →
  /// inferred (estimated when an OMTS import said so).
  static func confidence(_ r: Relationship) -> String {
    switch r.basis {
    case .observed: "verified"
    case .declared: "reported"
    case .inferred: GraphExport.value(of: "omts.confidence", in: r.attributes) == "estimated" ? "estimated" : "inferred"
    }
  }

  /// The JSON number whose text is `text` exactly, or `nil`.
  static func number(_ text: String, isInteger: Bool) -> JSONValue? {
    guard let value = Double(text), value.isFinite, !isInteger || value == value.rounded(),
      JSONWriter.formatNumber(value) == text
    else { return nil }
    return .number(value)
  }
}
