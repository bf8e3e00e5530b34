import TierscanCore

/// A growing byte buffer for the large outputs (`exposures.csv`, `paths.json`), written without
/// building intermediate strings or ``JSONValue`` trees. Every method produces exactly the bytes
/// of ``CSVWriter`` and ``JSONWriter`` (pretty, two-space indent) for the same values.
struct OutputBytes {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
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

  // MARK: JSON (through ``JSONWriter``, so every output formats alike)

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
