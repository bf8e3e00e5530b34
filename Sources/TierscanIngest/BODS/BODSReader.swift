import TierscanCore

/// Reads a Beneficial Ownership Data Standard 0.4 package (a JSON array of statements, or JSON
/// lines) into entity and `owns` records.
///
/// - Statement history: statements are grouped by `recordId`; the newest (latest
///   `statementDate`, then the later in the file) wins, older ones are replaced (counted in
///   info `bods-history`); a record whose newest statement is `closed` contributes nothing.
/// - `entity` → company (`name`, `jurisdiction` → country, identifier scheme `XI-LEI` → LEI,
///   other identifiers → attributes `bods.identifier.<scheme>`), `person` → entity kind
///   `person` (first name, first nationality → country).
/// - `relationship`: the interested party `owns` the subject when an interest is a direct
///   `shareholding`: share exact, or a range through ``BODSSharePolicy``; no share → `owns`
///   without share. Indirect (and `unknown`) holdings never become `owns` edges (the 50 % rule
///   would count them twice through the chain): they and every other interest type
///   (`votingRights`, `boardMember`, `settlor`, …) are kept as attributes of the subject
///   (`bods.indirect_owner.<party>`, `bods.control.<party>`). Ended interests (`endDate`) are
///   left out. An unspecified interested party (`{"reason": …}`) is an info `bods-unspecified`.
///
/// Rule ids: `bods-statement`, `bods-history`, `bods-unspecified`, `bods-interest`,
/// `json-syntax`. Provenance: statement line and JSON pointer (`/<index>`).
enum BODSReader {
  private struct Statement {
    var value: JSONValue
    var at: Provenance
    var order: Int
  }

  static func read(bytes: [UInt8], path: String, limits: JSONLimits, policy: BODSSharePolicy) -> IngestedInputs {
    var result = IngestedInputs()
    var summary = InputFileSummary(path: path, kind: .bods)
    var statements: [Statement] = []
    func add(_ value: JSONValue, line: Int, index: Int) {
      summary.recordsRead += 1
      let at = Provenance(file: path, line: line, pointer: "/\(index)")
      guard value["recordId"]?.stringValue != nil, let type = value["recordType"]?.stringValue,
        ["entity", "person", "relationship"].contains(type), value["recordDetails"]?.objectValue != nil
      else {
        result.findings.add(
          .error, .bodsStatement, at: at,
          "a statement needs a recordId, a recordType of entity, person or relationship, and recordDetails; not read")
        summary.recordsRejected += 1
        return
      }
      statements.append(Statement(value: value, at: at, order: statements.count))
    }
    var parser = JSONParser(bytes: bytes, limits: limits)
    do {
      if parser.peek() == UInt8(ascii: "[") {
        try parser.beginArray()
        var index = 0
        while try parser.nextElement() {
          let line = parser.nextLine()
          add(try parser.readValue(), line: line, index: index)
          index += 1
        }
        try parser.expectEnd()
      } else {
        var index = 0
        while !parser.isAtEnd() {
          let line = parser.nextLine()
          add(try parser.readValue(), line: line, index: index)
          index += 1
        }
      }
    } catch {
      result.findings.add(JSONInputReader.syntaxFinding(error, path: path))
      summary.recordsRejected += 1
      summary.recordsRead += 1
    }
    // The newest statement of each record, in file order of first appearance.
    var newest: [String: Statement] = [:]
    var order: [String] = []
    var replaced = 0
    for statement in statements {
      let id = statement.value["recordId"]!.stringValue!
      guard let current = newest[id] else {
        newest[id] = statement
        order.append(id)
        continue
      }
      replaced += 1
      let date = statement.value["statementDate"]?.stringValue ?? ""
      let currentDate = current.value["statementDate"]?.stringValue ?? ""
      if date >= currentDate { newest[id] = statement }
    }
    var closed = 0
    for id in order {
      let statement = newest[id]!
      summary.recordsAccepted += 1
      if statement.value["recordStatus"]?.stringValue == "closed" {
        closed += 1
        continue
      }
      switch statement.value["recordType"]?.stringValue {
      case "entity": result.entities.append(entity(id, statement.value["recordDetails"]!, at: statement.at))
      case "person": result.entities.append(person(id, statement.value["recordDetails"]!, at: statement.at))
      default: relationship(statement.value["recordDetails"]!, at: statement.at, policy: policy, into: &result)
      }
    }
    summary.recordsAccepted += replaced
    if replaced > 0 || closed > 0 {
      result.findings.add(
        .info, .bodsHistory, at: Provenance(file: path),
        "\(replaced) statement(s) replaced by a newer statement of the same record, \(closed) record(s) closed; only the newest open statement of each record counts")
    }
    result.files.append(summary)
    return result
  }

