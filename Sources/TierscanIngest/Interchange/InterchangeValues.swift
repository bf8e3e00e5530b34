import TierscanCore

/// Value checks shared by the JSON interchange readers (OMTS, BODS, FtM).
enum InterchangeValues {
  /// Whether `text` is an ISO 8601 calendar date `YYYY-MM-DD` with a real month and day.
  static func isDate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9]
    guard digits.allSatisfy({ bytes[$0] >= 48 && bytes[$0] <= 57 }) else { return false }
    func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
    let year = number(0..<4)
    let month = number(5..<7)
    let day = number(8..<10)
    guard (1...12).contains(month), day >= 1 else { return false }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= lengths[month - 1]
  }

  /// The date part (`YYYY-MM-DD`) of a date or date-time, when it is a valid date.
  static func datePart(_ text: String) -> String? {
    let prefix = String(text.prefix(10))
    return isDate(prefix) ? prefix : nil
  }

  /// Whether `value` is a GS1 Global Location Number: 13 digits with a valid mod-10 check digit.
  static func isValidGLN(_ value: String) -> Bool {
    let digits = value.utf8.map { Int($0) - 48 }
    guard digits.count == 13, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
    var sum = 0
    for (offset, digit) in digits.dropLast().enumerated() { sum += digit * (offset % 2 == 0 ? 1 : 3) }
    return (10 - sum % 10) % 10 == digits[12]
  }

  /// Whether `text` uses reverse-domain notation (`org.example.thing`): at least one dot, no
  /// empty label, lower-case letters, digits, `-` and `.` only.
  static func isReverseDomain(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    return labels.allSatisfy { label in
      !label.isEmpty && label.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
    }
  }

  /// A compact text form of a JSON value for an attribute (strings as they are).
  static func text(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    case .null: return ""
    case .bool(let b): return b ? "true" : "false"
    case .number(let n):
      if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
      return String(n)
    default: return JSONWriter.string(value, pretty: false)
    }
  }
}

/// Resolves the country values of one interchange file through ``CountryResolver`` with the
/// findings of model §2 (``CountryValues``): `country-resolved` once per distinct value per
/// file, `unknown-country` per record, the raw value kept as attribute `unresolved_country`.
struct InterchangeCountries {
  private var values = CountryValues()

  /// The code for `raw`, or `nil`; `field` names the JSON field in findings.
  mutating func code(
    for raw: String, field: String, at location: Provenance, findings: inout FindingLog, attributes: inout [Attribute]
  ) -> String? {
    switch CountryResolver.resolve(raw) {
    case .code(let code): return code
    case .resolved(let code):
      if let finding = values.noteResolved(raw, to: code, field: field, at: location) { findings.add(finding) }
      return code
    case .unknown:
      findings.add(.warning, .unknownCountry, at: location, CountryValues.unknownMessage(raw, field: field))
      attributes.append(Attribute(CountryValues.unresolvedAttribute, raw))
      return nil
    }
  }
}
