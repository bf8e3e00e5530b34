/// Writes CSV text for every tierscan CSV output: RFC 4180 quoting (a field containing a comma,
/// quote, CR or LF is quoted, quotes doubled), LF line endings, and formula-injection
/// neutralisation (model §5): a cell beginning with `=`, `+`, `-` or `@` gets a leading `'`.
public struct CSVWriter: Sendable {
  /// The text written so far.
  public private(set) var text = ""

  /// Creates a writer, optionally with a header row.
  public init(header: [String]? = nil) {
    if let header { writeRow(header) }
  }

  /// Appends one row.
  public mutating func writeRow(_ fields: [String]) {
    for (i, field) in fields.enumerated() {
      if i > 0 { text += "," }
      text += Self.cell(field)
    }
    text += "\n"
  }

  /// One cell: neutralised, then quoted when needed.
  public static func cell(_ value: String) -> String {
    var value = value
    if let first = value.unicodeScalars.first, first == "=" || first == "+" || first == "-" || first == "@" {
      value = "'" + value
    }
    let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
    guard needsQuotes else { return value }
    var quoted = "\""
    for scalar in value.unicodeScalars {
      if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
    }
    return quoted + "\""
  }

  /// A score as CSV text: Swift's `Double.description`, the shortest decimal that reads back as
  /// the same double (`0.765`, `1.0`, `1e-05`).
  public static func score(_ value: Double) -> String { value.description }
}
