/// A worksheet's rows as the text fields of a table (docs/mappings.md#workbooks).
///
/// A row's fields stop at its own last cell and at the width asked for (the header's): a row
/// never holds more fields than it has cells or than there are columns that can be read. Before,
/// every row was padded to the sheet's last column, so one stray cell at column XFD made every
/// row 16,384 fields (rows × 16,384 strings). Readers take a short row's missing fields as empty.
struct WorksheetTableRows {
  let sheet: Worksheet
  /// The last column holding a cell, per row.
  private let lastColumnOfRow: [Int: Int]
  /// The rows with a cell whose trimmed text is not empty (in any column, read or not).
  private let rowsWithText: Set<Int>
  /// The sheet's last column holding a cell, or 0.
  let lastColumn: Int

  init(_ sheet: Worksheet) {
    self.sheet = sheet
    var last: [Int: Int] = [:]
    var withText = Set<Int>()
    for (address, value) in sheet.cells {
      if address.column > last[address.row, default: 0] { last[address.row] = address.column }
      if !Self.text(of: value).isEmpty { withText.insert(address.row) }
    }
    lastColumnOfRow = last
    rowsWithText = withText
    lastColumn = last.values.max() ?? 0
  }

  /// Whether `row` has a cell with text, in any column: a row whose only text lies past the
  /// header's width is still a row (its read fields are then all empty), as when rows were padded.
  func hasText(_ row: Int) -> Bool { rowsWithText.contains(row) }

  /// The trimmed texts of `row`'s columns 1 up to its last cell, at most `width` of them (an
  /// error value or an absent cell is empty).
  func fields(of row: Int, width: Int) -> [String] {
    let last = min(lastColumnOfRow[row, default: 0], width)
    guard last > 0 else { return [] }
    return (1...last).map { column in sheet[row: row, column: column].map(Self.text(of:)) ?? "" }
  }

  /// The columns below `headerRow` that hold text but no column name reads: an empty header
  /// cell, or past the header's width, and not picked by position (`#N`, in `positions`). Each
  /// with its number of cells of text, by column. A CSV reports the same as `unnamed-column`.
  ///
  /// - Complexity: O(cells + C log C) for C such columns.
  func unnamedColumnsWithText(below headerRow: Int, header: [String], positions: Set<Int>) -> [(column: Int, cells: Int)] {
    var cells: [Int: Int] = [:]
    for (address, value) in sheet.cells where address.row > headerRow {
      let column = address.column
      let named = column <= header.count && !header[column - 1].isEmpty
      guard !named, !positions.contains(column), !Self.text(of: value).isEmpty else { continue }
      cells[column, default: 0] += 1
    }
    return cells.sorted { $0.key < $1.key }.map { (column: $0.key, cells: $0.value) }
  }

  /// A cell's trimmed text; an error value is empty.
  private static func text(of value: CellValue) -> String {
    if case .error = value { return "" }
    return value.text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A header row: its own cells, then empty names up to `width` (a mapping's `#N` column that
  /// has no header cell), never past the sheet's last column.
  func header(at row: Int, width: Int) -> [String] {
    let names = fields(of: row, width: lastColumn)
    return names + Array(repeating: "", count: max(0, min(width, lastColumn) - names.count))
  }
}
