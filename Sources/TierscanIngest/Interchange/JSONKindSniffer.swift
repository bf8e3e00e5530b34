import TierscanCore

/// Classifies a JSON file by content (SPEC v3 §6, new input kinds).
///
/// - OMTS: a top-level object whose first key is `omts_version` (OMTS requires it first for file
///   type detection), or any top-level object in a `.omts` file.
/// - BODS: a top-level array whose first element is an object with `statementId` and
///   `recordType`, or JSON lines whose first line is such an object.
/// - FtM: JSON lines whose first line is an object with `schema` and `properties`.
///
/// Only the first value (or first line) is parsed.
enum JSONKindSniffer {
  /// What a file holds; `unrecognised` says what was seen instead.
  enum Kind: Equatable {
    case omts
    case bods
    case ftm
    case unrecognised(String)
  }

  static func kind(of bytes: [UInt8], limits: JSONLimits, isOMTSExtension: Bool) -> Kind {
    var parser = JSONParser(bytes: bytes, limits: limits)
    switch parser.peek() {
    case nil: return isOMTSExtension ? .omts : .unrecognised("an empty file")
    case UInt8(ascii: "["):
      do {
        try parser.beginArray()
        guard try parser.nextElement() else { return .unrecognised("an empty JSON array") }
        let first = try parser.readValue()
        if isStatement(first) { return .bods }
        return .unrecognised("a JSON array whose first element is \(describe(first))")
      } catch {
        return .unrecognised("a JSON array that does not parse (\(error.description))")
      }
    case UInt8(ascii: "{"):
      if isOMTSExtension { return .omts }
      do {
        try parser.beginObject()
        if let key = try parser.nextKey(), key == "omts_version" { return .omts }
      } catch {
        return .unrecognised("an object that does not parse (\(error.description))")
      }
      // JSON lines: the first line alone.
      let end = bytes.firstIndex(of: 0x0A) ?? bytes.count
      let first: JSONValue
      do {
        first = try JSONParser.parse(bytes: Array(bytes[..<end]), limits: limits)
      } catch {
        // Say why the first line is not a JSON line: a limit (--max-json-depth,
        // --max-json-string-bytes) or a syntax error.
        return .unrecognised(
          "a JSON object whose first key is not omts_version, and a first line that is not one JSON value (\(error.description))")
      }
      if isStatement(first) { return .bods }
      if first["schema"]?.stringValue != nil, first["properties"]?.objectValue != nil { return .ftm }
      return .unrecognised("JSON whose first object (or first line) is \(describe(first))")
    default:
      return isOMTSExtension ? .omts : .unrecognised("a file that does not start with '{' or '['")
    }
  }

  private static func isStatement(_ value: JSONValue) -> Bool {
    value["statementId"]?.stringValue != nil && value["recordType"]?.stringValue != nil
  }

  /// `an object with keys a, b, c` (first five keys) or the value's type.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .object(let pairs):
      let keys = pairs.prefix(5).map(\.0).joined(separator: ", ")
      return pairs.isEmpty ? "an empty object" : "an object with keys \(keys)\(pairs.count > 5 ? ", …" : "")"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}
