import Foundation

@testable import TierscanIngest

/// A one-sheet workbook ("Entities") holding `cells` (row, column, text) as inline strings.
func oneSheetWorkbook(_ cells: [(row: Int, column: Int, text: String)]) -> Data {
  let rows = Dictionary(grouping: cells, by: \.row).sorted { $0.key < $1.key }.map { row, cells in
    "<row r=\"\(row)\">"
      + cells.sorted { $0.column < $1.column }.map { cell in
        let reference = CellAddress(row: cell.row, column: cell.column).reference
        return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(cell.text)</t></is></c>"
      }.joined() + "</row>"
  }
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  return Data(
    ZipTestBuilder([
      .init(
        name: "xl/workbook.xml",
        content: Array(
          "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Entities\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            .utf8)),
      .init(
        name: "xl/_rels/workbook.xml.rels",
        content: Array(
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            .utf8)),
      .init(
        name: "xl/worksheets/sheet1.xml",
        content: Array("<worksheet xmlns=\"\(main)\"><sheetData>\(rows.joined())</sheetData></worksheet>".utf8)),
    ]).bytes())
}
