import Foundation

/// An opened `.xlsx` package: its sheet names and the parts behind them. Sheets are read on
/// demand and only the cells asked for are kept; shared strings are resolved only for the
/// indices those cells use.
final class WorkbookPackage {
  /// Which cells of a sheet to keep.
  struct SheetRequest {
    var name: String
    /// 1-based columns to keep; `nil` keeps every column.
    var columns: Set<Int>?
    /// Rows after this one are not read (rows are stored in order, so parsing stops there).
    var maxRow: Int

    init(name: String, columns: Set<Int>? = nil, maxRow: Int = 1_048_576) {
      self.name = name
      self.columns = columns
      self.maxRow = maxRow
    }
  }

  private let zip: ZipPartReader
  /// Sheet names in workbook order.
  private(set) var sheetNames: [String] = []
  private var sheetParts: [String: String] = [:]
  private var sharedStringsPart: String?
  /// Whether dates count from 1904 (`workbookPr date1904`).
  private(set) var usesDate1904 = false
  /// Cells and rows of the sheets read so far that were skipped for a bad reference, with their
  /// sheet (reported as `bad-cell-reference` by ``WorkbookInputReader``).
  private(set) var badReferences: [(sheet: String, reference: WorksheetParser.BadReference)] = []

  /// Opens a package and reads its workbook part and relationships.
  /// - Throws: an ``XLSXError``.
  init(data: Data, limits: IngestLimits) throws(XLSXError) {
    zip = try ZipPartReader(data: data, limits: limits)
    let workbookPart = try locateWorkbookPart()
    let relationships = try readRelationships(of: workbookPart)
    let directory = WorkbookPackage.directory(of: workbookPart)
    for (type, target) in relationships.values where type.hasSuffix("/sharedStrings") {
      sharedStringsPart = WorkbookPackage.resolve(target, against: directory)
    }
    let data = try zip.data(of: workbookPart)
    var sheets: [(String, String)] = []
    var date1904 = false
    try XMLPartReader.parse(data, part: workbookPart) { (reader) throws(XLSXError) in
      while try reader.read() {
        guard reader.isStartElement else { continue }
        if reader.hasLocalName("workbookPr") {
          let flag = reader.attribute("date1904")
          date1904 = flag == "1" || flag == "true"
        } else if reader.hasLocalName("sheet"), let name = reader.attribute("name") {
          let id =
            reader.attribute("id", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
            ?? reader.attribute(
              "id", namespace: "http://purl.oclc.org/ooxml/officeDocument/relationships") ?? ""
          sheets.append((name, id))
        }
      }
    }
    usesDate1904 = date1904
    for (name, id) in sheets {
      sheetNames.append(name)
      if let target = relationships[id]?.target, sheetParts[name] == nil {
        sheetParts[name] = WorkbookPackage.resolve(target, against: directory)
      }
    }
  }

  /// Opens the package at `url` (tests and tools; inputs are read through ``InputBytes`` and
  /// ``init(data:limits:)``).
  /// - Throws: an ``XLSXError`` (``XLSXError/notAZip`` when the file cannot be read).
  convenience init(url: URL, limits: IngestLimits) throws(XLSXError) {
    guard let data = try? Data(contentsOf: url) else { throw .notAZip }
    try self.init(data: data, limits: limits)
  }

  /// Whether the workbook has a sheet with this exact name.
  func hasSheet(_ name: String) -> Bool { sheetParts[name] != nil }

  /// Reads the requested sheets; a sheet the workbook lacks is absent from the result.
  /// - Throws: an ``XLSXError`` for a missing or hostile part.
  func readSheets(_ requests: [SheetRequest]) throws(XLSXError) -> [String: Worksheet] {
    var raw: [String: [CellAddress: RawCell]] = [:]
    var needed = Set<Int>()
    for request in requests {
      guard let part = sheetParts[request.name] else { continue }
      let (cells, bad) = try WorksheetParser.cells(of: try zip.data(of: part), part: part, request: request)
      badReferences += bad.map { (request.name, $0) }
      for case .shared(let index) in cells.values { needed.insert(index) }
      raw[request.name] = cells
    }
    var strings: [Int: String] = [:]
    if !needed.isEmpty {
      guard let part = sharedStringsPart else { throw .missingPart("xl/sharedStrings.xml") }
      strings = try SharedStringsParser.strings(of: try zip.data(of: part), part: part, indices: needed)
    }
    var result: [String: Worksheet] = [:]
    for (name, cells) in raw {
      var sheet = Worksheet(name: name)
      for (address, cell) in cells {
        switch cell {
        case .value(let value): sheet.cells[address] = value
        case .shared(let index):
          if let text = strings[index] {
            if !text.isEmpty { sheet.cells[address] = .text(text) }
          } else {
            badReferences.append(
              (
                name,
                WorksheetParser.BadReference(
                  row: address.row,
                  message: "cell \(address.reference) names shared string \(index), which the workbook does not have; cell not read",
                  cell: address.reference)
              ))
          }
        }
      }
      result[name] = sheet
    }
    return result
  }

  private func locateWorkbookPart() throws(XLSXError) -> String {
    if zip.contains("_rels/.rels") {
      let rels = try parseRelationships(part: "_rels/.rels")
      for (type, target) in rels.values where type.hasSuffix("/officeDocument") {
        let part = WorkbookPackage.resolve(target, against: "")
        if zip.contains(part) { return part }
      }
    }
    guard zip.contains("xl/workbook.xml") else { throw .missingPart("xl/workbook.xml") }
    return "xl/workbook.xml"
  }

  private func readRelationships(of part: String) throws(XLSXError) -> [String: (type: String, target: String)] {
    let directory = WorkbookPackage.directory(of: part)
    let name = String(part.split(separator: "/").last ?? "")
    let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
    guard zip.contains(relsPart) else { throw .missingPart(relsPart) }
    return try parseRelationships(part: relsPart)
  }

  private func parseRelationships(part: String) throws(XLSXError) -> [String: (type: String, target: String)] {
    let data = try zip.data(of: part)
    var result: [String: (type: String, target: String)] = [:]
    try XMLPartReader.parse(data, part: part) { (reader) throws(XLSXError) in
      while try reader.read() {
        guard reader.isStartElement, reader.hasLocalName("Relationship") else { continue }
        guard let id = reader.attribute("Id"), let target = reader.attribute("Target") else { continue }
        if reader.attribute("TargetMode") == "External" { continue }
        if result[id] == nil { result[id] = (reader.attribute("Type") ?? "", target) }
      }
    }
    return result
  }

  /// The folder of a part (`xl/workbook.xml` → `xl`).
  static func directory(of part: String) -> String {
    var components = part.split(separator: "/", omittingEmptySubsequences: true)
    components.removeLast()
    return components.joined(separator: "/")
  }

  /// Resolves a relationship target against the folder of its source part.
  static func resolve(_ target: String, against directory: String) -> String {
    var components: [Substring] = []
    let absolute = target.hasPrefix("/")
    if !absolute { components = directory.split(separator: "/") }
    for component in target.split(separator: "/", omittingEmptySubsequences: true) {
      if component == "." { continue }
      if component == ".." {
        if !components.isEmpty { components.removeLast() }
        continue
      }
      components.append(component)
    }
    return components.joined(separator: "/")
  }
}

/// A cell as read from a sheet part, before shared strings are resolved.
enum RawCell: Hashable {
  case value(CellValue)
  case shared(Int)
}
