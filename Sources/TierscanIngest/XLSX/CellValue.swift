/// The value of one worksheet cell as stored: for formulas, the cached result.
enum CellValue: Hashable, Sendable {
  /// Text: a shared string, an inline string or a formula's string result.
  case text(String)
  /// A number with its text as written in the part (dates are serial numbers).
  case number(Double, raw: String)
  case boolean(Bool)
  /// An error value such as `#N/A`.
  case error(String)

  /// The value as text: numbers keep the text written in the part, booleans are `TRUE`/`FALSE`.
  var text: String {
    switch self {
    case .text(let value): value
    case .number(_, let raw): raw
    case .boolean(let value): value ? "TRUE" : "FALSE"
    case .error(let value): value
    }
  }
}

/// The wanted cells of one worksheet, by address.
struct Worksheet: Sendable {
  /// The sheet name as the workbook gives it.
  var name: String
  var cells: [CellAddress: CellValue] = [:]

  /// The cell at `reference` (such as `D8`), if present.
  subscript(_ reference: String) -> CellValue? {
    guard let address = CellAddress(reference) else { return nil }
    return cells[address]
  }

  /// The cell at a row and column.
  subscript(row row: Int, column column: Int) -> CellValue? {
    cells[CellAddress(row: row, column: column)]
  }

  /// The highest row holding a wanted cell, or 0.
  var lastRow: Int { cells.keys.reduce(0) { max($0, $1.row) } }

  /// The rows from `first` on that hold a wanted cell, ascending. Readers walk these rather than
  /// every number up to ``lastRow``: one cell at row 1,048,576 would otherwise cost a million
  /// empty look-ups per column read (a fuzzing timeout, `fuzz-regressions/xlsx-smelter-scan-timeout.xlsx`).
  ///
  /// - Complexity: O(c log c) for c wanted cells.
  func rowsWithCells(from first: Int) -> [Int] {
    var rows = Set<Int>()
    for address in cells.keys where address.row >= first { rows.insert(address.row) }
    return rows.sorted()
  }
}
