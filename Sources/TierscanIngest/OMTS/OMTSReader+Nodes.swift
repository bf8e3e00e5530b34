import TierscanCore

extension OMTSReader {
  /// Node fields read into record fields (every other field becomes an `omts.<key>` attribute).
  static let consumedNodeKeys: Set<String> = [
    "id", "type", "name", "identifiers", "labels", "data_quality", "jurisdiction", "_operation",
  ]

  /// Checks one element of `nodes` and turns it into an entity record when tierscan has a
  /// counterpart (organization, facility, person, boundary_ref).
  mutating func readNode(_ value: JSONValue, line: Int, index: Int) {
    let at = Provenance(file: path, line: line, pointer: "/nodes/\(index)")
    guard value.objectValue != nil else { return reject(.omtsNode, at, "a node must be an object") }
    guard let id = value["id"]?.stringValue, !id.isEmpty else {
      return reject(.omtsNode, at, "node without a string id (OMTS L1-GDM-01)")
    }
    guard let type = value["type"]?.stringValue, !type.isEmpty else {
      return reject(.omtsNode, at, "node '\(id)' has no type")
    }
    guard nodeTypes[id] == nil else {
      return reject(.omtsDuplicateId, at, "node id '\(id)' given twice (OMTS L1-GDM-01); the later node is not read")
    }
    nodeTypes[id] = type
    let isCore = OMTSVocabulary.nodeTypes.contains(type)
    guard isCore || InterchangeValues.isReverseDomain(type) else {
      return reject(.omtsNode, at, "node type '\(type)' is neither an OMTS node type nor a reverse-domain extension")
    }
    let identifiers = checkIdentifiers(value["identifiers"], nodeType: type, at: at)
    if type == "person", disclosureScope == "public" {
      error(.omtsDisclosure, at, "person node '\(id)' in a file with disclosure_scope public (OMTS SPEC-004)")
    }
    if let operation = checkOperation(value["_operation"], at: at), operation == "remove" {
      result.findings.add(
        .info, .omtsDelta, at: at,
        "node '\(id)' is removed by this delta; tierscan does not delete what other inputs give, so it is left out here")
      summary.recordsAccepted += 1
      return
    }
    if type == "attestation", let standard = value["standard"]?.stringValue, standard.uppercased().hasPrefix("RMAP") {
      readRMAPAttestation(value, id: id, at: at)
      summary.recordsAccepted += 1
      return
    }
    let kind: EntityKind
    switch type {
    case "organization", "boundary_ref": kind = .company
    case "facility": kind = .facility
    case "person": kind = .person
    default:
      countNotImported(type)
      summary.recordsAccepted += 1
      return
    }
    var record = EntityRecord(id: id, kind: kind, provenance: at)
    if let name = value["name"]?.stringValue, !name.isEmpty {
      record.name = name
    } else if type != "boundary_ref" {
      warning(.omtsNode, at, "node '\(id)' has no name; its id is used")
    }
    if type == "boundary_ref" {
      record.name = "redacted (\(id))"
      record.attributes.append(Attribute("omts.redacted", "true"))
      result.findings.add(
        .info, .omtsRedactedNode, at: at,
        "boundary_ref '\(id)' is a redacted placeholder: read as a company with no disclosed data (attribute omts.redacted)")
    }
    if let jurisdiction = value["jurisdiction"] {
      if let text = jurisdiction.stringValue {
        record.country = countries.code(
          for: text, field: "jurisdiction", at: at, findings: &result.findings, attributes: &record.attributes)
      } else {
        warning(.omtsNode, at, "jurisdiction must be a string; ignored")
      }
    }
    apply(identifiers, to: &record, at: at)
    if let cid = record.identifiers.cid { nodeCIDs[id] = cid }
    applyLabels(value["labels"], to: &record, at: at)
    if let quality = value["data_quality"]?.objectValue {
      for (key, field) in quality { record.attributes.append(Attribute("omts.data_quality.\(key)", InterchangeValues.text(field))) }
      if let confidence = value["data_quality"]?["confidence"]?.stringValue,
        !OMTSVocabulary.dataQualityConfidences.contains(confidence)
      {
        warning(.omtsNode, at, "data_quality.confidence '\(confidence)' is not verified, reported, inferred or estimated")
      }
    }
    for (key, field) in value.objectValue ?? [] where !Self.consumedNodeKeys.contains(key) {
      record.attributes.append(Attribute("omts.\(key)", InterchangeValues.text(field)))
    }
    // A facility with a CID is a smelter, unless tierscan's own export said which kind it is.
    let hasKindLabel = value["labels"]?.arrayValue?.contains { $0["key"]?.stringValue == "org.tierscan.kind" } == true
    if record.kind == .facility, record.identifiers.cid != nil, !hasKindLabel { record.kind = .smelter }
    result.entities.append(record)
    summary.recordsAccepted += 1
  }

