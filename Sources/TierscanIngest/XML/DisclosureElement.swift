import TierscanCore

/// Turns one disclosure element's attributes into its records (model §2.7), with the checks the
/// XSD makes (required attributes, enumerations, ranges) so that `scan` rejects exactly what
/// `validate` reports, plus the repairs of docs/model.md §2 (countries, identifier checks) as warnings.
enum DisclosureElement {
  /// What an accepted element contributes.
  struct Built {
    var entity: EntityRecord?
    /// The edge the element creates (for a supplier: the template copied once per commodity).
    var edge: RelationshipRecord?
    var identifier: (scheme: String, value: String)?
    var commodity: (name: String, hsCode: String?)?
    /// Unknown attributes of `identifier` and `commodity`, for the parent entity or the edge.
    var extraAttributes: [Attribute] = []
    var warnings: [(rule: FindingRule, message: String)] = []
    /// A country value resolved from another spelling (reported once per distinct value per file).
    var resolvedCountry: (raw: String, code: String)?
  }

  /// Why an element is rejected.
  struct Refusal: Error {
    var rule: FindingRule
    var message: String
  }

  private static let known: [DisclosureReader.Role: Set<String>] = [
    .discloser: ["id", "name", "country", "sector", "kind"],
    .supplier: ["id", "name", "country", "kind", "sector", "basis", "confidence"],
    .facility: ["id", "name", "country", "kind", "basis", "confidence"],
    .owner: ["id", "name", "country", "share", "basis", "confidence"],
    .smelter: ["cid", "id", "name", "metal", "country", "basis", "confidence"],
    .identifier: ["scheme", "value"],
    .commodity: ["name", "hsCode"],
  ]

  /// Builds the element's contribution, or the reason it is rejected.
  static func build(
    _ role: DisclosureReader.Role, _ element: XMLStartElement, context reader: DisclosureReader
  ) -> Result<Built, Refusal> {
    do {
      return .success(try make(role, element, reader))
    } catch {
      return .failure(error)
    }
  }

  private static func make(
    _ role: DisclosureReader.Role, _ element: XMLStartElement, _ reader: DisclosureReader
  ) throws(Refusal) -> Built {
    var built = Built()
    let provenance = Provenance(file: reader.path, line: element.line)
    func value(_ name: String) -> String? {
      element.attribute(name).map(DisclosureValues.trimmed).flatMap { $0.isEmpty ? nil : $0 }
    }
    func required(_ name: String) throws(Refusal) -> String {
      guard let text = value(name) else {
        throw Refusal(rule: .missingAttribute, message: "<\(role.rawValue)> has no '\(name)'")
      }
      return text
    }
    let knownNames = known[role] ?? []
    var extras: [Attribute] = []
    for attribute in element.attributes where attribute.isNamespaced || !knownNames.contains(attribute.name) {
      extras.append(Attribute(attribute.name, DisclosureValues.trimmed(attribute.value)))
    }

    switch role {
    case .identifier:
      let scheme = try required("scheme")
      let raw = try required("value")
      guard ["lei", "duns", "vat", "cid"].contains(scheme) else {
        throw Refusal(rule: .invalidAttribute, message: "identifier scheme '\(scheme)' is not lei, duns, vat or cid")
      }
      if let checked = DisclosureValues.identifier(scheme: scheme, value: raw) {
        built.identifier = (scheme, checked)
      } else {
        built.warnings.append((.invalidIdentifier, "\(scheme) '\(raw)' fails its format or check-digit test; dropped"))
      }
      built.extraAttributes = extras.map { Attribute("identifier:" + $0.key, $0.value) }
      return built
    case .commodity:
      built.commodity = (try required("name").lowercased(), value("hsCode"))
      built.extraAttributes = extras
      return built
    default:
      break
    }

    // Entity elements.
    let id: String
    var identifiers = Identifiers()
    var commodities: [String] = []
    var kind: EntityKind?
    if role == .smelter {
      let cid = try required("cid")
      id = value("id") ?? cid
      kind = .smelter
      if let checked = DisclosureValues.identifier(scheme: "cid", value: cid) {
        identifiers.cid = checked
      } else {
        built.warnings.append((.invalidIdentifier, "cid '\(cid)' is not CID followed by 6 digits; dropped"))
      }
      commodities = [try required("metal").lowercased()]
    } else {
      id = try required("id")
    }
    if let text = value("kind") {
      let allowed: [EntityKind] = role == .facility ? [.facility, .mine] : (role == .smelter ? [] : EntityKind.allCases)
      guard let parsed = EntityKind(rawValue: text), allowed.contains(parsed) else {
        throw Refusal(
          rule: .invalidAttribute,
          message: "kind '\(text)' is not one of \(allowed.map(\.rawValue).joined(separator: ", ")) for <\(role.rawValue)>")
      }
      kind = parsed
    } else if role == .facility {
      kind = .facility
    }
    var share: Double?
    if role == .owner {
      switch DisclosureValues.share(try required("share")) {
      case .success(let parsed): share = parsed
      case .failure(let refusal): throw Refusal(rule: .invalidAttribute, message: refusal.message)
      }
    }
    var basis: Basis?
    var confidence: Double?
    if role != .discloser {
      if let text = value("basis") {
        guard let parsed = Basis(rawValue: text) else {
          throw Refusal(rule: .invalidAttribute, message: "basis '\(text)' is not observed, declared or inferred")
        }
        basis = parsed
      }
      if let text = value("confidence") {
        switch DisclosureValues.confidence(text) {
        case .success(let parsed): confidence = parsed
        case .failure(let refusal): throw Refusal(rule: .invalidAttribute, message: refusal.message)
        }
      }
    }
    var country: String?
    var unresolved: [Attribute] = []
    if let raw = value("country") {
      switch CountryResolver.resolve(raw) {
      case .code(let code):
        country = code
      case .resolved(let code):
        country = code
        built.resolvedCountry = (raw, code)
      case .unknown:
        built.warnings.append((.unknownCountry, CountryValues.unknownMessage(raw, field: "country")))
        unresolved = [Attribute(CountryValues.unresolvedAttribute, raw)]
      }
    }
    if DisclosureValues.looksLikeFormula(id) {
      built.warnings.append((.formulaLikeId, "id '\(id)' begins with =, +, - or @; it is neutralised in CSV outputs"))
    }
    var attributes = extras + unresolved
    if role == .discloser { attributes = reader.rootAttributes.map { Attribute("disclosure:" + $0.key, $0.value) } + extras }
    built.entity = EntityRecord(
      id: id, name: value("name"), kind: kind, country: country, sector: value("sector"), commodities: commodities,
      identifiers: identifiers, attributes: attributes, provenance: provenance)

    guard role != .discloser else { return built }
    let enclosing = reader.frames.last?.entity?.id ?? reader.discloserID ?? ""
    var edge = RelationshipRecord(
      from: id, to: enclosing, type: .supplies, share: share, basis: basis, confidence: confidence,
      reportingYear: reader.reportingYear, provenance: provenance)
    switch role {
    case .facility:
      edge.type = .operates
      edge.from = enclosing
      edge.to = id
    case .owner:
      edge.type = .owns
    case .smelter:
      edge.commodity = commodities.first
    default:
      break
    }
    built.edge = edge
    return built
  }
}
