import TierscanCore

/// One data row of a recognised CSV, with the value checks every row parser shares (model §2, §5).
///
/// Checks report findings into ``findings``; a check that makes the row unusable sets
/// ``isRejected`` with an error, one that drops or repairs a value adds a warning.
struct CSVRow {
  let header: CSVHeader
  let fields: [String]
  let at: Provenance
  /// Columns whose names the file's kind does not know; their values become attributes.
  let extraColumns: [Int]
  var findings: [Finding] = []
  private(set) var isRejected = false
  /// Country values resolved from another spelling: (column, raw value, code).
  private(set) var resolvedCountries: [(field: String, raw: String, code: String)] = []
  /// A country value that resolved to nothing (the first, when several columns do).
  private(set) var unresolvedCountry: String?

  init(header: CSVHeader, fields: [String], at: Provenance, extraColumns: [Int]) {
    self.header = header
    self.extraColumns = extraColumns
    self.fields = fields
    self.at = at
  }

  /// The trimmed value of column `name`, or `nil` when the column is absent or the value empty.
  func value(_ name: String) -> String? {
    guard let column = header.column(name) else { return nil }
    let value = fields[column].trimmingASCIIWhitespace()
    return value.isEmpty ? nil : value
  }

  /// Rejects the row with an error finding.
  mutating func reject(_ rule: FindingRule, _ message: String) {
    isRejected = true
    findings.append(Finding(.error, rule, at: at, message + "; row rejected"))
  }

  /// Adds a warning finding.
  mutating func warn(_ rule: FindingRule, _ message: String) {
    findings.append(Finding(.warning, rule, at: at, message))
  }

  /// A required value; rejects the row with `missing-field` when it is empty.
  mutating func required(_ name: String) -> String? {
    guard let value = value(name) else {
      reject(.missingField, "required field '\(name)' is empty")
      return nil
    }
    return value
  }