  /// An error finding and a rejected record.
  mutating func reject(_ rule: FindingRule, _ at: Provenance, _ message: String) {
    error(rule, at, message)
    summary.recordsRejected += 1
  }

  /// The `_operation` of a node or edge, checked: only in delta files, one of add/modify/remove.
  mutating func checkOperation(_ value: JSONValue?, at: Provenance) -> String? {
    guard let value else { return nil }
    guard let operation = value.stringValue, OMTSVocabulary.operations.contains(operation) else {
      error(.omtsDelta, at, "_operation \(InterchangeValues.text(value)) is not add, modify or remove")
      return nil
    }
    if !isDelta { warning(.omtsDelta, at, "_operation in a file whose update_type is not delta; read as a snapshot record") }
    return isDelta ? operation : nil
  }

  /// Identifier records to record fields: valid `lei`, `duns`, `vat` and the CID extension scheme
  /// fill ``Identifiers`` (LEI, DUNS and CID then merge entities, SPEC §1); every other scheme is
  /// kept as an attribute `omts.identifier.<scheme>` (`authority:value` when it has one).
  private mutating func apply(_ identifiers: [OMTSIdentifier], to record: inout EntityRecord, at: Provenance) {
    for identifier in identifiers {
      switch identifier.scheme {
      case "lei" where record.identifiers.lei == nil: record.identifiers.lei = identifier.value
      case "duns" where record.identifiers.duns == nil: record.identifiers.duns = identifier.value
      case "vat" where record.identifiers.vat == nil: record.identifiers.vat = identifier.value
      case OMTSVocabulary.cidScheme where record.identifiers.cid == nil && IdentifierCheck.isValidCID(identifier.value):
        record.identifiers.cid = identifier.value
      default:
        let value = identifier.authority.map { "\($0):\(identifier.value)" } ?? identifier.value
        record.attributes.append(Attribute("omts.identifier.\(identifier.scheme)", value))
      }
    }
  }

  /// Labels: tierscan's own `org.tierscan.*` keys fill the fields an OMTS export put there; the
  /// label `conflict-minerals-smelter` makes a facility a smelter; every other label is kept as
  /// an attribute `label.<key>` (value `true` for a flag).
  private mutating func applyLabels(_ value: JSONValue?, to record: inout EntityRecord, at: Provenance) {
    for (key, text) in labels(value, at: at) {
      switch key {
      case "conflict-minerals-smelter" where record.kind == .facility: record.kind = .smelter
      case "org.tierscan.kind":
        if let kind = EntityKind(rawValue: text) { record.kind = kind } else {
          warning(.omtsNode, at, "label org.tierscan.kind '\(text)' is not an entity kind; ignored")
        }
      case "org.tierscan.provenance": break  // where the exporting run read it; this record cites the .omts pointer
      case "org.tierscan.vat" where record.identifiers.vat == nil: record.identifiers.vat = text
      case "org.tierscan.sector": record.sector = text
      case "org.tierscan.commodity": record.commodities.append(text)
      case "org.tierscan.alias": record.aliases.append(text)
      case "org.tierscan.raw-material": record.rawMaterial = text == "true"
      default:
        if key.hasPrefix("org.tierscan.attr.") {
          record.attributes.append(Attribute(String(key.dropFirst("org.tierscan.attr.".count)), text))
        } else if key.hasPrefix("org.tierscan.exposure.") {
          // A result of the exporting run (its scores), not an input: tierscan computes its own.
        } else {
          record.attributes.append(Attribute("label.\(key)", text))
        }
      }
    }
  }

  /// The `(key, value)` pairs of a `labels` array (`true` for a flag without value).
  func labels(_ value: JSONValue?, at: Provenance) -> [(String, String)] {
    guard let items = value?.arrayValue else { return [] }
    return items.compactMap { item in
      guard let key = item["key"]?.stringValue, !key.isEmpty else { return nil }
      return (key, item["value"].map(InterchangeValues.text) ?? "true")
    }
  }
}
