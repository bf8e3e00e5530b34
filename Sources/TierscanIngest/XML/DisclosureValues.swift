import TierscanCore

/// Value checks shared by the disclosure reader: XSD-equivalent lexical checks (scan mode
/// performs the schema's checks itself) and the repair rules of docs/model.md §2 for countries and identifiers.
enum DisclosureValues {
  /// Why an attribute value was refused.
  struct Refusal: Error, Equatable {
    var message: String
  }

  /// Trims XML whitespace (space, tab, CR, LF) from both ends.
  static func trimmed(_ value: String) -> String {
    // Fast path: most values have nothing to trim.
    let utf8 = value.utf8
    guard let first = utf8.first, let last = utf8.last else { return value }
    if !isXMLSpaceByte(first) && !isXMLSpaceByte(last) { return value }
    var scalars = Substring(value).unicodeScalars[...]
    while let first = scalars.first, isXMLSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, isXMLSpace(last) { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }

  private static func isXMLSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isXMLSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
  }

  /// An `xs:decimal` literal (optional sign, digits with an optional fraction; no exponent).
  static func decimal(_ raw: String) -> Double? {
    let text = trimmed(raw)
    var bytes = Array(text.utf8)[...]
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    var digits = 0
    var dots = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        dots += 1
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits += 1
      } else {
        return nil
      }
    }
    guard digits > 0, dots <= 1 else { return nil }
    return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
  }

  /// A share in (0, 100].
  static func share(_ raw: String) -> Result<Double, Refusal> {
    guard let value = decimal(raw), value > 0, value <= 100 else {
      return .failure(Refusal(message: "share '\(raw)' is not a number in (0, 100]"))
    }
    return .success(value)
  }

  /// A confidence in (0, 1].
  static func confidence(_ raw: String) -> Result<Double, Refusal> {
    guard let value = decimal(raw), value > 0, value <= 1 else {
      return .failure(Refusal(message: "confidence '\(raw)' is not a number in (0, 1]"))
    }
    return .success(value)
  }

  /// A year: an integer in 1...9999.
  static func year(_ raw: String) -> Int? {
    let text = trimmed(raw)
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text), (1...9999).contains(value)
    else { return nil }
    return value
  }

  /// Checks an identifier value for its scheme; returns the value to keep, or `nil` when the check
  /// fails (the caller drops it with a warning). VAT numbers are kept as given.
  static func identifier(scheme: String, value raw: String) -> String? {
    let value = trimmed(raw)
    switch scheme {
    case "lei":
      let upper = value.uppercased()
      return IdentifierCheck.isValidLEI(upper) ? upper : nil
    case "duns":
      let digits = IdentifierCheck.canonicalDUNS(value)
      return IdentifierCheck.isValidDUNS(digits) ? digits : nil
    case "cid":
      let upper = value.uppercased()
      return IdentifierCheck.isValidCID(upper) ? upper : nil
    default:
      return value.isEmpty ? nil : value
    }
  }

  /// Whether an id would be read as a formula by a spreadsheet (model §5: warned at input).
  static func looksLikeFormula(_ id: String) -> Bool {
    guard let first = id.utf8.first else { return false }
    return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "@")
  }
}
