import Foundation
import TierscanCore

/// Reads a workbook that is not an RMI template as tables (docs/mappings.md#workbooks): every
/// sheet whose header row matches a kind is read like a CSV of that kind, through a mapping when
/// one applies. The header row is the row a mapping names, else the first of the sheet's first
/// 20 rows with at least two recognised column names. Provenance: `file:row [Sheet!A<row>]`.
struct WorkbookTableReader {
  let file: String
  let options: IngestOptions

  /// Rows searched for a header.
  static let headerSearchRows = 20

  /// Reads every sheet of `package` into `result`.
  func read(_ package: WorkbookPackage, into result: inout IngestedInputs) throws(XLSXError) {
    let sheets = try package.readSheets(package.sheetNames.map { .init(name: $0) })
    let names = Set(package.sheetNames)
    if options.mappings.isEmpty, names.isSuperset(of: ["Metadata", "Organizations", "Supply Relationships"]) {
      result.findings.add(
        .warning, .omtsExcelTemplate, at: Provenance(file: file),
        "this is the OMTS Excel import template: its sheets are read as tierscan tables by their headers only "
          + "(Organizations, Facilities, Goods, Attestations… as entities of kind company; Supply Relationships as a "
          + "supplier list, its non-supply rows rejected; Corporate Structure, Same As, Identifiers not read). For a "
          + "faithful import convert it with `omtsf import-excel` and read the .omts file (docs/interchange.md)")
    }
    var read = false
    for name in package.sheetNames {
      guard let sheet = sheets[name] else { continue }
      if readSheet(sheet, into: &result) { read = true }
    }
    if !read {
      result.findings.add(
        .error, .unrecognisedWorkbook, at: Provenance(file: file),
        "no sheet has a header row of a tierscan kind (and no --mapping/--profile applies), and the workbook is not "
          + "an RMI template (no Declaration sheet); sheets: "
          + (package.sheetNames.isEmpty ? "none" : package.sheetNames.joined(separator: ", ")))
      result.files.append(InputFileSummary(path: file, kind: .unrecognised))
    }
  }

  /// Reads one sheet; returns whether it held a table.
  private func readSheet(_ sheet: Worksheet, into result: inout IngestedInputs) -> Bool {
    let lastRow = sheet.lastRow
    guard lastRow > 0 else { return false }
    let table = WorksheetTableRows(sheet)
    func at(_ row: Int) -> Provenance { Provenance(file: file, line: row, sheet: sheet.name, cell: "A\(row)") }
    func rows(after header: Int, width: Int) -> [MappedTableReader.SourceRow] {
      guard header < lastRow else { return [] }
      return sheet.rowsWithCells(from: header + 1).compactMap { row in
        table.hasText(row) ? MappedTableReader.SourceRow(at: at(row), fields: table.fields(of: row, width: width)) : nil
      }
    }
    for mapping in options.mappings where mapping.sheet == nil || mapping.sheet == sheet.name {
      guard mapping.headerRow <= lastRow else { continue }
      let header = table.header(at: mapping.headerRow, width: mapping.highestColumnPosition)
      guard mapping.applies(to: header.map(ColumnMapping.normalizedColumn)) else { continue }
      reportUnnamedColumns(
        table, below: mapping.headerRow, header: header, positions: mapping.columnPositions, at: at(mapping.headerRow),
        into: &result)
      let mapped = MappedTableReader(mapping: mapping, displayPath: file).read(
        header: header, rows: rows(after: mapping.headerRow, width: header.count), headerAt: at(mapping.headerRow),
        cell: { reference in sheet[reference].map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } })
      result.append(mapped)
      return true
    }
    let known = Set(CSVHeader.requiredColumns.flatMap(\.columns)).union(
      [InputKind.entities, .relationships, .supplierList, .riskList, .countryRisk, .smelterReference].flatMap {
        CSVRowDispatch.knownColumns(of: $0)
      })
    for row in 1...min(lastRow, Self.headerSearchRows) {
      let header = table.header(at: row, width: 0)
      let names = header.map(ColumnMapping.normalizedColumn)
      guard names.filter(known.contains).count >= 2 else { continue }
      let csvHeader = CSVHeader(fields: header)
      guard let kind = csvHeader.kind else {
        result.findings.add(.error, .unrecognisedHeader, at: at(row), csvHeader.unrecognisedExplanation)
        result.files.append(InputFileSummary(path: file, kind: .unrecognised))
        return true
      }
      if let duplicate = csvHeader.duplicates.first {
        result.findings.add(.error, .duplicateHeader, at: at(row), "column '\(duplicate)' appears more than once; sheet not read")
        result.files.append(InputFileSummary(path: file, kind: kind))
        return true
      }
      // A native table: every column under its own name.
      reportUnnamedColumns(table, below: row, header: header, positions: [], at: at(row), into: &result)
      let identity = ColumnMapping(name: "", kind: kind, match: [])
      result.append(
        MappedTableReader(mapping: identity, displayPath: file).read(
          header: header, rows: rows(after: row, width: header.count), headerAt: at(row)))
      return true
    }
    return false
  }

  /// Says which columns of a table hold values that no column name reads (they are ignored, as a
  /// CSV's unnamed columns are): one `unnamed-column` info at the header row, never a silent drop.
  private func reportUnnamedColumns(
    _ table: WorksheetTableRows, below headerRow: Int, header: [String], positions: Set<Int>, at: Provenance,
    into result: inout IngestedInputs
  ) {
    let columns = table.unnamedColumnsWithText(below: headerRow, header: header, positions: positions)
    guard !columns.isEmpty else { return }
    let shown = columns.prefix(20).map { "\(CellAddress.letters($0.column)) (\($0.cells))" }.joined(separator: ", ")
    let more = columns.count > 20 ? " and \(columns.count - 20) more" : ""
    let values = columns.reduce(0) { $0 + $1.cells }
    let one = columns.count == 1
    result.findings.add(
      .info, .unnamedColumn, at: at,
      "column\(one ? "" : "s") \(shown)\(more) \(one ? "has" : "have") values but no header name; "
        + "\(values == 1 ? "its 1 value is" : "these \(values) values are") ignored")
  }
}
