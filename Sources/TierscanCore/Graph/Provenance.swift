/// Where a record or finding came from: the input file as given on the command line
/// (joined with the path below it for directory arguments, never made absolute),
/// the 1-based line (CSV: first physical line of the record; XML: element line; XLSX: row),
/// and for workbooks the sheet and cell; for JSON interchange files (OMTS, BODS, FtM) the JSON
/// pointer (RFC 6901) of the record, e.g. `/edges/12`, beside the line on which it starts.
public struct Provenance: Sendable, Hashable, Codable {
  /// The input path as given (never absolute unless the user gave it so).
  public var file: String
  /// 1-based line or row; `nil` when the finding concerns the whole file.
  public var line: Int?
  /// 1-based column, when the source knows it (XML parser errors).
  public var column: Int?
  /// Worksheet name for XLSX inputs.
  public var sheet: String?
  /// Cell reference such as `F12` for XLSX inputs.
  public var cell: String?
  /// JSON pointer (RFC 6901) of the record in a JSON input, such as `/edges/12`.
  public var pointer: String?

  /// Creates a provenance.
  @inlinable public init(
    file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil, cell: String? = nil, pointer: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.sheet = sheet
    self.cell = cell
    self.pointer = pointer
  }

  /// `file:line[:column]`, followed by ` [Sheet!Cell]` for workbook cells or ` [/json/pointer]`
  /// for JSON records.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let column { text += ":\(column)" }
    if let sheet {
      text += " [\(sheet)" + (cell.map { "!\($0)" } ?? "") + "]"
    }
    if let pointer { text += " [\(pointer)]" }
    return text
  }
}
