import TierscanCore

/// Reads an OMTS graph (`.omts` JSON, OMTS 0.1.0; CBOR is not read) into entity and relationship
/// records, checking the L1 rules of OMTS SPEC-001, -002 and -004 as findings.
///
/// The document is walked with ``JSONParser``'s cursor: header keys, then each element of
/// `nodes` and `edges` is parsed on its own (line and JSON pointer kept, e.g. `/edges/12`).
/// Nodes become records as they are read; edges are checked against every node after the whole
/// file is read (they may come before the nodes). The mapping and what it loses is in
/// `docs/interchange.md`.
///
/// Rule ids: `omts-version`, `omts-header`, `omts-node`, `omts-edge`, `omts-duplicate-id`,
/// `omts-dangling-edge`, `omts-graph-type`, `omts-identifier`, `omts-disclosure`, `omts-date`,
/// `omts-not-imported`, `omts-ownership-unknown-share`, `omts-same-as-review`, `omts-delta`,
/// `omts-control-attribute`, `omts-redacted-node`, `json-syntax`.
struct OMTSReader {
  let path: String
  var result = IngestedInputs()
  var summary: InputFileSummary
  /// Header values that change how records are read.
  var isDelta = false
  var disclosureScope: String?
  var reportingEntity: (id: String, at: Provenance)?
  var sawVersion = false
  /// Node id → OMTS node type, for edge checks.
  var nodeTypes: [String: String] = [:]
  /// Entity records in node order (ids rewritten by definite `same_as` at the end).
  var entities: [EntityRecord] = []
  var edges: [OMTSEdge] = []
  /// Relationship records in edge order (endpoints rewritten by definite `same_as` at the end).
  var relationships: [RelationshipRecord] = []
  /// Nodes and edges not imported, by OMTS type, in first-seen order.
  var notImported: [(type: String, count: Int)] = []
  var countries = InterchangeCountries()

  /// Reads `bytes` (the whole file).
  static func read(bytes: [UInt8], path: String, limits: JSONLimits) -> IngestedInputs {
    var reader = OMTSReader(path: path, summary: InputFileSummary(path: path, kind: .omts))
    var parser = JSONParser(bytes: bytes, limits: limits)
    do {
      try reader.readDocument(&parser)
    } catch {
      reader.result.findings.add(JSONInputReader.syntaxFinding(error, path: path))
      reader.summary.recordsRejected += 1
      reader.summary.recordsRead += 1
    }
    reader.finish()
    reader.result.files.append(reader.summary)
    return reader.result
  }

  var fileProvenance: Provenance { Provenance(file: path) }

  mutating func error(_ rule: FindingRule, _ at: Provenance, _ message: String) {
    result.findings.add(.error, rule, at: at, message)
  }

  mutating func warning(_ rule: FindingRule, _ at: Provenance, _ message: String) {
    result.findings.add(.warning, rule, at: at, message)
  }

  private mutating func readDocument(_ parser: inout JSONParser) throws(JSONParser.ParseError) {
    guard parser.peek() == UInt8(ascii: "{") else {
      throw parser.error("an OMTS file is a JSON object (CBOR .omts files are not read)")
    }
    try parser.beginObject()
    var isFirstKey = true
    while let key = try parser.nextKey() {
      let at = Provenance(file: path, line: parser.nextLine(), pointer: "/" + key)
      switch key {
      case "nodes":
        try readArray(&parser, key: key) { reader, value, line, index in reader.readNode(value, line: line, index: index) }
      case "edges":
        try readArray(&parser, key: key) { reader, value, line, index in reader.readEdge(value, line: line, index: index) }
      default:
        readHeader(key, try parser.readValue(), at: at, isFirstKey: isFirstKey)
      }
      isFirstKey = false
    }
    try parser.expectEnd()
  }

