/// One CSV record as read: its fields and the 1-based physical line on which it starts.
public struct CSVRecord: Sendable, Hashable {
  /// The field values, unquoted (and trimmed when the reader trims).
  public var fields: [String]
  /// The 1-based physical line on which the record starts (the header is line 1).
  public var line: Int
  /// Whether some field holds a control character (C0 other than TAB, CR, LF; or DEL).
  public var hasControlCharacters: Bool

  /// Creates a record.
  public init(fields: [String], line: Int, hasControlCharacters: Bool = false) {
    self.fields = fields
    self.line = line
    self.hasControlCharacters = hasControlCharacters
  }
}

/// What the reader produces for each record: the record, or why it was rejected.
public enum CSVReadResult: Sendable, Hashable {
  case record(CSVRecord)
  case failure(CSVReadError)
}
