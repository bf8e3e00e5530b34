/// The decimal number syntax of every number tierscan reads from an input cell (shares,
/// confidences, scores): an optional sign, digits with an optional fraction (`12`, `12.5`, `.5`,
/// `12.`), and an optional decimal exponent (`1e-3`). Hexadecimal and hex-float numbers
/// (`0x10`, `0x1p-1`), `inf`, `nan`, `infinity`, spaces and anything else are not numbers, even
/// though Swift's `Double(_:)` accepts several of them.
public enum DecimalNumber {
  /// The value of `text` when it is a finite decimal number, else `nil` (also for a number whose
  /// magnitude overflows a `Double`, such as `1e400`).
  public static func parse<S: StringProtocol>(_ text: S) -> Double? {
    guard isDecimal(text.utf8) else { return nil }
    guard let value = Double(String(text)), value.isFinite else { return nil }
    return value
  }

  /// Whether `bytes` spell a decimal number: `[+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?`.
  public static func isDecimal<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var i = bytes.startIndex
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i = bytes.index(after: i) }
    var mantissaDigits = 0
    while i < bytes.endIndex, isDigit(bytes[i]) {
      mantissaDigits += 1
      i = bytes.index(after: i)
    }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
      i = bytes.index(after: i)
      while i < bytes.endIndex, isDigit(bytes[i]) {
        mantissaDigits += 1
        i = bytes.index(after: i)
      }
    }
    guard mantissaDigits > 0 else { return false }
    if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i = bytes.index(after: i)
      if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i = bytes.index(after: i) }
      var exponentDigits = 0
      while i < bytes.endIndex, isDigit(bytes[i]) {
        exponentDigits += 1
        i = bytes.index(after: i)
      }
      guard exponentDigits > 0 else { return false }
    }
    return i == bytes.endIndex
  }
}
