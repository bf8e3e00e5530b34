import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// A workbook table's rows are as wide as their own cells and the header, never the sheet's last
/// column: one stray cell at column XFD (16,384) once padded every row to 16,384 fields (a
/// 263 KB workbook of 20,000 rows took 5.2 GB and 16 s in a release build).
@Suite struct WorksheetTableRowsTests {
  static let xfd = 16_384

  /// An entity sheet: `id`, `name`, then `rows` rows; with `stray`, row 3 also has a cell at XFD
  /// and row 4 has text only there.
  static func sheet(rows: Int, stray: Bool) -> Worksheet {
    var sheet = Worksheet(name: "Entities")
    sheet.cells[CellAddress(row: 1, column: 1)] = .text("id")
    sheet.cells[CellAddress(row: 1, column: 2)] = .text("name")
    for row in 2...(rows + 1) where !(stray && row == 4) {
      sheet.cells[CellAddress(row: row, column: 1)] = .text("E\(row)")
      sheet.cells[CellAddress(row: row, column: 2)] = .text("Entity \(row)")
    }
    if stray {
      sheet.cells[CellAddress(row: 3, column: xfd)] = .text("stray")
      sheet.cells[CellAddress(row: 4, column: xfd)] = .text("only here")
    }
    return sheet
  }

  @Test func rowsStopAtTheirLastCellAndTheHeaderWidth() {
    let table = WorksheetTableRows(Self.sheet(rows: 1000, stray: true))
    #expect(table.lastColumn == Self.xfd)
    let header = table.header(at: 1, width: 0)
    #expect(header == ["id", "name"])
    var fields = 0
    for row in 2...1001 { fields += table.fields(of: row, width: header.count).count }
    #expect(fields == 1000 * 2)  // 16,384,000 when rows were padded to the sheet's last column
    #expect(table.fields(of: 3, width: 2) == ["E3", "Entity 3"])
    #expect(table.fields(of: 4, width: 2) == ["", ""])  // its only cell lies past the header
    #expect(table.fields(of: 3, width: Self.xfd).count == Self.xfd)  // a row is as wide as its own last cell
    // A row with text only past the header is still a row (read with its fields empty), as before.
    #expect(table.hasText(4))
    #expect(!table.hasText(5000))
    // A mapping's `#N` widens the header with empty names, never past the sheet's last column.
    #expect(table.header(at: 1, width: 5) == ["id", "name", "", "", ""])
    #expect(WorksheetTableRows(Self.sheet(rows: 3, stray: false)).header(at: 1, width: 5) == ["id", "name"])
  }

  /// The same workbook with and without the stray cells reads the same entities and findings
  /// (the row with text only at XFD is a rejected row in both, as when rows were padded).
  @Test func strayCellAtXFDReadsLikeTheWorkbookWithoutIt() throws {
    func workbook(stray: Bool) -> Data {
      let sheet = Self.sheet(rows: 3000, stray: stray)
      return oneSheetWorkbook(sheet.cells.map { (row: $0.key.row, column: $0.key.column, text: $0.value.text) })
    }
    let plain = WorkbookInputReader.read(data: workbook(stray: false), displayPath: "t.xlsx", options: IngestOptions())
    let stray = WorkbookInputReader.read(data: workbook(stray: true), displayPath: "t.xlsx", options: IngestOptions())
    #expect(plain.entities.count == 3000)
    #expect(stray.entities.map(\.id) == plain.entities.map(\.id).filter { $0 != "E4" })
    #expect(stray.files.first?.recordsRead == 3000)
    #expect(stray.files.first?.recordsRejected == 1)
    #expect(stray.findings.findings.map(\.rule).contains(.missingField))
  }
}
