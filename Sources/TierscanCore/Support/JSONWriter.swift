/// Serialises ``JSONValue`` deterministically: keys in the order given, numbers as the shortest
/// decimal that reads back as the same double (integers without a fraction), two-space indent.
///
/// Writes UTF-8 bytes straight into a buffer; ``string(_:pretty:)`` decodes them once. Large
/// outputs stream their own structure and call ``write(_:indent:into:)``,
/// ``writeString(_:into:)`` and ``writeNumber(_:into:)`` for the parts, so every output escapes
/// and formats alike.
public enum JSONWriter {
  /// The JSON text of `value`, pretty-printed with a trailing newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    String(decoding: bytes(value, pretty: pretty), as: UTF8.self)
  }

  /// The UTF-8 bytes of ``string(_:pretty:)``.
  public static func bytes(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    write(value, indent: pretty ? 0 : nil, into: &out)
    if pretty { out.append(0x0A) }
    return out
  }

  /// Formats a number the way every tierscan output does (`1`, `0.765`, `1e-20`).
  public static func formatNumber(_ number: Double) -> String {
    if number.isNaN || number.isInfinite { return "null" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return number.description
  }

  /// Appends `value` at `indent` (pretty, two spaces per level), or compact when `indent` is `nil`.
  public static func write(_ value: JSONValue, indent: Int?, into out: inout [UInt8]) {
    switch value {
    case .null: append("null", to: &out)
    case .bool(let b): append(b ? "true" : "false", to: &out)
    case .number(let n): writeNumber(n, into: &out)
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty { return append("[]", to: &out) }
      out.append(0x5B)
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(0x2C) }
        newline(indent.map { $0 + 1 }, into: &out)
        write(item, indent: indent.map { $0 + 1 }, into: &out)
      }
      newline(indent, into: &out)
      out.append(0x5D)
    case .object(let pairs):
      if pairs.isEmpty { return append("{}", to: &out) }
      out.append(0x7B)
      for (i, (key, item)) in pairs.enumerated() {
        if i > 0 { out.append(0x2C) }
        newline(indent.map { $0 + 1 }, into: &out)
        writeString(key, into: &out)
        append(indent == nil ? ":" : ": ", to: &out)
        write(item, indent: indent.map { $0 + 1 }, into: &out)
      }
      newline(indent, into: &out)
      out.append(0x7D)
    }
  }

  /// Appends a number as ``formatNumber(_:)`` formats it (integers without a `String`).
  public static func writeNumber(_ number: Double, into out: inout [UInt8]) {
    guard number == number.rounded(), abs(number) < 1e15 else { return append(formatNumber(number), to: &out) }
    writeInteger(Int64(number), into: &out)
  }

  /// Appends an integer in decimal (`-` for negatives, no leading zeros).
  public static func writeInteger(_ value: Int64, into out: inout [UInt8]) {
    if value < 0 { out.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
    withUnsafeMutableBytes(of: &digits) { buffer in
      var count = 0
      repeat {
        buffer[23 - count] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      out.append(contentsOf: buffer[(24 - count)...])
    }
  }

  /// Appends a JSON string literal: `"` and `\` escaped, `\n`, `\r`, `\t` by name, other
  /// control characters, DEL, U+2028 and U+2029 as `\uXXXX`.
  ///
  /// Runs of bytes that need no escape (all other UTF-8, `→` included) are copied whole.
  ///
  /// - Complexity: O(bytes of `value`).
  public static func writeString(_ value: String, into out: inout [UInt8]) {
    out.append(0x22)
    var value = value
    value.withUTF8 { utf8 in
      let count = utf8.count
      var run = 0  // start of the bytes not yet copied
      var i = 0
      while i < count {
        let byte = utf8[i]
        if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xE2 {
          i += 1
          continue
        }
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other characters starting with E2 are copied.
        let width: Int
        if byte == 0xE2 {
          guard i + 2 < count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
            i += 1
            continue
          }
          width = 3
        } else {
          width = 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
        switch byte {
        case 0x22: append("\\\"", to: &out)
        case 0x5C: append("\\\\", to: &out)
        case 0x0A: append("\\n", to: &out)
        case 0x0D: append("\\r", to: &out)
        case 0x09: append("\\t", to: &out)
        case 0xE2: append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
        default:
          let hex: [UInt8] = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])  // \u00XX
        }
        i += width
        run = i
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<count]))
    }
    out.append(0x22)
  }

  /// The escaping of ``writeString(_:into:)`` written scalar by scalar: its reference in tests.
  static func writeStringByScalars(_ value: String, into out: inout [UInt8]) {
    out.append(0x22)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": append("\\\"", to: &out)
      case "\\": append("\\\\", to: &out)
      case "\n": append("\\n", to: &out)
      case "\r": append("\\r", to: &out)
      case "\t": append("\\t", to: &out)
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &out)
      default: out.append(contentsOf: Array(String(scalar).utf8))
      }
    }
    out.append(0x22)
  }

  /// A newline and `indent` two-space indents; nothing when compact.
  public static func newline(_ indent: Int?, into out: inout [UInt8]) {
    guard let indent else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: 2 * max(indent, 0)))
  }

  private static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }
}
