/// A strict JSON parser (RFC 8259) producing ``JSONValue`` with object key order kept.
///
/// Rejects NaN/Infinity literals, trailing commas, duplicate keys, nesting deeper than
/// ``JSONLimits/maxDepth`` and strings longer than ``JSONLimits/maxStringBytes``; errors carry
/// the 1-based line and column.
///
/// Besides the one-shot ``parse(bytes:limits:)``, the parser is a cursor for reading large
/// documents one element at a time (``beginObject()``, ``nextKey()``, ``beginArray()``,
/// ``nextElement()``, ``readValue()``): only one element's tree is alive at a time, and
/// ``line`` gives the line on which the next value starts (the provenance of interchange
/// records).
public struct JSONParser {
  /// A parse failure with its position.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
  }

  private var bytes: [UInt8]
  private var position = 0
  /// The 1-based line of ``position`` (newlines occur only in whitespace in valid JSON).
  public private(set) var line = 1
  private let limits: JSONLimits
  /// Containers open around the bytes this parser was given (a cursor resumed inside a document
  /// by ``JSONStream``), counted towards ``JSONLimits/maxDepth``.
  private let baseDepth: Int
  /// Characters of the current line that ``replaceBuffer(appending:)`` dropped (error columns).
  private var columnBase = 0
  /// Keys seen in each object opened with ``beginObject()`` (duplicate detection), innermost last.
  private var openKeys: [Set<String>] = []
  /// Whether the container opened last (object or array) has had its first member read.
  private var hasMember: [Bool] = []

  /// Parses `text`.
  public static func parse(_ text: String, maxDepth: Int = 256) throws(ParseError) -> JSONValue {
    try parse(bytes: Array(text.utf8), maxDepth: maxDepth)
  }

  /// Parses UTF-8 bytes (a leading BOM is skipped).
  public static func parse(bytes: [UInt8], maxDepth: Int = 256) throws(ParseError) -> JSONValue {
    try parse(bytes: bytes, limits: JSONLimits(maxDepth: maxDepth, maxStringBytes: Int.max))
  }

  /// Parses UTF-8 bytes (a leading BOM is skipped) within `limits`.
  public static func parse(bytes: [UInt8], limits: JSONLimits) throws(ParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, limits: limits)
    let value = try parser.readValue()
    try parser.expectEnd()
    return value
  }

  /// A cursor at the start of `bytes` (after a UTF-8 BOM, if any).
  public init(bytes: [UInt8], limits: JSONLimits = JSONLimits()) {
    self.bytes = bytes
    self.limits = limits
    self.baseDepth = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// A cursor over `bytes` that continue a document at `line` and `column` inside `depth` open
  /// containers (no BOM is skipped): how ``JSONStream`` resumes reading part of a file.
  init(continuing bytes: [UInt8], line: Int, column: Int, depth: Int, limits: JSONLimits) {
    self.bytes = bytes
    self.limits = limits
    self.baseDepth = depth
    self.line = line
    self.columnBase = column - 1
  }

  // MARK: Streaming buffer (used by JSONStream)

  /// Bytes buffered after the current position.
  var bufferedCount: Int { bytes.count - position }

  /// The position within the buffer.
  var bufferPosition: Int { position }

  /// The 1-based column of the current position.
  var column: Int { error("").column }

  /// An error `message` at buffer position `offset` on `line` (the start of a value read since).
  func error(_ message: String, at offset: Int, line: Int) -> ParseError {
    var copy = self
    copy.position = offset
    copy.line = line
    return copy.error(message)
  }

  /// Drops the bytes before the current position (keeping the column count of the current
  /// line) and appends `more`; returns how many bytes were dropped.
  mutating func replaceBuffer(appending more: some Collection<UInt8>) -> Int {
    let dropped = position
    if dropped > 0 {
      if let newline = bytes[..<dropped].lastIndex(of: 0x0A) {
        columnBase = bytes[(newline + 1)..<dropped].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
      } else {
        columnBase += bytes[..<dropped].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
      }
      bytes.removeSubrange(0..<dropped)
      position = 0
    }
    bytes.append(contentsOf: more)
    return dropped
  }

  // MARK: Cursor

  /// The first non-whitespace byte ahead, or `nil` at the end (skips whitespace).
  public mutating func peek() -> UInt8? {
    skipWhitespace()
    return position < bytes.count ? bytes[position] : nil
  }

  /// The 1-based line of the next value (skips whitespace first).
  public mutating func nextLine() -> Int {
    skipWhitespace()
    return line
  }

  /// Whether only whitespace is left.
  public mutating func isAtEnd() -> Bool { peek() == nil }

  /// Throws unless only whitespace is left.
  public mutating func expectEnd() throws(ParseError) {
    if !isAtEnd() { throw error("unexpected content after the JSON value") }
  }

  /// Consumes `{`; read members with ``nextKey()`` then ``readValue()`` (or ``skipValue()``).
  public mutating func beginObject() throws(ParseError) {
    guard peek() == UInt8(ascii: "{") else { throw error("expected an object") }
    guard openKeys.count + baseDepth <= limits.maxDepth else { throw error("nesting deeper than \(limits.maxDepth)") }
    position += 1
    openKeys.append([])
    hasMember.append(false)
  }

  /// The next key of the object opened last, or `nil` after consuming its `}`.
  ///
  /// - Throws: on a syntax error or a key already given in this object (`duplicate key`).
  public mutating func nextKey() throws(ParseError) -> String? {
    guard !openKeys.isEmpty else { throw error("no object open") }
    skipWhitespace()
    guard position < bytes.count else { throw error("unterminated object") }
    if bytes[position] == UInt8(ascii: "}") {
      position += 1
      openKeys.removeLast()
      hasMember.removeLast()
      return nil
    }
    if hasMember[hasMember.count - 1] {
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
      position += 1
      skipWhitespace()
    }
    hasMember[hasMember.count - 1] = true
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key string") }
    let keyStart = position
    let key = try parseString()
    guard openKeys[openKeys.count - 1].insert(key).inserted else {
      position = keyStart
      throw error("duplicate key '\(key)'")
    }
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
    position += 1
    return key
  }

  /// Consumes `[`; read elements with ``nextElement()`` then ``readValue()``.
  public mutating func beginArray() throws(ParseError) {
    guard peek() == UInt8(ascii: "[") else { throw error("expected an array") }
    guard openKeys.count + baseDepth <= limits.maxDepth else { throw error("nesting deeper than \(limits.maxDepth)") }
    position += 1
    openKeys.append([])
    hasMember.append(false)
  }

  /// Whether another element of the array opened last follows (`false` after consuming its `]`).
  public mutating func nextElement() throws(ParseError) -> Bool {
    guard !openKeys.isEmpty else { throw error("no array open") }
    skipWhitespace()
    guard position < bytes.count else { throw error("unterminated array") }
    if bytes[position] == UInt8(ascii: "]") {
      position += 1
      openKeys.removeLast()
      hasMember.removeLast()
      return false
    }
    if hasMember[hasMember.count - 1] {
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
      position += 1
    }
    hasMember[hasMember.count - 1] = true
    skipWhitespace()
    return true
  }

  /// Reads the next whole value (nesting counted from the containers the cursor has open).
  public mutating func readValue() throws(ParseError) -> JSONValue {
    skipWhitespace()
    return try parseValue(depth: openKeys.count + baseDepth)
  }

  /// The current position as a ``ParseError`` with `message` (for a reader's own checks).
  public func error(_ message: String) -> ParseError {
    var lineStart = min(position, bytes.count)
    while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
    var column = 1 + (lineStart == 0 ? columnBase : 0)
    for byte in bytes[lineStart..<min(position, bytes.count)] where byte & 0xC0 != 0x80 { column += 1 }
    return ParseError(line: line, column: column, message: message)
  }

  // MARK: Values

  @inline(__always)
  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0D: position += 1
      case 0x0A:
        position += 1
        line += 1
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(ParseError) -> JSONValue {
    guard depth <= limits.maxDepth else { throw error("nesting deeper than \(limits.maxDepth)") }
    guard position < bytes.count else { throw error("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expect("true"); return .bool(true)
    case UInt8(ascii: "f"): try expect("false"); return .bool(false)
    case UInt8(ascii: "n"): try expect("null"); return .null
    default: return .number(try parseNumber())
    }
  }

  private mutating func expect(_ literal: StaticString) throws(ParseError) {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - position >= count else { throw error("invalid literal") }
    let matches = literal.withUTF8Buffer { expected in
      (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
    }
    guard matches else { throw error("invalid literal") }
    position += count
  }

  private mutating func parseObject(depth: Int) throws(ParseError) -> JSONValue {
    position += 1
    var pairs: [(String, JSONValue)] = []
    var seen = Set<String>()
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(pairs)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key string") }
      let keyStart = position
      let key = try parseString()
      guard seen.insert(key).inserted else {
        position = keyStart
        throw error("duplicate key '\(key)'")
      }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      skipWhitespace()
      pairs.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      guard position < bytes.count else { throw error("unterminated object") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(pairs)
      }
      throw error("expected ',' or '}'")
    }
  }

  private mutating func parseArray(depth: Int) throws(ParseError) -> JSONValue {
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard position < bytes.count else { throw error("unterminated array") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      throw error("expected ',' or ']'")
    }
  }

  private mutating func parseString() throws(ParseError) -> String {
    position += 1
    // Fast path: no escape before the closing quote.
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        guard position - start <= limits.maxStringBytes else {
          position = start - 1
          throw error("string longer than \(limits.maxStringBytes) bytes")
        }
        let text = bytes.withUnsafeBufferPointer { String(validating: $0[start..<position], as: UTF8.self) }
        guard let text else { throw error("invalid UTF-8 in string") }
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      position += 1
      // No escape so far: the string is already longer than the limit (fails fast on a 100 MB
      // string, and before a streamed buffer ends).
      if position - start > limits.maxStringBytes {
        position = start - 1
        throw error("string longer than \(limits.maxStringBytes) bytes")
      }
    }
    var out = Array(bytes[start..<position])
    while position < bytes.count {
      if out.count > limits.maxStringBytes {
        position = start - 1
        throw error("string longer than \(limits.maxStringBytes) bytes")
      }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in string") }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { throw error("unterminated escape") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var code = try parseHex4()
          if (0xD800..<0xDC00).contains(code) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else { throw error("unpaired surrogate") }
            position += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00..<0xE000).contains(code) {
            throw error("unpaired surrogate")
          }
          out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
        default: throw error("invalid escape")
        }
      case 0..<0x20: throw error("control character in string")
      default:
        out.append(byte)
        position += 1
      }
    }
    throw error("unterminated string")
  }

  private mutating func parseHex4() throws(ParseError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("invalid \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid \\u escape")
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }

  private mutating func parseNumber() throws(ParseError) -> Double {
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    let digitsStart = position
    while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
    guard position > digitsStart else { throw error("invalid value") }
    if bytes[digitsStart] == UInt8(ascii: "0"), position - digitsStart > 1 { throw error("leading zero in number") }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      let fraction = position
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
      guard position > fraction else { throw error("invalid number") }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      let exponent = position
      while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
      guard position > exponent else { throw error("invalid number") }
    }
    guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)), value.isFinite else {
      throw error("number out of range")
    }
    return value
  }
}
