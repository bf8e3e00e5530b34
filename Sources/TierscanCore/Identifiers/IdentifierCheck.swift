/// Format and check-digit validation for the identifiers used to merge entities.
public enum IdentifierCheck {
  /// Whether `value` is a valid ISO 17442 LEI: 18 upper-case alphanumerics followed by two
  /// digits, such that the whole string, with letters mapped A=10 … Z=35, is ≡ 1 (mod 97).
  ///
  /// - Complexity: O(20).
  public static func isValidLEI(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard bytes.count == 20 else { return false }
    var remainder = 0
    for (offset, byte) in bytes.enumerated() {
      let digit: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where offset < 18: digit = Int(byte - UInt8(ascii: "A")) + 10
      default: return false
      }
      remainder = (digit >= 10 ? remainder * 100 + digit : remainder * 10 + digit) % 97
    }
    return remainder == 1
  }

  /// Whether `value` is a DUNS number: exactly 9 ASCII digits.
  public static func isValidDUNS(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    return bytes.count == 9 && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
  }

  /// Whether `value` is an RMI smelter id: `CID` followed by exactly 6 ASCII digits.
  public static func isValidCID(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    return bytes.count == 9 && bytes.starts(with: Array("CID".utf8)) && bytes[3...].allSatisfy { $0 >= 48 && $0 <= 57 }
  }

  /// Normalises a DUNS as written in the wild (`12-345-6789`, spaces) to its 9 digits when possible.
  public static func canonicalDUNS(_ value: String) -> String {
    String(value.unicodeScalars.filter { $0 != "-" && $0 != " " })
  }
}
