import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

@Suite struct XLSXReaderTests {
  @Test func readsEveryCellType() throws {
    let package = try WorkbookPackage(url: XLSXTestSupport.fixtures.appendingPathComponent("handmade.xlsx"), limits: .init())
    #expect(package.sheetNames == ["Data", "Other"])
    #expect(package.usesDate1904)
    let sheets = try package.readSheets([.init(name: "Data"), .init(name: "Other"), .init(name: "Absent")])
    #expect(sheets["Absent"] == nil)
    let data = try #require(sheets["Data"])
    #expect(data["A1"] == .text("plain"))
    #expect(data["B1"] == .text("Rich text runs"))
    #expect(data["C1"] == .text("東京"))  // the phonetic guide <rPh> is not text
    #expect(data["D1"] == .text("  padded\t"))  // the reader keeps whitespace; CMRT trims
    #expect(data["A2"] == .text("inline"))
    #expect(data["B2"] == .text("inline rich"))
    #expect(data["C2"] == .text("ab"))  // formula string: cached value
    #expect(data["D2"] == .number(2, raw: "2"))
    #expect(data["A3"] == .boolean(true))
    #expect(data["B3"] == .boolean(false))
    #expect(data["C3"] == .error("#N/A"))
    #expect(data["D3"] == .number(45414, raw: "45414"))
    #expect(data["E3"] == nil)  // styled but empty
    #expect(data["F3"] == nil)  // formula with an empty cached string
    #expect(data["A5"] == .number(3.25, raw: "3.25"))
    #expect(data["B5"] == .number(7, raw: "7"))  // no r attribute: next column
    #expect(data.cells.count == 14)  // 4 + 4 + 4 (row 3 without E3, F3) + 2
    #expect(sheets["Other"]?["A1"] == .text("other"))
  }

  @Test func keepsOnlyRequestedColumnsAndRows() throws {
    let package = try WorkbookPackage(url: XLSXTestSupport.fixtures.appendingPathComponent("handmade.xlsx"), limits: .init())
    let sheets = try package.readSheets([.init(name: "Data", columns: [1, 3], maxRow: 2)])
    let data = try #require(sheets["Data"])
    #expect(Set(data.cells.keys.map(\.reference)) == ["A1", "C1", "A2", "C2"])
  }

  @Test(arguments: [
    ("not_a_zip.xlsx", "not-a-zip"),
    ("csv_renamed.xlsx", "not-a-zip"),
    ("zip_bomb.xlsx", "zip-bomb"),
    ("zip_bomb_ratio.xlsx", "zip-bomb"),
    ("zip_bomb_lying.xlsx", "zip-bomb"),
    ("zip_slip.xlsx", "unsafe-zip-entry"),
    ("doctype.xlsx", "doctype-refused"),
    ("malformed_xml.xlsx", "malformed-xml"),
    ("missing_workbook_part.xlsx", "missing-part"),
    ("no_declaration.xlsx", "unrecognised-workbook"),
    ("handmade.xlsx", "unrecognised-workbook"),
    ("unknown_version.xlsx", "unknown-template-version"),
  ])
  func hostileWorkbookIsOneErrorFinding(name: String, rule: String) {
    for result in [
      WorkbookInputReader.read(XLSXTestSupport.fixture(name), options: IngestOptions()),
      WorkbookInputReader.readSmelterLookup(XLSXTestSupport.fixture(name), options: IngestOptions()),
    ] where !((rule == "unknown-template-version" || rule == "unrecognised-workbook")
      && result.findings.findings.first?.rule == .missingSheet)
    {
      #expect(result.findings.findings.map(\.rule.id) == [rule])
      #expect(result.findings.findings.first?.severity == .error)
      #expect(result.entities.isEmpty && result.relationships.isEmpty && result.workbooks.isEmpty)
      #expect(result.files.map(\.kind) == [.unrecognised])
      #expect(result.files.first?.path == name)
    }
  }

  @Test func lyingHeaderIsStoppedWhileInflating() {
    // The headers declare 4,000 bytes; 20 MiB inflate. Without the running count this would pass.
    let result = WorkbookInputReader.read(XLSXTestSupport.fixture("zip_bomb_lying.xlsx"), options: IngestOptions())
    #expect(result.findings.findings.first?.message.contains("while extracting") == true)
  }

  @Test func smallerInflateLimitRejectsOrdinaryParts() {
    var options = IngestOptions()
    options.limits.maxInflatedBytes = 1000
    let result = WorkbookInputReader.read(XLSXTestSupport.fixture("cmrt_clean.xlsx"), options: options)
    #expect(result.findings.findings.map(\.rule) == [.zipBomb])
  }

  @Test func missingFileIsAnErrorNotACrash() {
    let result = WorkbookInputReader.read(XLSXTestSupport.fixture("does_not_exist.xlsx"), options: IngestOptions())
    #expect(result.findings.findings.map(\.rule) == [.unreadableFile])
  }

  @Test func unsafeEntryNames() {
    #expect(ZipPartReader.isUnsafe("../x"))
    #expect(ZipPartReader.isUnsafe("xl/../../x"))
    #expect(ZipPartReader.isUnsafe("/etc/passwd"))
    #expect(ZipPartReader.isUnsafe("xl\\..\\x"))
    #expect(!ZipPartReader.isUnsafe("xl/worksheets/sheet1.xml"))
    #expect(!ZipPartReader.isUnsafe("xl/a..b.xml"))
  }

  @Test func cellAddresses() {
    #expect(CellAddress("F12") == CellAddress(row: 12, column: 6))
    #expect(CellAddress("$AA$3") == CellAddress(row: 3, column: 27))
    #expect(CellAddress("XFD1048576") == CellAddress(row: 1_048_576, column: 16_384))
    #expect(CellAddress("12") == nil)
    #expect(CellAddress("F") == nil)
    #expect(CellAddress("A1B") == nil)
    #expect(CellAddress.letters(1) == "A")
    #expect(CellAddress.letters(26) == "Z")
    #expect(CellAddress.letters(28) == "AB")
    #expect(CellAddress.column("T") == 20)
  }

  @Test func relationshipTargets() {
    #expect(WorkbookPackage.resolve("worksheets/sheet1.xml", against: "xl") == "xl/worksheets/sheet1.xml")
    #expect(WorkbookPackage.resolve("/xl/worksheets/sheet1.xml", against: "xl") == "xl/worksheets/sheet1.xml")
    #expect(WorkbookPackage.resolve("../customXml/item1.xml", against: "xl") == "customXml/item1.xml")
    #expect(WorkbookPackage.resolve("xl/workbook.xml", against: "") == "xl/workbook.xml")
  }
}
