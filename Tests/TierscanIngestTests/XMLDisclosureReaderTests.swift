import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

@Suite("XML disclosure (SPEC §2.7)")
struct XMLDisclosureReaderTests {
  private func edgeLine(_ r: RelationshipRecord) -> String {
    var text = "\(r.from)>\(r.to):\(r.type.rawValue)"
    if let commodity = r.commodity { text += ":\(commodity)" }
    if let hsCode = r.hsCode { text += ":hs=\(hsCode)" }
    if let share = r.share { text += ":share=\(share)" }
    if let basis = r.basis { text += ":\(basis.rawValue)" }
    if let confidence = r.confidence { text += ":c=\(confidence)" }
    return text + "@\(r.provenance.line ?? -1)"
  }

  @Test(arguments: [false, true])
  func nestedDisclosureGivesExactRecords(validating: Bool) {
    let result = XMLFixtures.read("nested.xml", validating: validating)
    #expect(result.entities.map { "\($0.id)@\($0.provenance.line ?? -1)" } == [
      "ACME@3", "S1@6", "S1-F1@9", "H1@10", "CID001070@12", "S1-1@13", "M1@19", "S2@20",
    ])
    #expect(result.relationships.map(edgeLine) == [
      "S1>ACME:supplies:cotton:hs=5201:declared@6",
      "S1>ACME:supplies:polyester:declared@6",
      "S1>S1-F1:operates@9",
      "H1>S1:owns:share=60.0:c=0.8@10",
      "CID001070>S1:supplies:tin@12",
      "S1-1>S1:supplies:observed@13",
      "ACME>M1:operates:inferred@19",
      "S2>ACME:supplies@20",
    ])
    #expect(result.relationships.allSatisfy { $0.reportingYear == 2025 && $0.provenance.file == "xml/nested.xml" })
    let byID = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0) })
    #expect(byID["ACME"]?.identifiers == Identifiers(lei: "5493001KJTIIGC8Y1R12"))
    #expect(byID["ACME"]?.attributes == [Attribute("disclosure:generator", "hand")])
    #expect(byID["ACME"]?.country == "GB")
    #expect(byID["S1"]?.identifiers == Identifiers(duns: "123456789"))
    #expect(byID["S1"]?.attributes == [Attribute("tier", "1")])
    #expect(byID["S1"]?.name == "Shenzhen Widget Co")
    #expect(byID["S1-F1"]?.kind == .facility)
    #expect(byID["M1"]?.kind == .mine)
    #expect(byID["CID001070"]?.kind == .smelter)
    #expect(byID["CID001070"]?.identifiers == Identifiers(cid: "CID001070"))
    #expect(byID["CID001070"]?.commodities == ["tin"])
    #expect(byID["S1-1"]?.country == "GB")
    #expect(byID["S2"]?.country == nil)
    #expect(byID["S2"]?.identifiers.isEmpty == true)
    #expect(XMLFixtures.places(result) == ["country-resolved@13", "unknown-country@20", "invalid-identifier@21"])
    #expect(byID["S2"]?.attributes.contains(Attribute("unresolved_country", "XX")) == true)
    #expect(result.findings.findings.map(\.severity) == [.info, .warning, .warning])
    #expect(result.files == [
      InputFileSummary(path: "xml/nested.xml", kind: .disclosure, recordsRead: 8, recordsAccepted: 8, recordsRejected: 0)
    ])
  }

  @Test func mergesWithCSVRecordsByIDAndLEI() {
    let xml = XMLFixtures.read("nested.xml")
    let csv = Provenance(file: "entities.csv", line: 2)
    let entities = xml.entities + [
      EntityRecord(id: "ACME-UK", name: "Acme Ltd", identifiers: Identifiers(lei: "5493001KJTIIGC8Y1R12"), provenance: csv),
      EntityRecord(id: "S1", sector: "textiles", provenance: Provenance(file: "entities.csv", line: 3)),
    ]
    let relationships = xml.relationships + [
      RelationshipRecord(from: "S1", to: "ACME-UK", type: .supplies, commodity: "buttons", provenance: csv)
    ]
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: entities, relationshipRecords: relationships, findings: &findings)
    #expect(graph.entityCount == 8)
    #expect(graph.relationshipCount == 9)
    let acme = graph.index(of: "ACME")
    #expect(acme != nil && graph.index(of: "ACME-UK") == acme)
    #expect(graph[acme!].aliases.contains("ACME-UK"))
    let s1 = graph.index(of: "S1")!
    #expect(graph[s1].sector == "textiles")
    #expect(graph[s1].sources.map(\.description) == ["xml/nested.xml:6", "entities.csv:3"])
    let intoAcme = graph.relationships.filter { $0.to == acme && $0.from == s1 }
    #expect(intoAcme.map { $0.commodity ?? "-" } == ["cotton", "polyester", "buttons"])
  }

  @Test func schemaViolationsInScanMode() {
    let result = XMLFixtures.read("schema-violations.xml")
    #expect(XMLFixtures.places(result) == ["missing-attribute@4", "invalid-attribute@9", "unknown-element@10"])
    #expect(result.findings.findings.allSatisfy { $0.severity == .error })
    let messages = result.findings.findings.map(\.message)
    #expect(messages[0].hasSuffix("(3 records not read)"))
    #expect(messages[1].hasSuffix("(1 record not read)"))
    #expect(messages[2].hasSuffix("(1 record not read)"))
    #expect(result.entities.map(\.id) == ["ACME", "S1", "H2"])
    #expect(result.relationships.map(edgeLine) == ["S1>ACME:supplies@8", "H2>ACME:owns:share=40.0@14"])
    #expect(result.files == [
      InputFileSummary(
        path: "xml/schema-violations.xml", kind: .disclosure, recordsRead: 8, recordsAccepted: 3, recordsRejected: 5)
    ])
  }

  @Test func schemaViolationsInValidateMode() {
    let result = XMLFixtures.read("schema-violations.xml", validating: true)
    #expect(XMLFixtures.places(result) == ["schema-violation@4", "schema-violation@9", "schema-violation@10"])
    #expect(result.findings.findings[1].message.contains("'150'"))
    #expect(result.entities.map(\.id) == ["ACME", "S1", "H2"])
    #expect(result.files.first?.recordsRejected == 5)
  }

  private func readText(_ text: String, validating: Bool = false) throws -> IngestedInputs {
    let directory = try XMLFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("d.xml")
    try Data(text.utf8).write(to: url)
    return XMLFixtures.read(url: url, shownAs: "d.xml", validating: validating)
  }

  @Test(arguments: [false, true])
  func structureErrorsMatchBetweenModes(validating: Bool) throws {
    let text = """
      <disclosure xmlns="urn:tierscan:disclosure:1">
        <discloser id="ACME"/>
        <supplier id="S1" confidence="1.5" basis="guess"/>
        <facility id="F1" kind="smelter"/>
        <smelter cid="CID000001"/>
        <supplier id="S2"><commodity hsCode="1"/><identifier scheme="isin" value="X"/></supplier>
      </disclosure>
      """
    let result = try readText(text, validating: validating)
    if validating {
      #expect(result.findings.findings.allSatisfy { $0.rule == .schemaViolation })
      #expect(Set(result.findings.findings.compactMap(\.location?.line)) == [3, 4, 5, 6])
    } else {
      #expect(XMLFixtures.places(result) == [
        "invalid-attribute@3", "invalid-attribute@4", "missing-attribute@5", "missing-attribute@6", "invalid-attribute@6",
      ])
    }
    // S2 is kept: its bad children are dropped, so it supplies without a commodity.
    #expect(result.entities.map(\.id) == ["ACME", "S2"])
    #expect(result.relationships.map(edgeLine) == ["S2>ACME:supplies@6"])
    let summary = result.files.first
    #expect(summary?.recordsRead == 5 && summary?.recordsAccepted == 2 && summary?.recordsRejected == 3)
  }

  @Test(arguments: [false, true])
  func disclosureWithoutDiscloser(validating: Bool) throws {
    let text = "<disclosure xmlns=\"urn:tierscan:disclosure:1\">\n<supplier id=\"S1\"><supplier id=\"S2\"/></supplier>\n</disclosure>\n"
    let result = try readText(text, validating: validating)
    #expect(XMLFixtures.places(result) == [validating ? "schema-violation@2" : "missing-discloser@2"])
    #expect(result.entities.isEmpty && result.relationships.isEmpty)
    #expect(result.files.first?.recordsRead == 2 && result.files.first?.recordsRejected == 2)
    let empty = try readText("<disclosure xmlns=\"urn:tierscan:disclosure:1\"/>", validating: validating)
    #expect(XMLFixtures.places(empty) == [validating ? "schema-violation@1" : "missing-discloser@1"])
  }

  @Test func linesStayExactBeyond65535() throws {
    var text = "<disclosure xmlns=\"urn:tierscan:disclosure:1\">\n<discloser id=\"ACME\"/>\n"
    for index in 1...70_000 { text += "<supplier id=\"S\(index)\"/>\n" }
    text += "<owner id=\"H\" share=\"150\"/>\n</disclosure>\n"
    let scan = try readText(text)
    #expect(scan.entities.last?.id == "S70000")
    #expect(scan.entities.last?.provenance.line == 70_002)
    #expect(scan.relationships.last?.provenance.line == 70_002)
    #expect(XMLFixtures.places(scan) == ["invalid-attribute@70003"])
    let validated = try readText(text, validating: true)
    #expect(XMLFixtures.places(validated) == ["schema-violation@70003"])
  }
}
