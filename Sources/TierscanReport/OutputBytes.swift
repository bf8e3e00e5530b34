import TierscanCore

/// A growing byte buffer for the large outputs (`exposures.csv`, `paths.json`), written without
/// building intermediate strings or ``JSONValue`` trees. Every method produces exactly the bytes
/// of ``CSVWriter`` and ``JSONWriter`` (pretty, two-space indent) for the same values.
struct OutputBytes {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Appends a literal. One byte (`,`, `\n`, `{`: most literals of the large outputs) is
  /// appended as a byte: through `append(contentsOf:)` it cost about 170 instructions
  /// (callgrind), a third of `exposures.csv`'s rendering.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    if text.utf8CodeUnitCount == 1 {
      bytes.append(text.utf8Start.pointee)
    } else {
      bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(byte: UInt8) { bytes.append(byte) }

  /// Empties the buffer, keeping its capacity.
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// Bytes rendered earlier.
  mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }

  /// An integer in decimal.
  mutating func append(integer: Int) { JSONWriter.writeInteger(Int64(integer), into: &bytes) }

  // MARK: CSV

  /// One CSV cell exactly as ``CSVWriter/cell(_:)`` writes it.
  mutating func appendCSVCell(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      guard let first = utf8.first else { return }
      let neutralise = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40  // = + - @
      let quote = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
      if quote { bytes.append(0x22) }
      if neutralise { bytes.append(0x27) }
      if quote {
        for byte in utf8 {
          if byte == 0x22 { bytes.append(0x22) }
          bytes.append(byte)
        }
        bytes.append(0x22)
      } else {
        bytes.append(contentsOf: utf8)
      }
    }
  }

  /// The cell of `column`'s string at `index`, read in place: the bytes of
  /// `appendCSVCell(column[index])` without building the `String` (an ASCII string's bytes are
  /// its `String`'s; any other goes through the `String`, which repairs invalid UTF-8).
  mutating func appendCSVCell(_ column: StringColumn, _ index: Int) {
    let done = column.withUTF8(index) { utf8 in appendASCIICSVCell(utf8) }
    if !done { appendCSVCell(column[index]) }
  }

  /// Appends `utf8` as ``appendCSVCell(_:)-(String)`` would when every byte is ASCII, and returns
  /// true; appends nothing and returns false otherwise.
  private mutating func appendASCIICSVCell(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var high: UInt8 = 0
    var quote = false
    for byte in utf8 {
      high |= byte
      quote = quote || byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A
    }
    guard high < 0x80 else { return false }
    guard let first = utf8.first else { return true }
    let neutralise = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40  // = + - @
    if quote { bytes.append(0x22) }
    if neutralise { bytes.append(0x27) }
    if quote {
      for byte in utf8 {
        if byte == 0x22 { bytes.append(0x22) }
        bytes.append(byte)
      }
      bytes.append(0x22)
    } else {
      bytes.append(contentsOf: utf8)
    }
    return true
  }

  // MARK: JSON (through ``JSONWriter``, so every output formats alike)

  /// The JSON string literal of `column`'s string at `index`, read in place: the bytes of
  /// `appendJSONString(column[index])` without building the `String` when it is ASCII and needs
  /// no escape (the usual id); through the `String` and ``JSONWriter`` otherwise.
  mutating func appendJSONString(_ column: StringColumn, _ index: Int) {
    let done = column.withUTF8(index) { utf8 -> Bool in
      for byte in utf8 where byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return false }
      bytes.append(0x22)
      bytes.append(contentsOf: utf8)
      bytes.append(0x22)
      return true
    }
    if !done { appendJSONString(column[index]) }
  }

  /// A newline and `level` two-space indents.
  mutating func newline(indent level: Int) { JSONWriter.newline(level, into: &bytes) }

  /// A JSON string literal exactly as ``JSONWriter`` escapes it.
  mutating func appendJSONString(_ value: String) { JSONWriter.writeString(value, into: &bytes) }

  /// A number as ``JSONWriter/formatNumber(_:)`` writes it.
  mutating func appendJSONNumber(_ number: Double) { JSONWriter.writeNumber(number, into: &bytes) }

  /// `"key": ` inside an object at `indent` (pretty), preceded by `,` unless `first`.
  mutating func appendKey(_ key: StaticString, indent: Int, first: Bool = false) {
    if !first { bytes.append(0x2C) }
    newline(indent: indent)
    bytes.append(0x22)
    append(key)
    append("\": ")
  }

  /// Any value, pretty-printed at `indent`, as ``JSONWriter`` writes it.
  mutating func appendJSON(_ value: JSONValue, indent: Int) { JSONWriter.write(value, indent: indent, into: &bytes) }
}
