import TierscanCore

extension CSVRow {
  /// A `YYYY-MM-DD` date that must exist in the calendar. A required date that is missing or
  /// invalid rejects the row (`missing-field`, `invalid-date`); an optional invalid one is dropped
  /// with an `invalid-date` warning.
  mutating func date(_ name: String, required: Bool = false) -> ISODate? {
    guard let raw = required ? self.required(name) : value(name) else { return nil }
    guard let date = ISODate(raw) else {
      let message = "\(name) '\(raw)' is not a calendar date YYYY-MM-DD"
      if required { reject(.invalidDate, message) } else { warn(.invalidDate, message + "; value dropped") }
      return nil
    }
    return date
  }

  /// A value that must be one of `values` (compared lower-cased, `-` and ` ` read as `_` when
  /// `underscores`); anything else is dropped with a warning under `rule`.
  mutating func choice<T: RawRepresentable>(
    _ name: String, as type: T.Type, rule: FindingRule, underscores: Bool = true
  ) -> T? where T.RawValue == String {
    guard let raw = value(name) else { return nil }
    if let value = T(rawValue: Self.token(raw, underscores: underscores)) { return value }
    warn(rule, "\(name) '\(raw)' is not a known value; value dropped")
    return nil
  }

  /// `raw` lower-cased with `-` and spaces turned into `_` (when `underscores`).
  static func token(_ raw: String, underscores: Bool = true) -> String {
    let lower = raw.lowercased()
    guard underscores else { return lower }
    return String(lower.map { $0 == "-" || $0 == " " ? "_" : $0 })
  }
}