  private mutating func readArray(
    _ parser: inout JSONParser, key: String,
    _ body: (inout OMTSReader, JSONValue, Int, Int) -> Void
  ) throws(JSONParser.ParseError) {
    guard parser.peek() == UInt8(ascii: "[") else {
      let at = Provenance(file: path, line: parser.nextLine(), pointer: "/" + key)
      _ = try parser.readValue()
      error(.omtsHeader, at, "'\(key)' must be an array; ignored")
      return
    }
    try parser.beginArray()
    var index = 0
    while try parser.nextElement() {
      let line = parser.nextLine()
      let value = try parser.readValue()
      summary.recordsRead += 1
      body(&self, value, line, index)
      index += 1
    }
  }

  private mutating func readHeader(_ key: String, _ value: JSONValue, at: Provenance, isFirstKey: Bool) {
    switch key {
    case "omts_version":
      sawVersion = true
      guard let version = value.stringValue else {
        error(.omtsVersion, at, "omts_version must be a string like \"0.1.0\"")
        return
      }
      if !OMTSVocabulary.supportedVersions.contains(version) {
        warning(
          .omtsVersion, at,
          "omts_version \(version) is not a version this reader knows (0.1.0); read as 0.1.0, check the result")
      }
      if !isFirstKey { warning(.omtsHeader, at, "omts_version should be the first key (OMTS file type detection)") }
    case "snapshot_date":
      if value.stringValue.map(InterchangeValues.isDate) != true {
        error(.omtsDate, at, "snapshot_date \(InterchangeValues.text(value)) is not a YYYY-MM-DD date")
      }
    case "file_salt":
      let salt = value.stringValue ?? ""
      let isHex = salt.utf8.count == 64 && salt.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
      if !isHex { error(.omtsHeader, at, "file_salt must be 64 lower-case hexadecimal characters") }
    case "disclosure_scope":
      guard let scope = value.stringValue, OMTSVocabulary.disclosureScopes.contains(scope) else {
        error(.omtsHeader, at, "disclosure_scope \(InterchangeValues.text(value)) is not internal, partner or public")
        return
      }
      disclosureScope = scope
    case "update_type":
      switch value.stringValue {
      case "snapshot": break
      case "delta": isDelta = true
      default: error(.omtsHeader, at, "update_type \(InterchangeValues.text(value)) is not snapshot or delta")
      }
    case "snapshot_sequence":
      if (value.numberValue.map { $0 >= 0 && $0 == $0.rounded() }) != true {
        error(.omtsHeader, at, "snapshot_sequence must be a non-negative integer")
      }
    case "reporting_entity":
      if let id = value.stringValue { reportingEntity = (id, at) } else {
        error(.omtsHeader, at, "reporting_entity must be a node id")
      }
    case "previous_snapshot_ref", "base_snapshot_ref", "file_integrity", "merge_metadata":
      break
    default:
      result.findings.add(.info, .omtsHeader, at: at, "header key '\(key)' is not an OMTS 0.1.0 key; ignored")
    }
  }

  /// Counts one node or edge that has no tierscan counterpart.
  mutating func countNotImported(_ type: String) {
    if let i = notImported.firstIndex(where: { $0.type == type }) {
      notImported[i].count += 1
    } else {
      notImported.append((type, 1))
    }
  }

  private mutating func finish() {
    if !sawVersion { error(.omtsVersion, fileProvenance, "no omts_version key: not an OMTS file as OMTS defines it") }
    if let (id, at) = reportingEntity, nodeTypes[id] != "organization" {
      error(.omtsDanglingEdge, at, "reporting_entity '\(id)' is not an organization node of this file")
    }
    let rename = resolveEdges()
    for var record in entities {
      if let canonical = rename[record.id] {
        record.aliases.append(record.id)
        record.id = canonical
      }
      result.entities.append(record)
    }
    for var record in relationships {
      record.from = rename[record.from] ?? record.from
      record.to = rename[record.to] ?? record.to
      result.relationships.append(record)
    }
    if !notImported.isEmpty {
      let list = notImported.map { "\($0.count) \($0.type)" }.joined(separator: ", ")
      result.findings.add(
        .info, .omtsNotImported, at: fileProvenance,
        "not imported (no tierscan counterpart; see docs/interchange.md): \(list)")
    }
  }
}