  /// An id column: required, with a `formula-like-id` warning for ids a spreadsheet would run.
  mutating func id(_ name: String) -> String? {
    guard let id = required(name) else { return nil }
    if let first = id.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
      warn(
        .formulaLikeId,
        "\(name) '\(id)' starts with '\(Character(Unicode.Scalar(first)))'; CSV outputs write it with a leading apostrophe")
    }
    return id
  }

  /// A country value (model §2) resolved by ``CountryResolver``: an alpha-2 code as given; another
  /// spelling is recorded in ``resolvedCountries`` (the file reports each distinct value once); a
  /// value that resolves to nothing is a warning `unknown-country`, kept in ``unresolvedCountry``,
  /// or rejects the row when `required`.
  mutating func country(_ name: String, required: Bool = false) -> String? {
    guard let raw = required ? self.required(name) : value(name) else { return nil }
    switch CountryResolver.resolve(raw) {
    case .code(let code):
      return code
    case .resolved(let code):
      resolvedCountries.append((name, raw, code))
      return code
    case .unknown:
      if required {
        reject(.unknownCountry, "\(name) '\(raw)' is not an ISO 3166-1 code or a known country name")
      } else {
        warn(.unknownCountry, CountryValues.unknownMessage(raw, field: name))
        unresolvedCountry = raw
      }
      return nil
    }
  }

  /// The attribute that keeps a country value that resolved to nothing, if any.
  var unresolvedCountryAttributes: [Attribute] {
    unresolvedCountry.map { [Attribute(CountryValues.unresolvedAttribute, $0)] } ?? []
  }

  /// The `lei`, `duns`, `vat` and `cid` columns; invalid LEI/DUNS/CID values are dropped with a warning.
  mutating func identifiers() -> Identifiers {
    var identifiers = Identifiers()
    if let lei = value("lei") {
      if IdentifierCheck.isValidLEI(lei) {
        identifiers.lei = lei
      } else {
        warn(.invalidLei, "lei '\(lei)' fails the ISO 17442 format or check digits; value dropped")
      }
    }
    if let raw = value("duns") {
      let duns = IdentifierCheck.canonicalDUNS(raw)
      if IdentifierCheck.isValidDUNS(duns) {
        identifiers.duns = duns
      } else {
        warn(.invalidDuns, "duns '\(raw)' is not 9 digits; value dropped")
      }
    }
    identifiers.vat = value("vat")
    if let cid = value("cid") {
      if IdentifierCheck.isValidCID(cid) {
        identifiers.cid = cid
      } else {
        warn(.invalidCid, "cid '\(cid)' is not 'CID' followed by 6 digits; value dropped")
      }
    }
    return identifiers
  }

  /// A number that must lie in a range; a value that is not a finite decimal number
  /// (``DecimalNumber``: no hexadecimal, `inf` or `nan`) or is out of range rejects the row with `rule`.
  mutating func number(
    _ name: String, rule: FindingRule, required: Bool = false, range: String, isValid: (Double) -> Bool
  ) -> Double? {
    guard let raw = required ? self.required(name) : value(name) else { return nil }
    guard let number = DecimalNumber.parse(raw), isValid(number) else {
      reject(rule, "\(name) '\(raw)' is not a number in \(range)")
      return nil
    }
    return number
  }

  /// An integer year; anything else is dropped with a warning.
  mutating func year(_ name: String) -> Int? {
    guard let raw = value(name) else { return nil }
    guard let year = Int(raw) else {
      warn(.invalidYear, "\(name) '\(raw)' is not an integer; value dropped")
      return nil
    }
    return year
  }

  /// A boolean written `true/false/yes/no/1/0` (any case); anything else is dropped with a warning.
  mutating func boolean(_ name: String) -> Bool? {
    guard let raw = value(name) else { return nil }
    switch raw.lowercased() {
    case "true", "yes", "1": return true
    case "false", "no", "0": return false
    default:
      warn(.invalidBoolean, "\(name) '\(raw)' is not true/false/yes/no/1/0; value dropped")
      return nil
    }
  }

  /// A `basis` value; an unknown one is dropped with a warning (the default `declared` applies).
  mutating func basis(_ name: String = "basis") -> Basis? {
    guard let raw = value(name) else { return nil }
    // Raw values are lower-case: a value that already is one needs no `lowercased()` copy.
    guard let basis = Basis(rawValue: raw) ?? Basis(rawValue: raw.lowercased()) else {
      warn(.invalidBasis, "\(name) '\(raw)' is not observed, declared or inferred; value dropped")
      return nil
    }
    return basis
  }

  /// An entity `kind`; an unknown one is dropped with a warning (the default `company` applies).
  mutating func kind(_ name: String) -> EntityKind? {
    guard let raw = value(name) else { return nil }
    guard let kind = EntityKind(rawValue: raw) ?? EntityKind(rawValue: raw.lowercased()) else {
      warn(.invalidKind, "\(name) '\(raw)' is not company, facility, smelter or mine; value dropped")
      return nil
    }
    return kind
  }

  /// A `;`-separated list, items trimmed, empty items dropped, optionally lower-cased.
  func list(_ name: String, lowercased: Bool = false) -> [String] {
    guard let raw = value(name) else { return [] }
    return raw.split(separator: ";").compactMap { item in
      let trimmed = String(item).trimmingASCIIWhitespace()
      return trimmed.isEmpty ? nil : (lowercased ? trimmed.lowercased() : trimmed)
    }
  }

  /// Every non-empty value of a column the file's kind does not know (``extraColumns``), keyed by
  /// its header name, in column order.
  func attributes() -> [Attribute] {
    var attributes: [Attribute] = []
    for column in extraColumns {
      let value = fields[column].trimmingASCIIWhitespace()
      if !value.isEmpty { attributes.append(Attribute(header.names[column], value)) }
    }
    return attributes
  }
}