  private static func entity(_ id: String, _ details: JSONValue, at: Provenance) -> EntityRecord {
    var record = EntityRecord(id: id, kind: .company, provenance: at)
    record.name = details["name"]?.stringValue
    if let code = details["jurisdiction"]?["code"]?.stringValue ?? details["incorporatedInJurisdiction"]?["code"]?.stringValue,
      case .valid(let valid) = CountryCode.read(code)
    {
      record.country = valid
    }
    if let type = details["entityType"]?["type"]?.stringValue { record.attributes.append(Attribute("bods.entity_type", type)) }
    for identifier in details["identifiers"]?.arrayValue ?? [] {
      guard let value = identifier["id"]?.stringValue else { continue }
      let scheme = identifier["scheme"]?.stringValue ?? identifier["schemeName"]?.stringValue ?? "unknown"
      if scheme == "XI-LEI", IdentifierCheck.isValidLEI(value), record.identifiers.lei == nil {
        record.identifiers.lei = value
      } else {
        record.attributes.append(Attribute("bods.identifier.\(scheme)", value))
      }
    }
    if details["publicListing"]?["hasPublicListing"]?.boolValue == true {
      record.attributes.append(Attribute("bods.public_listing", "true"))
    }
    return record
  }

  private static func person(_ id: String, _ details: JSONValue, at: Provenance) -> EntityRecord {
    var record = EntityRecord(id: id, kind: .person, provenance: at)
    if let name = details["names"]?.arrayValue?.first {
      record.name = name["fullName"]?.stringValue
        ?? [name["givenName"]?.stringValue, name["familyName"]?.stringValue].compactMap { $0 }.joined(separator: " ")
      record.aliases = (details["names"]?.arrayValue ?? []).dropFirst().compactMap { $0["fullName"]?.stringValue }
    }
    if let code = details["nationalities"]?.arrayValue?.first?["code"]?.stringValue, case .valid(let valid) = CountryCode.read(code) {
      record.country = valid
    }
    if let type = details["personType"]?.stringValue { record.attributes.append(Attribute("bods.person_type", type)) }
    return record
  }

  private static func relationship(_ details: JSONValue, at: Provenance, policy: BODSSharePolicy, into result: inout IngestedInputs) {
    guard let subject = details["subject"]?.stringValue else {
      result.findings.add(.warning, .bodsStatement, at: at, "relationship without a subject record id; not read")
      return
    }
    guard let party = details["interestedParty"]?.stringValue else {
      let reason = details["interestedParty"]?["reason"]?.stringValue ?? "no reason given"
      result.findings.add(
        .info, .bodsUnspecified, at: at, "interested party of '\(subject)' is unspecified (\(reason)); no owner recorded")
      return
    }
    var share: Double?
    var hasDirectHolding = false
    var others: [String] = []
    for interest in details["interests"]?.arrayValue ?? [] {
      let type = interest["type"]?.stringValue ?? "unspecified"
      if interest["endDate"]?.stringValue != nil {
        result.findings.add(.info, .bodsInterest, at: at, "\(type) interest of '\(party)' in '\(subject)' has ended; not counted")
        continue
      }
      let direct = interest["directOrIndirect"]?.stringValue ?? "unknown"
      let value = interest["share"].flatMap { shareValue($0, policy: policy) }
      if type == "shareholding", direct == "direct" {
        hasDirectHolding = true
        if let value, share == nil { share = value }
      } else if type == "shareholding" {
        result.entities.append(
          EntityRecord(
            id: subject,
            attributes: [Attribute("bods.indirect_owner.\(party)", value.map { InterchangeValues.text(.number($0)) + "%" } ?? "unknown share")],
            provenance: at))
      } else {
        others.append(direct == "direct" ? type : "\(type) (\(direct))")
      }
    }
    if !others.isEmpty {
      result.entities.append(
        EntityRecord(id: subject, attributes: [Attribute("bods.control.\(party)", others.joined(separator: ", "))], provenance: at))
    }
    guard hasDirectHolding else { return }
    var record = RelationshipRecord(from: party, to: subject, type: .owns, provenance: at)
    if let share, share > 0, share <= 100 { record.share = share }
    result.relationships.append(record)
  }

  /// The share of a BODS `share` object: `exact`, else the range through `policy`.
  private static func shareValue(_ share: JSONValue, policy: BODSSharePolicy) -> Double? {
    if let exact = share["exact"]?.numberValue { return exact }
    let low = share["minimum"]?.numberValue ?? share["exclusiveMinimum"]?.numberValue
    let high = share["maximum"]?.numberValue ?? share["exclusiveMaximum"]?.numberValue
    switch (low, high) {
    case (nil, nil): return nil
    case (let low?, nil): return low
    case (nil, let high?): return high
    case (let low?, let high?):
      switch policy {
      case .minimum: return low
      case .maximum: return high
      case .midpoint: return (low + high) / 2
      }
    }
  }
}
