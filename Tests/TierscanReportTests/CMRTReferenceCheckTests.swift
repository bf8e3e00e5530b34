import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanReport
import TierscanTestSupport

/// `cid-not-in-reference` and `smelter-country-mismatch` on hand-made rows and on the committed
/// `cmrt_clean.xlsx` fixture with a small status reference.
@Suite struct CMRTReferenceCheckTests {
  static func row(_ line: Int, cid: String?, country: String?, metal: String = "tin") -> CMRTSmelterRow {
    var row = CMRTSmelterRow(
      row: line, provenance: Provenance(file: "s.xlsx", line: line, sheet: "Smelter List", cell: "F\(line)"))
    row.cid = cid
    row.smelterID = cid
    row.metal = metal
    row.countryISO = country
    row.entityID = cid
    return row
  }

  static let workbook = CMRTWorkbook(
    file: "s.xlsx", template: "CMRT", version: "6.4", companyName: "Acme", companyID: "cmrt:acme",
    smelters: [
      row(5, cid: "CID000001", country: "CN"),  // status reference, same country
      row(6, cid: "CID000001", country: "VN"),  // status reference says CN
      row(7, cid: "CID000002", country: "ID"),  // look-up only, same country
      row(8, cid: "CID000002", country: "MY"),  // look-up says ID
      row(9, cid: "CID000003", country: "CN"),  // unknown everywhere
      row(10, cid: nil, country: "CN"),  // no CID: never checked
      row(11, cid: "CID000001", country: nil),  // no country: nothing to compare
      row(12, cid: "CID000004", country: "BR"),  // status reference without country, look-up says PE
    ])

  static let p = Provenance(file: "ref.csv", line: 2)
  static let references = [
    SmelterReference(cid: "CID000001", status: .conformant, country: "CN", provenance: p),
    SmelterReference(cid: "CID000004", status: .active, country: nil, provenance: p),
  ]
  static let lookup = [
    SmelterReference(cid: "CID000002", status: nil, country: "ID", provenance: p),
    SmelterReference(cid: "CID000004", status: nil, country: "PE", provenance: p),
  ]

  @Test func flagsUnknownCIDsAndCountryMismatchesAtTheRow() {
    let findings = CMRTReferenceCheck.findings(
      workbooks: [Self.workbook], references: Self.references, lookup: Self.lookup)
    #expect(findings.map(\.rule) == [
      .smelterCountryMismatch, .smelterCountryMismatch, .cidNotInReference, .smelterCountryMismatch,
    ])
    #expect(findings.map { $0.location?.cell } == ["F6", "F8", "F9", "F12"])
    #expect(findings.allSatisfy { $0.severity == .warning && $0.location?.sheet == "Smelter List" })
    #expect(findings[0].location == Provenance(file: "s.xlsx", line: 6, sheet: "Smelter List", cell: "F6"))
    #expect(findings[0].evidence == [
      Attribute("cid", "CID000001"), Attribute("declared_country", "VN"), Attribute("reference_country", "CN"),
    ])
    #expect(findings[3].evidence.last == Attribute("reference_country", "PE"))
  }

  @Test func silentWithoutAnyReference() {
    #expect(CMRTReferenceCheck.findings(workbooks: [Self.workbook], references: [], lookup: []).isEmpty)
  }

  @Test func aLookUpAloneIsEnoughToFlagUnknownCIDs() {
    let findings = CMRTReferenceCheck.findings(workbooks: [Self.workbook], references: [], lookup: Self.lookup)
    // CID000001 (3 rows) and CID000003 are unknown; CID000002 at row 8 disagrees with the look-up;
    // CID000004 is in the look-up (PE) and declared BR.
    #expect(findings.map { "\($0.rule)@\($0.location!.line!)" } == [
      "cid-not-in-reference@5", "cid-not-in-reference@6", "smelter-country-mismatch@8", "cid-not-in-reference@9",
      "cid-not-in-reference@11", "smelter-country-mismatch@12",
    ])
  }

  @Test func statusSources() {
    let index = CMRTReferenceIndex(references: Self.references, lookup: Self.lookup)
    #expect(index.status(of: "CID000001") == (.conformant, .reference))
    #expect(index.status(of: "CID000002") == (.unknown, .lookupOnly))
    #expect(index.status(of: "CID000003") == (.unknown, .notInReference))
    #expect(index.status(of: nil) == (.unknown, .noCID))
    #expect(CMRTReferenceIndex(references: [], lookup: []).status(of: "CID000001") == (.unknown, .noReference))
    #expect(index.hasStatusReference && index.lookupCIDCount == 2)
    #expect(!CMRTReferenceIndex(references: [], lookup: Self.lookup).hasStatusReference)
  }

  /// cmrt_clean.xlsx rows (openpyxl): 5 CID002500 tantalum CN (F5), 6 CID001070 tin ID (F6, A
  /// blank), 7 "Smelter not listed" Unlisted Tin Works Pty Ltd, AU, no CID. The reference gives
  /// CID002500 in KZ and does not know CID001070.
  @Test func fixtureThroughTheScanPipeline() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-cmrt-ref-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let reference = directory.appendingPathComponent("ref.csv")
    try Data("cid,status,name,metal,country\nCID002500,conformant,Example Tantalum Smelter,tantalum,KZ\n".utf8)
      .write(to: reference)
    let workbook = CMRTTestPaths.fixture("cmrt_clean.xlsx")
    let prepared = try ScanPipeline().prepare(ScanRequest(inputs: [workbook, reference.path]))
    let checks = prepared.findings.filter { $0.rule == .cidNotInReference || $0.rule == .smelterCountryMismatch }
    #expect(checks.map(\.rule) == [.smelterCountryMismatch, .cidNotInReference])
    #expect(checks.map(\.location) == [
      Provenance(file: workbook, line: 5, sheet: "Smelter List", cell: "F5"),
      Provenance(file: workbook, line: 6, sheet: "Smelter List", cell: "F6"),
    ])

    let rollup = CMRTRollup(inputs: prepared.inputs, graph: prepared.graph, analysis: nil)
    #expect(rollup.smelters.map(\.smelterID) == ["CID001070", "CID002500", "smelter:unlisted tin works:AU"])
    #expect(rollup.smelters.map(\.status) == [.unknown, .conformant, .unknown])
    #expect(rollup.smelters.map(\.statusSource) == [.notInReference, .reference, .noCID])
    #expect(rollup.smelters.map(\.country) == ["ID", "KZ", "AU"])
    #expect(rollup.summary(of: "tin")?.unknown == 2)
    #expect(rollup.summary(of: "tin")?.total == 2)
    #expect(rollup.summary(of: "tantalum")?.conformantShare == 1.0)
    #expect(rollup.suppliers.first?.warnings == 2)
    #expect(rollup.response == nil)
  }
}

/// Paths of committed fixtures and sample data, from this file's location.
enum CMRTTestPaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/xlsx/\(name)").path }

  static func sample(_ relative: String) -> String { root.appendingPathComponent("SampleData/2025/\(relative)").path }

  static let realData = root.deletingLastPathComponent().appendingPathComponent("shared/realdata/cmrt")
  static var hasRealData: Bool { FileManager.default.fileExists(atPath: realData.path) }
}
