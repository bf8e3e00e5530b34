import Foundation
import TierscanCore

/// Streams a worksheet part (`<sheetData><row><c>`) and keeps only the requested cells.
///
/// Cell types: `t="s"` shared string (index kept for later resolution), `t="inlineStr"`
/// (`<is><t>` or rich-text runs), `t="str"` formula string, `t="b"` boolean, `t="e"` error,
/// `t="d"` ISO date text, otherwise a number. For formulas the cached `<v>` is the value and
/// `<f>` is ignored. Empty strings are not kept (a blank cell).
enum WorksheetParser {
  /// The requested cells of a sheet part.
  static func cells(of data: Data, part: String, request: WorkbookPackage.SheetRequest) throws(XLSXError)
    -> [CellAddress: RawCell]
  {
    try XMLPartReader.parse(data, part: part) { (reader) throws(XLSXError) in
      var result: [CellAddress: RawCell] = [:]
      var row = 0
      var column = 0
      while try reader.read() {
        guard reader.isStartElement else { continue }
        if reader.hasLocalName("row") {
          row = reader.attribute("r").flatMap { Int($0) } ?? row + 1
          column = 0
          if row > request.maxRow { break }
        } else if reader.hasLocalName("c") {
          let address = reader.attribute("r").flatMap(CellAddress.init) ?? CellAddress(row: row, column: column + 1)
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
      return result
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
