import TierscanCore

/// Reads FollowTheMoney entities as JSON lines (an OpenSanctions `entities.ftm.json` export) as
/// a risk list (SPEC §2.4 rows, one per topic and country).
///
/// - `Company`, `Organization`, `LegalEntity`, `PublicBody` and `Person` entities are read:
///   `name` (first) → name, other names, `alias` and `previousName` → aliases, `country` and
///   `jurisdiction` → country (resolved as SPEC §2; one row per distinct country), `leiCode`,
///   `dunsCode`, `vatCode` → identifiers (invalid LEI/DUNS dropped with a warning),
///   `registrationNumber`, `innCode`, `ogrnCode`, `imoNumber`, `weakAlias` → attributes,
///   `topics` → one row per topic with ``RiskListEntry/topic`` set (the risk config's
///   `ftm_topics` maps a topic to a category), `datasets` → list name, `first_seen` (date part)
///   → `listed_on`, the FtM `id` → `reference`.
/// - `Sanction` entities add `authority`, `program` and `listingDate` (which then wins as
///   `listed_on`) to the entity they name.
/// - Every other schema (`Vessel`, `Address`, `Ownership`, …) is ignored and counted in one info
///   finding `ftm-ignored`; an entity without topics gives no row (counted in `ftm-no-topic`).
///
/// Provenance: the line and JSON pointer `/<line index>` of the entity's line.
enum FtMReader {
  static let entitySchemas: Set<String> = ["Company", "Organization", "LegalEntity", "PublicBody", "Person"]

  private struct Sanction {
    var authority: String?
    var program: String?
    var listingDate: String?
  }

  static func read(bytes: [UInt8], path: String, limits: JSONLimits) -> IngestedInputs {
    var result = IngestedInputs()
    var summary = InputFileSummary(path: path, kind: .ftm)
    var countries = InterchangeCountries()
    var ignored: [(schema: String, count: Int)] = []
    var withoutTopic = 0
    var sanctions: [String: Sanction] = [:]
    var rowsByEntity: [String: [Int]] = [:]
    var lineStart = 0
    var lineNumber = 0
    while lineStart < bytes.count {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
      lineNumber += 1
      defer { lineStart = lineEnd + 1 }
      let lineBytes = Array(bytes[lineStart..<lineEnd])
      guard lineBytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
      summary.recordsRead += 1
      let at = Provenance(file: path, line: lineNumber, pointer: "/\(lineNumber - 1)")
      let value: JSONValue
      do {
        value = try JSONParser.parse(bytes: lineBytes, limits: limits)
      } catch {
        result.findings.add(
          .error, .jsonSyntax, at: Provenance(file: path, line: lineNumber, column: error.column, pointer: at.pointer),
          "\(error.message); line not read")
        summary.recordsRejected += 1
        continue
      }
      guard let schema = value["schema"]?.stringValue, let properties = value["properties"], properties.objectValue != nil
      else {
        result.findings.add(.error, .ftmEntity, at: at, "an FtM entity needs a string schema and a properties object; line not read")
        summary.recordsRejected += 1
        continue
      }
      let id = value["id"]?.stringValue
      func strings(_ key: String) -> [String] {
        (properties[key]?.arrayValue ?? properties[key].map { [$0] } ?? []).compactMap(\.stringValue)
          .filter { !$0.isEmpty }
      }
      if schema == "Sanction" {
        for entity in strings("entity") {
          sanctions[entity] = Sanction(
            authority: strings("authority").first, program: strings("program").first,
            listingDate: strings("listingDate").first.flatMap(InterchangeValues.datePart))
        }
        summary.recordsAccepted += 1
        continue
      }
      guard entitySchemas.contains(schema) else {
        if let i = ignored.firstIndex(where: { $0.schema == schema }) { ignored[i].count += 1 } else { ignored.append((schema, 1)) }
        summary.recordsAccepted += 1
        continue
      }
      let names = strings("name")
      guard let name = names.first else {
        result.findings.add(.error, .ftmEntity, at: at, "\(schema) '\(id ?? "?")' has no name; line not read")
        summary.recordsRejected += 1
        continue
      }
      let topics = strings("topics")
      guard !topics.isEmpty else {
        withoutTopic += 1
        summary.recordsAccepted += 1
        continue
      }
      var identifiers = Identifiers()
      for lei in strings("leiCode") {
        if IdentifierCheck.isValidLEI(lei) { identifiers.lei = identifiers.lei ?? lei } else {
          result.findings.add(.warning, .invalidLei, at: at, "leiCode '\(lei)' is not a valid LEI; dropped")
        }
      }
      for duns in strings("dunsCode") {
        let canonical = IdentifierCheck.canonicalDUNS(duns)
        if IdentifierCheck.isValidDUNS(canonical) { identifiers.duns = identifiers.duns ?? canonical } else {
          result.findings.add(.warning, .invalidDuns, at: at, "dunsCode '\(duns)' is not a valid DUNS; dropped")
        }
      }
      identifiers.vat = strings("vatCode").first
      var attributes: [Attribute] = [Attribute("ftm_schema", schema)]
      for key in ["registrationNumber", "innCode", "ogrnCode", "taxNumber", "weakAlias"] {
        for text in strings(key) { attributes.append(Attribute("ftm_\(key)", text)) }
      }
      var aliases = Array(names.dropFirst()) + strings("alias") + strings("previousName")
      var seenAliases = Set([name])
      aliases = aliases.filter { seenAliases.insert($0).inserted }
      var codes: [String?] = []
      for (field, raw) in strings("country").map({ ("country", $0) }) + strings("jurisdiction").map({ ("jurisdiction", $0) }) {
        let code = countries.code(for: raw, field: field, at: at, findings: &result.findings, attributes: &attributes)
        if let code, !codes.contains(code) { codes.append(code) }
      }
      if codes.isEmpty { codes = [nil] }
      let datasets = (value["datasets"]?.arrayValue ?? []).compactMap(\.stringValue)
      let list = datasets.isEmpty ? "FtM \(path)" : datasets.joined(separator: ", ")
      let firstSeen = value["first_seen"]?.stringValue.flatMap(InterchangeValues.datePart)
      for topic in topics {
        for country in codes {
          if let id { rowsByEntity[id, default: []].append(result.riskList.count) }
          result.riskList.append(
            RiskListEntry(
              list: list, name: name, category: topic, country: country, aliases: aliases, identifiers: identifiers,
              listedOn: firstSeen, reference: id, provenance: at, attributes: attributes, topic: topic))
        }
      }
      summary.recordsAccepted += 1
    }
    for (entity, sanction) in sanctions.sorted(by: { $0.key.utf8Precedes($1.key) }) {
      for row in rowsByEntity[entity] ?? [] {
        result.riskList[row].authority = sanction.authority ?? result.riskList[row].authority
        result.riskList[row].listedOn = sanction.listingDate ?? result.riskList[row].listedOn
        if let program = sanction.program { result.riskList[row].attributes.append(Attribute("ftm_program", program)) }
      }
    }
    if !ignored.isEmpty {
      result.findings.add(
        .info, .ftmIgnored, at: Provenance(file: path),
        "entities of other schemas ignored: " + ignored.map { "\($0.count) \($0.schema)" }.joined(separator: ", "))
    }
    if withoutTopic > 0 {
      result.findings.add(
        .info, .ftmNoTopic, at: Provenance(file: path),
        "\(withoutTopic) entities carry no topics and give no risk-list row (a topic is what the config maps to a category)")
    }
    result.files.append(summary)
    return result
  }
}
