import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// Real third-party workbooks under ../shared/realdata/cmrt (never committed). Expected figures
/// were counted independently with openpyxl (rows 5+ of `Smelter List` with a value in A–F;
/// CIDs in F; duplicates = rows repeating an earlier CID+metal).
@Suite(.enabled(if: XLSXTestSupport.hasRealData)) struct CMRTRealDataTests {
  struct Filled: Sendable, CustomStringConvertible {
    var path: String
    var company: String?
    var rows: Int
    var distinctCIDs: Int
    var metals: [String: Int]
    var duplicates: Int
    var products: Int
    var effectiveDate: String?
    var description: String { path }
  }

  static let mineral = "wwww13wwww_mineral-system/"
  static let filled: [Filled] = [
    Filled(
      path: mineral + "RMI_CMRT_6.4_HEM_Honeywell_r1 (4) 更新版本.xlsx", company: "Honeywell International", rows: 40,
      distinctCIDs: 39, metals: ["tungsten": 18, "tantalum": 22], duplicates: 1, products: 0,
      effectiveDate: "2024-05-02"),
    Filled(
      path: mineral + "RMI_CMRT_6.4_JX Advanced Metals Corporation.xlsx", company: "JX Advanced Metals Corporation",
      rows: 27, distinctCIDs: 21, metals: ["tantalum": 16, "tungsten": 11], duplicates: 6, products: 3,
      effectiveDate: "2024-05-30"),
    Filled(
      path: mineral + "RMI_CMRT_6.4_PKG_DE00 20240710.xlsx", company: nil, rows: 67, distinctCIDs: 67,
      metals: ["tin": 33, "gold": 34], duplicates: 0, products: 0, effectiveDate: nil),
    Filled(
      path: mineral + "RMI_CMRT_6.4_20240509(WF6)_SK.xlsx", company: "SK specialty Co., Ltd", rows: 2, distinctCIDs: 2,
      metals: ["tungsten": 2], duplicates: 0, products: 1, effectiveDate: "2024-05-09"),
    Filled(
      path: mineral + "RMI_CMRT_6.4_20240426_CG20240510_基佳giga.xlsx", company: "Central Glass Co., Ltd.", rows: 4,
      distinctCIDs: 4, metals: ["tungsten": 4], duplicates: 0, products: 0, effectiveDate: "2024-05-10"),
    Filled(
      path: mineral + "RMI_WF6_CMRT_6.4_Apr2024_Merck.xlsx",
      company: "EMD Electronics, a business of Merck KGaA, Darmstadt, Germany", rows: 1, distinctCIDs: 1,
      metals: ["tungsten": 1], duplicates: 0, products: 1, effectiveDate: "2024-04-30"),
  ]

  @Test(arguments: filled) func filledWorkbook(_ expected: Filled) throws {
    let result = WorkbookInputReader.read(XLSXTestSupport.real(expected.path), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == "6.4" && workbook.template == "CMRT")
    #expect(workbook.companyName == expected.company)
    #expect(workbook.smelters.count == expected.rows)
    #expect(workbook.distinctCIDs.count == expected.distinctCIDs)
    #expect(Dictionary(grouping: workbook.smelters, by: { $0.metal ?? "" }).mapValues(\.count) == expected.metals)
    #expect(result.findings.findings.filter { $0.rule == .duplicateSmelterRow }.count == expected.duplicates)
    #expect(workbook.products.count == expected.products)
    #expect(workbook.declaration.effectiveDate == expected.effectiveDate)
    #expect(!result.findings.hasErrors)
    // Every row has a CID in these files, so every row is a smelter entity and a supplies edge.
    #expect(result.relationships.count == expected.rows)
    #expect(result.relationships.allSatisfy { $0.to == workbook.companyID && $0.provenance.sheet == "Smelter List" })
    #expect(result.entities.dropFirst().allSatisfy { $0.kind == .smelter })
    // JX row 10 gives no country (E blank, hidden S "Unknown"); every other row maps to ISO.
    let withoutCountry = result.entities.dropFirst().filter { $0.country == nil }.map(\.provenance.line)
    #expect(withoutCountry == (expected.path.contains("JX Advanced") ? [10] : []))
    #expect(workbook.smelters.map(\.row) == Array(5..<(5 + expected.rows)))
  }

  @Test func honeywellDetails() throws {
    let result = WorkbookInputReader.read(XLSXTestSupport.real(Self.filled[0].path), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.companyID == "cmrt:honeywell-international")
    #expect(workbook.declaration.effectiveDateRaw == "02-May-2024")
    #expect(workbook.declaration.scopeLetter == "C")
    #expect(workbook.metalAnswers.map { $0.answer(1) } == ["Yes", "Yes", "Yes", "Yes"])
    // Q1 Yes for tin and gold, but no such rows.
    #expect(result.findings.findings.filter { $0.rule == .cmrtUsedMetalWithoutSmelters }.map(\.location?.cell) == ["D27", "D28"])
    let duplicate = try #require(result.findings.findings.first { $0.rule == .duplicateSmelterRow })
    #expect(duplicate.location?.line == 7 && duplicate.evidence == [Attribute("first_row", "6")])
    let first = workbook.smelters[0]
    #expect(first.cid == "CID002044" && first.countryISO == "AT" && first.sourceOfID == nil)
    #expect(first.raw.contains(Attribute("G", "0")))
    #expect(workbook.smelters.contains { $0.cid == "CID000766" })
  }

  @Test func pkgHasABlankCompany() throws {
    let result = WorkbookInputReader.read(XLSXTestSupport.real(Self.filled[2].path), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.companyID == "cmrt:RMI_CMRT_6.4_PKG_DE00 20240710.xlsx")
    #expect(result.findings.findings.contains { $0.rule == .cmrtBlankCompany })
  }

  @Test(arguments: [
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.01.xlsx", "6.01"),
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.22.xlsx", "6.22"),
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.5.xlsx", "6.5"),
    ("wwww13wwww_mineral-system/RMI_CMRT_6.4.xlsx", "6.4"),
  ])
  func blankTemplate(path: String, version: String) throws {
    let result = WorkbookInputReader.read(XLSXTestSupport.real(path), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == version && workbook.kind == .cmrt)
    #expect(workbook.smelters.isEmpty && workbook.products.isEmpty && workbook.companyName == nil)
    #expect(result.relationships.isEmpty)
    #expect(!result.findings.hasErrors)
  }

  @Test func blankEMRT() throws {
    let result = WorkbookInputReader.read(
      XLSXTestSupport.real("cirscn_cm-reporting_templates/RMI_EMRT_2.1.xlsx"), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.kind == .emrt && workbook.template == "EMRT" && workbook.version == "2.1")
    #expect(workbook.smelters.isEmpty)
    #expect(result.findings.findings.contains { $0.rule == .emrtPartial && $0.severity == .info })
  }

  @Test(arguments: [
    ("ldenevi_ddm/2.03a_-_green.xlsx", "2.03a", "Green Status Pro"),
    ("ldenevi_ddm/3.01_-_green.xlsx", "3.01", "Green Status Pro"),
    ("ldenevi_ddm/3.01_-_high_risk.xlsx", "3.01", "Green Status Pro"),
    ("ldenevi_ddm/3.01_-_validation_needed.xlsx", "3.01", nil),
  ])
  func outdatedTemplate(path: String, version: String, company: String?) throws {
    let result = WorkbookInputReader.read(XLSXTestSupport.real(path), options: IngestOptions())
    let workbook = try #require(result.workbooks.first)
    #expect(workbook.version == version && workbook.isOutdated && workbook.companyName == company)
    #expect(result.findings.findings.contains { $0.rule == .outdatedTemplate && $0.severity == .warning })
    #expect(workbook.smelters.map(\.metal) == ["gold", "tin", "tantalum", "tungsten"])
    #expect(workbook.smelters.map(\.name) == ["Allgemeine Gold", "Alpha Metal", "Cabot Supermetals", "Ganzhou Huaxing Tungsten"])
    #expect(workbook.smelters.map(\.countryISO) == ["DE", "US", "US", "CN"])
    #expect(workbook.smelters.allSatisfy { $0.cid == nil })
    #expect(result.entities.dropFirst().map(\.id) == [
      "smelter:allgemeine gold:DE", "smelter:alpha metal:US", "smelter:cabot supermetals:US",
      "smelter:ganzhou huaxing tungsten:CN",
    ])
  }

  @Test(arguments: [
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.01.xlsx", 579, 311),
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.22.xlsx", 620, 350),
    ("cirscn_cm-reporting_templates/RMI_CMRT_6.5.xlsx", 629, 349),
    ("wwww13wwww_mineral-system/RMI_CMRT_6.4.xlsx", 652, 368),
    ("cirscn_cm-reporting_templates/RMI_EMRT_2.1.xlsx", 479, 305),
  ])
  func smelterLookup(path: String, cidRows: Int, distinct: Int) {
    let result = WorkbookInputReader.readSmelterLookup(XLSXTestSupport.real(path), options: IngestOptions())
    #expect(result.files.first?.recordsRead == cidRows)
    #expect(result.smelterLookup.count == distinct)
    #expect(Set(result.smelterLookup.map(\.cid)).count == distinct)
    #expect(result.smelterLookup.allSatisfy { $0.country != nil && $0.name != nil && $0.status == nil })
    #expect(result.findings.findings.isEmpty)
  }

  @Test func smelterLookup65PerMetal() {
    let result = WorkbookInputReader.readSmelterLookup(
      XLSXTestSupport.real("cirscn_cm-reporting_templates/RMI_CMRT_6.5.xlsx"), options: IngestOptions())
    let perMetal = Dictionary(grouping: result.smelterLookup, by: { $0.metal ?? "" }).mapValues(\.count)
    #expect(perMetal == ["gold": 182, "tin": 73, "tungsten": 59, "tantalum": 35])
    #expect(result.smelterLookup.first?.cid == "CID002763")  // 8853 S.p.A., first data row
    #expect(result.smelterLookup.first?.country == "IT")
  }

  /// Every workbook in the folder reads without a crash and yields exactly one file summary.
  @Test func everyRealWorkbookReads() throws {
    let names = try FileManager.default.subpathsOfDirectory(atPath: XLSXTestSupport.realCMRT.path)
      .filter { $0.hasSuffix(".xlsx") }.sorted()
    #expect(names.count == 15)
    for name in names {
      let result = WorkbookInputReader.read(XLSXTestSupport.real(name), options: IngestOptions())
      #expect(result.files.count == 1, "\(name)")
      #expect(!result.findings.hasErrors, "\(name)")
    }
  }
}
