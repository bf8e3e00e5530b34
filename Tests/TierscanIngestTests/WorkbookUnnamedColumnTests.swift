import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// Values in a workbook table's columns that no header name reads (an empty header cell, or past
/// the header) are ignored, as a CSV's unnamed columns are, and said so: one `unnamed-column`
/// info at the header row. Before, they vanished without a word.
@Suite struct WorkbookUnnamedColumnTests {
  /// `id`, `name`, an empty header cell, `country`; values under the empty header (C) and past
  /// the header (F); blank text does not count.
  static let cells: [(row: Int, column: Int, text: String)] = [
    (1, 1, "id"), (1, 2, "name"), (1, 3, " "), (1, 4, "country"),
    (2, 1, "E1"), (2, 2, "Acme"), (2, 3, "note one"), (2, 4, "CN"),
    (3, 1, "E2"), (3, 2, "Beta"), (3, 3, "note two"), (3, 4, "VN"), (3, 6, "side remark"),
    (4, 1, "E3"), (4, 2, "Gamma"), (4, 6, "  "),
  ]

  @Test func columnsWithoutANameAreCountedByColumn() {
    var sheet = Worksheet(name: "Entities")
    for cell in Self.cells { sheet.cells[CellAddress(row: cell.row, column: cell.column)] = .text(cell.text) }
    let table = WorksheetTableRows(sheet)
    let header = table.header(at: 1, width: 0)
    let columns = table.unnamedColumnsWithText(below: 1, header: header, positions: [])
    #expect(columns.map(\.column) == [3, 6])
    #expect(columns.map(\.cells) == [2, 1])
    // A column picked by position (`#3` in a mapping) is read, so it is not unnamed.
    #expect(table.unnamedColumnsWithText(below: 1, header: header, positions: [3]).map(\.column) == [6])
    // Nothing below the last row.
    #expect(table.unnamedColumnsWithText(below: 4, header: header, positions: []).isEmpty)
  }

  @Test func readingTheWorkbookSaysWhichValuesAreIgnored() {
    let read = WorkbookInputReader.read(data: oneSheetWorkbook(Self.cells), displayPath: "t.xlsx", options: IngestOptions())
    #expect(read.entities.map(\.id) == ["E1", "E2", "E3"])
    let unnamed = read.findings.findings.filter { $0.rule == .unnamedColumn }
    #expect(unnamed.count == 1)
    #expect(unnamed.first?.severity == .info)
    #expect(unnamed.first?.location?.line == 1)
    #expect(unnamed.first?.message == "columns C (2), F (1) have values but no header name; these 3 values are ignored")
  }

  @Test func aTableWithEveryColumnNamedSaysNothing() {
    let named = Self.cells.filter { $0.column != 3 && $0.column != 6 }
    let read = WorkbookInputReader.read(data: oneSheetWorkbook(named), displayPath: "t.xlsx", options: IngestOptions())
    #expect(read.entities.count == 3)
    #expect(!read.findings.findings.contains { $0.rule == .unnamedColumn })
  }
}
