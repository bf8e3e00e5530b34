import Testing

@testable import TierscanIngest

/// The sheet readers walk only the rows that hold a cell (`Worksheet.rowsWithCells(from:)`), so one
/// cell at the sheet's last row costs one row, not a million empty ones (a fuzzing timeout, kept as
/// `Tests/Fixtures/hostile/fuzz-regressions/xlsx-smelter-scan-timeout.xlsx`).
@Suite struct WorksheetRowsTests {
  @Test func rowsWithCellsAreTheDistinctRowsFromTheFirstOnAscending() {
    var sheet = Worksheet(name: "Smelter List")
    for (row, column) in [(1_048_576, 4), (7, 2), (3, 1), (7, 5), (5, 1), (4, 9)] {
      sheet.cells[CellAddress(row: row, column: column)] = .text("x\(row)")
    }
    #expect(sheet.rowsWithCells(from: 5) == [5, 7, 1_048_576])
    #expect(sheet.rowsWithCells(from: 1) == [3, 4, 5, 7, 1_048_576])
    #expect(sheet.rowsWithCells(from: 1_048_577) == [])
    #expect(Worksheet(name: "empty").rowsWithCells(from: 1) == [])
  }

  /// The walk over stored rows gives the rows a walk over every number would give.
  @Test func smelterListRowsAreTheSameAsAWalkOverEveryRow() {
    var sheet = Worksheet(name: "Smelter List")
    for row in [5, 9, 12, 40] { sheet.cells[CellAddress(row: row, column: 2)] = .text("Tin") }
    sheet.cells[CellAddress(row: 12, column: 4)] = .text("Some Smelter")
    let every = (1...sheet.lastRow).filter { row in (1...20).contains { sheet[row: row, column: $0] != nil } }
    #expect(sheet.rowsWithCells(from: 1) == every)
  }
}
