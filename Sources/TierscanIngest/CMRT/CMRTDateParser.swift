/// Reads a CMRT effective date (Declaration D22): an Excel serial number (1900 or 1904 date
/// system) or a date typed as text. Unambiguous text forms only: `02-May-2024`, `2 May 2024`,
/// `May 2, 2024`, `2024-05-02` (also `/` or `.`), `02.05.2024` (day first), and `d/m/y` or
/// `m/d/y` when one part is over 12. Two-digit years are 20YY.
enum CMRTDateParser {
  /// The ISO `YYYY-MM-DD` form, or `nil` when the value is not a recognisable date.
  static func isoDate(_ value: CellValue, uses1904: Bool) -> String? {
    switch value {
    case .number(let serial, _): return fromSerial(serial, uses1904: uses1904)
    case .text(let text): return fromText(text, uses1904: uses1904)
    case .boolean, .error: return nil
    }
  }

  /// An Excel serial day number as an ISO date; `nil` outside 1900-01-01 … 9999-12-31.
  static func fromSerial(_ serial: Double, uses1904: Bool) -> String? {
    guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
    let day = Int(serial.rounded(.down))
    let days: Int
    if uses1904 {
      days = daysFromCivil(1904, 1, 1) + day
    } else {
      if day == 60 { return nil }  // 1900-02-29 does not exist (Lotus bug)
      days = daysFromCivil(1899, 12, day < 60 ? 31 : 30) + day
    }
    let (y, m, d) = civilFromDays(days)
    return format(y, m, d)
  }

  private static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  private enum Token {
    case number(Int, digits: Int)
    case month(Int)
  }

  /// A date typed as text.
  static func fromText(_ text: String, uses1904: Bool) -> String? {
    var tokens: [Token] = []
    var separators = Set<Character>()
    var current = ""
    func flush() -> Bool {
      defer { current = "" }
      if current.isEmpty { return true }
      if let number = Int(current) {
        tokens.append(.number(number, digits: current.count))
        return true
      }
      let lower = current.lowercased()
      guard lower.count >= 3, let index = months.firstIndex(where: { lower.hasPrefix($0) }) else { return false }
      tokens.append(.month(index + 1))
      return true
    }
    for character in text {
      if character.isASCII && (character.isLetter || character.isNumber) {
        current.append(character)
      } else {
        if !flush() { return nil }
        if !character.isWhitespace { separators.insert(character) }
      }
    }
    if !flush() { return nil }
    if tokens.count == 1, case .number(let serial, let digits) = tokens[0], digits == 5 {
      return fromSerial(Double(serial), uses1904: uses1904)
    }
    guard tokens.count >= 3 else { return nil }
    switch (tokens[0], tokens[1], tokens[2]) {
    case (.number(let y, 4), .number(let m, _), .number(let d, _)):
      return validated(y, m, d)
    case (.number(let d, _), .month(let m), .number(let y, let digits)):
      return validated(year(y, digits), m, d)
    case (.month(let m), .number(let d, _), .number(let y, let digits)):
      return validated(year(y, digits), m, d)
    case (.number(let a, _), .number(let b, _), .number(let y, let digits)) where digits == 4 || digits == 2:
      if separators == ["."] || a > 12 { return validated(year(y, digits), b, a) }
      if b > 12 { return validated(year(y, digits), a, b) }
      return nil
    default:
      return nil
    }
  }

  private static func year(_ value: Int, _ digits: Int) -> Int { digits <= 2 ? 2000 + value : value }

  private static func validated(_ y: Int, _ m: Int, _ d: Int) -> String? {
    guard y >= 1900, y <= 9999, m >= 1, m <= 12, d >= 1 else { return nil }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d <= lengths[m - 1] else { return nil }
    return format(y, m, d)
  }

  private static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date of a day count since 1970-01-01.
  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
