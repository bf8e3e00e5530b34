import Foundation
import TierscanCore

/// Reads an OMTS graph (`.omts` JSON, OMTS 0.1.0; CBOR is not read) into entity and relationship
/// records, checking the L1 rules of OMTS SPEC-001, -002 and -004 as findings.
///
/// The file is streamed (``JSONStream``: never loaded whole, at most about two values' worth of
/// it in memory): header keys, then each element of `nodes` and `edges` is parsed on its own
/// (line and JSON pointer kept, e.g. `/edges/12`) and turned into records at once, so no JSON
/// tree outlives its element. Edges are checked against every node, so an `edges` array that
/// comes before `nodes` is skipped (its syntax checked) and read again from a checkpoint once the
/// nodes are known. The mapping and what it loses is in `docs/interchange.md`.
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
  /// Whether the `nodes` array has been read (edges read before it are read again after it).
  var sawNodes = false
  /// Where an `edges` array that came before `nodes` starts.
  var deferredEdges: JSONStream.Checkpoint?
  /// Edge ids seen, definite `same_as` groups and `visibility_depth` 0 edges, for the edges read so far.
  var edgeIDs = Set<String>()
  var sameAs = SameAsGroups()
  var opaqueEdges = 0
  /// Nodes and edges not imported, by OMTS type, in first-seen order.
  var notImported: [(type: String, count: Int)] = []
  /// The CID of every node that has one (an RMAP attestation attaches to it).
  var nodeCIDs: [String: String] = [:]
  /// RMAP attestation nodes by id, and whether an `attested_by` edge used each.
  var rmapAttestations: [String: OMTSAttestationRecord] = [:]
  var rmapAttestationOrder: [String] = []
  /// Declared tiers whose discloser the file does not name (another tool's `tier` property):
  /// the reporting entity, else found like a supplier list's (``DeclaredTierDisclosers``).
  var foreignDeclaredTiers: [Int] = []
  var countries = InterchangeCountries()

  /// Reads the file open on `handle` as a stream, or `bytes` when the caller already holds the
  /// whole file; records and findings cite `path`. The handle stays the caller's.
  static func read(path: String, handle: FileHandle? = nil, bytes: [UInt8]? = nil, limits: JSONLimits) -> IngestedInputs {
    var reader = OMTSReader(path: path, summary: InputFileSummary(path: path, kind: .omts))
    do {
      var stream: JSONStream
      if let bytes {
        stream = JSONStream(bytes: bytes, limits: limits)
      } else if let handle {
        stream = try JSONStream(handle: handle, limits: limits)
      } else {
        throw CocoaError(.fileReadUnknown)
      }
      do {
        try reader.readDocument(&stream)
      } catch {
        reader.syntaxError(error)
      }
      if let checkpoint = reader.deferredEdges {
        // The edges came before the nodes: read them again now that every node is known. A
        // syntax error here was reported by the first pass; the edges before it are kept.
        var again = try JSONStream(handle: bytes == nil ? handle : nil, bytes: bytes, limits: limits, resuming: checkpoint)
        try? reader.readArray(&again, key: "edges") { reader, value, line, index in reader.readEdge(value, line: line, index: index) }
      }
    } catch {
      reader.result.findings.add(.error, .unreadableFile, at: reader.fileProvenance, "cannot read the file: \(error.localizedDescription)")
    }
    reader.finish()
    reader.result.files.append(reader.summary)
    return reader.result
  }

  private mutating func syntaxError(_ error: JSONParser.ParseError) {
    result.findings.add(JSONInputReader.syntaxFinding(error, path: path))
    summary.recordsRejected += 1
    summary.recordsRead += 1
  }

  var fileProvenance: Provenance { Provenance(file: path) }

  mutating func error(_ rule: FindingRule, _ at: Provenance, _ message: String) {
    result.findings.add(.error, rule, at: at, message)
  }

  mutating func warning(_ rule: FindingRule, _ at: Provenance, _ message: String) {
    result.findings.add(.warning, rule, at: at, message)
  }

  private mutating func readDocument(_ stream: inout JSONStream) throws(JSONParser.ParseError) {
    guard try stream.peek() == UInt8(ascii: "{") else {
      throw stream.error("an OMTS file is a JSON object (CBOR .omts files are not read)")
    }
    try stream.beginObject()
    var isFirstKey = true
    while let key = try stream.nextKey() {
      let at = Provenance(file: path, line: try stream.nextLine(), pointer: "/" + key)
      let isArray = try stream.peek() == UInt8(ascii: "[")
      switch key {
      case "nodes":
        try readArray(&stream, key: key) { reader, value, line, index in reader.readNode(value, line: line, index: index) }
        sawNodes = true
      case "edges" where !sawNodes && isArray:
        // Read again after the nodes; here only checked.
        deferredEdges = try stream.checkpoint()
        try stream.beginArray()
        while try stream.nextElement() { try stream.skipValue() }
      case "edges":
        try readArray(&stream, key: key) { reader, value, line, index in reader.readEdge(value, line: line, index: index) }
      default:
        readHeader(key, try stream.readValue(), at: at, isFirstKey: isFirstKey)
      }
      isFirstKey = false
    }
    try stream.expectEnd()
  }

  mutating func readArray(
    _ stream: inout JSONStream, key: String,
    _ body: (inout OMTSReader, JSONValue, Int, Int) -> Void
  ) throws(JSONParser.ParseError) {
    guard try stream.peek() == UInt8(ascii: "[") else {
      let at = Provenance(file: path, line: try stream.nextLine(), pointer: "/" + key)
      _ = try stream.readValue()
      error(.omtsHeader, at, "'\(key)' must be an array; ignored")
      return
    }
    try stream.beginArray()
    var index = 0
    while try stream.nextElement() {
      let line = try stream.nextLine()
      let value = try stream.readValue()
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
    if opaqueEdges > 0 {
      result.findings.add(
        .info, .omtsVisibility, at: fileProvenance,
        "\(opaqueEdges) supplies edge(s) declare visibility_depth 0 (declared opaque beyond this tier); kept as the edge attribute visibility_depth")
    }
    // Each definite same_as group takes the id of its first node in file order.
    var order: [String: Int] = [:]
    for (i, record) in result.entities.enumerated() where order[record.id] == nil { order[record.id] = i }
    let rename = sameAs.renames(order: order)
    if !rename.isEmpty {
      var renamedEntities = EntityRecordTable()
      renamedEntities.reserveCapacity(result.entities.count)
      for var record in result.entities {
        if let canonical = rename[record.id] {
          record.aliases.append(record.id)
          record.id = canonical
        }
        renamedEntities.append(record)
      }
      result.entities = renamedEntities
      var renamed = RelationshipRecordTable()
      renamed.reserveCapacity(result.relationships.count)
      for var record in result.relationships {
        record.from = rename[record.from] ?? record.from
        record.to = rename[record.to] ?? record.to
        renamed.append(record)
      }
      result.relationships = renamed
      for i in result.declaredTiers.indices {
        result.declaredTiers[i].supplier = rename[result.declaredTiers[i].supplier] ?? result.declaredTiers[i].supplier
        result.declaredTiers[i].buyer = rename[result.declaredTiers[i].buyer] ?? result.declaredTiers[i].buyer
        result.declaredTiers[i].disclosers = result.declaredTiers[i].disclosers.map { rename[$0] ?? $0 }
      }
    }
    resolveForeignDisclosers(rename: rename)
    for id in rmapAttestationOrder where rmapAttestations[id]?.isUsed == false { countNotImported("attestation") }
    if !notImported.isEmpty {
      let list = notImported.map { "\($0.count) \($0.type)" }.joined(separator: ", ")
      result.findings.add(
        .info, .omtsNotImported, at: fileProvenance,
        "not imported (no tierscan counterpart; see docs/interchange.md): \(list)")
    }
  }
}
