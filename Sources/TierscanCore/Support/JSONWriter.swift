/// Serialises ``JSONValue`` deterministically: keys in the order given, numbers as the shortest
/// decimal that reads back as the same double (integers without a fraction), two-space indent.
public enum JSONWriter {
  /// The JSON text of `value`, pretty-printed with a trailing newline.
  public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
    var out = ""
    write(value, indent: pretty ? 0 : nil, into: &out)
    if pretty { out += "\n" }
    return out
  }

  /// Formats a number the way every tierscan output does (`1`, `0.765`, `1e-20`).
  public static func formatNumber(_ number: Double) -> String {
    if number.isNaN || number.isInfinite { return "null" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return number.description
  }

  private static func write(_ value: JSONValue, indent: Int?, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += formatNumber(n)
    case .string(let s): writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        newline(indent.map { $0 + 1 }, into: &out)
        write(item, indent: indent.map { $0 + 1 }, into: &out)
      }
      newline(indent, into: &out)
      out += "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (key, item)) in pairs.enumerated() {
        if i > 0 { out += "," }
        newline(indent.map { $0 + 1 }, into: &out)
        writeString(key, into: &out)
        out += indent == nil ? ":" : ": "
        write(item, indent: indent.map { $0 + 1 }, into: &out)
      }
      newline(indent, into: &out)
      out += "}"
    }
  }

  private static func newline(_ indent: Int?, into out: inout String) {
    guard let indent else { return }
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  private static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
