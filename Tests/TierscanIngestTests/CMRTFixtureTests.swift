import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// The committed workbooks written by Scripts/make_cmrt_fixtures.py; expected values are read
/// off that script.
@Suite struct CMRTFixtureTests {
  private func read(_ name: String) -> IngestedInputs {
    WorkbookInputReader.read(XLSXTestSupport.fixture(name), options: IngestOptions())
  }

  @Test func cleanDeclaration() throws {
    let result = read("cmrt_clean.xlsx")
    #expect(result.findings.findings.isEmpty)
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.template == "CMRT" && workbook.version == "6.4" && workbook.kind == .cmrt && !workbook.isOutdated)
    #expect(workbook.companyName == "Acme Widgets Ltd")
    #expect(workbook.companyID == "cmrt:acme-widgets")
    let declaration = workbook.declaration
    #expect(declaration.scope == "A. Company" && declaration.scopeLetter == "A")
    #expect(declaration.companyUniqueID == "5493001KJTIIGC8Y1R12" && declaration.companyUniqueIDAuthority == "LEI")
    #expect(declaration.contactEmail == "pat@example.invalid" && declaration.authorizerTitle == "Director")
    #expect(declaration.effectiveDate == "2024-05-02")
    #expect(workbook.metalAnswers.map(\.metal) == [.tantalum, .tin, .gold, .tungsten])
    #expect(workbook.metalAnswers.map { $0.answer(1) } == ["Yes", "Yes", "No", "No"])
    #expect(workbook.answers(for: .tantalum)?.answer(2) == "Yes")
    #expect(workbook.answers(for: .tantalum)?.answer(6) == "100%")
    #expect(workbook.answers(for: .tin)?.answer(6) == "Greater than 90%")
    #expect(workbook.answers(for: .gold)?.isUsed == false)
    #expect(workbook.companyAnswers.map(\.question) == ["A", "B", "C", "D", "E", "F", "G", "H"])
    #expect(workbook.companyAnswers.map(\.answer) == ["Yes", "Yes", nil, nil, nil, nil, nil, "No"])
    #expect(workbook.companyAnswers[1].comment == "https://example.invalid/policy")
    #expect(workbook.products.map(\.number) == ["P-100", "P-200"])
    #expect(workbook.products.map(\.name) == ["Widget", "Gadget"])
    #expect(workbook.products[1].comments == "contains tin solder")
    #expect(workbook.products[0].provenance == Provenance(file: "cmrt_clean.xlsx", line: 6, sheet: "Product List", cell: "B6"))
  }

  @Test func cleanGraphRecords() throws {
    let result = read("cmrt_clean.xlsx")
    let company = try #require(result.entities.first)
    #expect(company.id == "cmrt:acme-widgets" && company.kind == .company && company.name == "Acme Widgets Ltd")
    #expect(company.identifiers == Identifiers(lei: "5493001KJTIIGC8Y1R12"))
    #expect(company.mergesByName)
    #expect(company.provenance == Provenance(file: "cmrt_clean.xlsx", line: 8, sheet: "Declaration", cell: "D8"))
    let smelters = Array(result.entities.dropFirst())
    #expect(smelters.map(\.id) == ["CID002500", "CID001070", "smelter:unlisted tin works:AU"])
    #expect(smelters.map(\.name) == ["Example Tantalum Smelter", "Example Tin Smelter Standard", "Unlisted Tin Works Pty Ltd"])
    #expect(smelters.map(\.country) == ["CN", "ID", "AU"])
    #expect(smelters.map(\.kind) == [.smelter, .smelter, .smelter])
    #expect(smelters.map(\.identifiers.cid) == ["CID002500", "CID001070", nil])
    #expect(smelters[1].aliases == ["Example Tin Smelter"])  // C look-up name, D blank so R names it
    #expect(smelters[2].aliases.isEmpty)  // "Smelter not listed" is never an alias
    #expect(result.relationships.map(\.from) == ["CID002500", "CID001070", "smelter:unlisted tin works:AU"])
    #expect(result.relationships.allSatisfy { $0.to == "cmrt:acme-widgets" && $0.type == .supplies })
    #expect(result.relationships.map(\.commodity) == ["tantalum", "tin", "tin"])
    #expect(result.relationships[0].provenance == Provenance(file: "cmrt_clean.xlsx", line: 5, sheet: "Smelter List", cell: "F5"))
    #expect(result.relationships[1].attributes == [Attribute("source_of_id", "RMI"), Attribute("recycled_or_scrap", "No")])
    #expect(result.files == [InputFileSummary(path: "cmrt_clean.xlsx", kind: .cmrt, recordsRead: 4, recordsAccepted: 4)])
  }

  @Test func messyWorkbook() throws {
    let result = read("cmrt_messy.xlsx")
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == "6.22")
    #expect(workbook.companyName == "Messy Metals GmbH")  // tab padding trimmed
    #expect(workbook.companyID == "cmrt:messy-metals")
    #expect(result.entities[0].identifiers == Identifiers(duns: "123456789"))  // 12-345-6789, authority DUNS
    #expect(workbook.declaration.effectiveDate == "2024-05-02")
    #expect(workbook.declaration.effectiveDateRaw == "02-May-2024")
    #expect(workbook.answers(for: .tantalum)?.answer(1) == "Yes")  // "Yes\t"
    #expect(workbook.answers(for: .tantalum)?.answer(6) == "100%")  // number 1 in a percentage cell
    #expect(workbook.smelters.map(\.row) == [5, 6, 7, 8, 9, 10, 11, 12])
    #expect(workbook.distinctCIDs == ["CID001522", "CID002082", "CID002320"])
    #expect(workbook.smelters.map(\.entityID) == [
      "CID001522", "CID001522", "smelter:no id tin:US", "smelter:half known tin:", nil, "smelter:typo smelter:KR",
      "CID002082", "CID002320",
    ])
    #expect(workbook.smelters.map(\.countryISO) == ["CN", "CN", "US", nil, nil, "KR", "VN", nil])
    let first = workbook.smelters[0]
    #expect(first.smelterID == "CID001522" && first.sourceOfID == nil && first.street == nil)  // 0 placeholders
    #expect(first.lookupName == "Example Ta")
    #expect(first.raw.contains(Attribute("F", "CID001522\t")))
    #expect(first.raw.contains(Attribute("G", "0")))
    #expect(workbook.smelters[2].name == "No Id Tin Co., Ltd." && workbook.smelters[2].mineNames == nil)
    #expect(XLSXTestSupport.rules(result) == [
      "smelter-not-listed-incomplete@F8",
      "smelter-unidentified@F9",
      "malformed-cid@F10",
      "unknown-country@F12",
      "cmrt-missing-field@D10",
      "cmrt-used-metal-without-smelters@D28",
      "cmrt-smelters-for-unused-metal@F11",
      "duplicate-smelter-row@F6",
    ])
    #expect(result.findings.findings.allSatisfy { $0.severity == .warning })
    // Duplicate rows stay separate evidence: two parallel edges for CID001522.
    #expect(result.relationships.filter { $0.from == "CID001522" }.map(\.provenance.line) == [5, 6])
    #expect(result.entities.count == 8 && result.relationships.count == 7)
  }

  @Test func blankCompanyIsNamedAfterTheFile() throws {
    let result = read("cmrt_blank_company.xlsx")
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == "6.5" && workbook.companyName == nil)
    #expect(workbook.companyID == "cmrt:cmrt_blank_company.xlsx")
    #expect(result.entities[0].mergesByName == false)
    #expect(workbook.declaration.effectiveDate == nil && workbook.declaration.effectiveDateRaw == "sometime in May")
    #expect(XLSXTestSupport.rules(result) == ["cmrt-blank-company@D8", "cmrt-missing-field@D8", "cmrt-invalid-date@D22"])
    #expect(result.relationships.map(\.to) == ["cmrt:cmrt_blank_company.xlsx"])
  }

  @Test func emrtIsRecognised() throws {
    let result = read("emrt_2x.xlsx")
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.kind == .emrt && workbook.template == "EMRT" && workbook.version == "2.1")
    #expect(workbook.companyID == "cmrt:cobalt-buyer")
    #expect(workbook.metalAnswers.isEmpty)
    #expect(result.relationships.map(\.commodity) == ["cobalt"])
    #expect(XLSXTestSupport.rules(result) == ["emrt-partial"])
    #expect(result.files.map(\.kind) == [.emrt])
  }

  @Test func outdatedTemplate2x() throws {
    let result = read("cmrt_2x.xlsx")
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == "2.03a" && workbook.isOutdated)
    #expect(workbook.companyName == "Old Template Inc.")
    #expect(workbook.smelters.map(\.name) == ["Example Gold", "Legacy Tin"])
    #expect(workbook.smelters.map(\.street) == ["Street 1", nil])  // 2.x: street in G
    #expect(workbook.smelters.map(\.comments) == ["old comment", nil])  // 2.x: comments in O
    #expect(workbook.smelters.map(\.entityID) == ["smelter:example gold:DE", "smelter:legacy tin:CN"])
    #expect(XLSXTestSupport.rules(result) == ["outdated-template@J3", "legacy-smelter-id@F6"])
  }

  @Test func missingSmelterListKeepsTheDeclaration() throws {
    let result = read("missing_smelter_list.xlsx")
    #expect(XLSXTestSupport.rules(result) == ["missing-sheet"])
    #expect(result.workbooks.first?.companyName == "No List Co")
    #expect(result.entities.map(\.id) == ["cmrt:no-list"])
  }

  @Test func smelterLookup() {
    let result = WorkbookInputReader.readSmelterLookup(XLSXTestSupport.fixture("cmrt_clean.xlsx"), options: IngestOptions())
    #expect(result.smelterLookup.map(\.cid) == ["CID002500", "CID001070", "CID000015"])
    #expect(result.smelterLookup.map(\.metal) == ["tantalum", "tin", "gold"])
    #expect(result.smelterLookup.map(\.name) == ["Example Tantalum Smelter", "Example Tin Smelter Standard", "Example Gold Refinery"])
    #expect(result.smelterLookup.map(\.country) == ["CN", "ID", "US"])
    #expect(result.smelterLookup.allSatisfy { $0.status == nil })
    #expect(result.smelterLookup[0].provenance == Provenance(file: "cmrt_clean.xlsx", line: 5, sheet: "Smelter Look-up", cell: "E5"))
    #expect(XLSXTestSupport.rules(result) == ["malformed-cid@E10"])
    #expect(result.files == [InputFileSummary(path: "cmrt_clean.xlsx", kind: .smelterLookup, recordsRead: 5, recordsAccepted: 4, recordsRejected: 1)])
    #expect(result.entities.isEmpty && result.workbooks.isEmpty)
  }

  @Test func graphBuilderMergesTheDeclaringCompanyByName() throws {
    var inputs = IngestedInputs()
    inputs.entities.append(EntityRecord(id: "ACME", name: "ACME WIDGETS LIMITED", provenance: Provenance(file: "e.csv", line: 2)))
    inputs.append(read("cmrt_clean.xlsx"))
    var findings = FindingLog()
    let graph = GraphBuilder().build(
      entityRecords: inputs.entities, relationshipRecords: inputs.relationships, findings: &findings)
    let index = try #require(graph.index(of: "cmrt:acme-widgets"))
    #expect(graph[index].id == "ACME")
    #expect(findings.findings.map(\.rule).contains(.nameMerge))
  }
}
