/// A calendar date `YYYY-MM-DD` (proleptic Gregorian), validated: month 01–12 and a day that
/// exists in that month (so `2025-02-29` is not a date). No time zone, no clock.
public struct ISODate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A date, or `nil` when the day does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// Parses exactly `YYYY-MM-DD` (ASCII digits); `nil` for anything else or a day that does not exist.
  public init?(_ text: String) {
    let b = Array(text.utf8)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        guard b[i] >= 48, b[i] <= 57 else { return nil }
        value = value * 10 + Int(b[i] - 48)
      }
      return value
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Days since 1970-01-01 (negative before), for durations.
  public var dayNumber: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Days from `self` to `other` (positive when `other` is later).
  public func days(to other: ISODate) -> Int { other.dayNumber - dayNumber }

  /// The same day `months` calendar months later (earlier when negative), clamped to the
  /// month's last day (`2024-01-31` + 1 month = `2024-02-29`).
  public func adding(months: Int) -> ISODate {
    let total = year * 12 + (month - 1) + months
    let y = max(1, min(9999, total / 12))
    let m = total % 12 + 1
    return ISODate(year: y, month: m, day: min(day, Self.days(inMonth: m, of: y)))!
  }

  /// The last day of `year`.
  public static func endOfYear(_ year: Int) -> ISODate? { ISODate(year: year, month: 12, day: 31) }

  public static func < (a: ISODate, b: ISODate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
