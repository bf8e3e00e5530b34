import Foundation
import TierscanCore

/// Streams a worksheet part (`<sheetData><row><c>`) and keeps only the requested cells.
///
/// Cell types: `t="s"` shared string (index kept for later resolution), `t="inlineStr"`
/// (`<is><t>` or rich-text runs), `t="str"` formula string, `t="b"` boolean, `t="e"` error,
/// `t="d"` ISO date text, otherwise a number. For formulas the cached `<v>` is the value and
/// `<f>` is ignored. Empty strings are not kept (a blank cell).
enum WorksheetParser {
  /// A cell or row whose reference could not be used: the cell is not read.
  struct BadReference: Sendable, Equatable {
    /// The row it was met in (0 before any row), for the finding's place.
    var row: Int
    var message: String
    /// The cell, when its reference was usable (a shared-string index out of range).
    var cell: String? = nil
  }

  /// The requested cells of a sheet part, and the cells and rows skipped for a bad reference
  /// (an `r` that is malformed or outside A1:XFD1048576, or a cell outside any row). A cell
  /// without `r` follows the previous one, as the format allows.
  static func cells(of data: Data, part: String, request: WorkbookPackage.SheetRequest) throws(XLSXError)
    -> (cells: [CellAddress: RawCell], badReferences: [BadReference])
  {
    try XMLPartReader.parse(data, part: part) { (reader) throws(XLSXError) in
      var result: [CellAddress: RawCell] = [:]
      var bad: [BadReference] = []
      var row = 0
      var column = 0
      var rowIsBad = false
      while try reader.read() {
        guard reader.isStartElement else { continue }
        if reader.hasLocalName("row") {
          column = 0
          rowIsBad = false
          if let reference = reader.attribute("r") {
            if let number = Int(reference.trimmingCharacters(in: .whitespaces)), (1...1_048_576).contains(number) {
              row = number
            } else {
              rowIsBad = true
              bad.append(BadReference(row: row, message: "row reference '\(reference)' is not a row number in 1...1048576; its cells are not read"))
              continue
            }
          } else {
            row += 1
          }
          if row > request.maxRow { break }
        } else if reader.hasLocalName("c") {
          if rowIsBad { continue }
          let address: CellAddress
          if let reference = reader.attribute("r") {
            guard let parsed = CellAddress(reference) else {
              bad.append(BadReference(row: row, message: "cell reference '\(reference)' is malformed or outside A1:XFD1048576; cell not read"))
              continue
            }
            address = parsed
          } else {
            guard row > 0, column < 16_384 else {
              bad.append(BadReference(row: row, message: row == 0 ? "a cell outside any row; cell not read" : "a cell past column XFD; cell not read"))
              continue
            }
            address = CellAddress(row: row, column: column + 1)
          }
          column = address.column
          if address.row > request.maxRow { break }
          let wanted = request.columns?.contains(address.column) ?? true
          if reader.isEmptyElement { continue }
          if !wanted {
            _ = try reader.readElementText()
            continue
          }
          if let cell = try readCell(reader, type: reader.attribute("t")) { result[address] = cell }
        }
      }
      return (result, bad)
    }
  }

  /// Reads one `<c>` element's children (the reader is on its start tag).
  private static func readCell(_ reader: XMLPartReader, type: String?) throws(XLSXError) -> RawCell? {
    let cellDepth = reader.depth
    var value: String?
    var inline: String?
    while try reader.read() {
      if reader.isEndElement && reader.depth == cellDepth { break }
      guard reader.isStartElement else { continue }
      if reader.hasLocalName("v") {
        value = try reader.readElementText()
      } else if reader.hasLocalName("is") {
        inline = try reader.readElementText(skipping: "rPh")
      } else if reader.hasLocalName("f") {
        _ = try reader.readElementText()
      }
    }
    switch type {
    case "s":
      guard let value, let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0 else { return nil }
      return .shared(index)
    case "inlineStr":
      guard let text = inline ?? value, !text.isEmpty else { return nil }
      return .value(.text(text))
    case "str", "d":
      guard let value, !value.isEmpty else { return nil }
      return .value(.text(value))
    case "b":
      guard let value else { return nil }
      return .value(.boolean(value.trimmingCharacters(in: .whitespaces) == "1"))
    case "e":
      guard let value, !value.isEmpty else { return nil }
      return .value(.error(value))
    default:
      guard let value else { return inline.flatMap { $0.isEmpty ? nil : .value(.text($0)) } }
      let trimmed = value.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return nil }
      if let number = DecimalNumber.parse(trimmed) { return .value(.number(number, raw: trimmed)) }
      return .value(.text(value))
    }
  }
}
