/// What a country value resolved to (model §2).
public enum CountryResolution: Equatable, Sendable {
  /// An assigned alpha-2 code as given (any case): read without a finding.
  case code(String)
  /// Another spelling (`UK`, `CHN`, `China`, `Viet Nam`) resolved to this alpha-2 code: an info
  /// finding `country-resolved`, once per distinct value per file.
  case resolved(String)
  /// Nothing matched: a warning `unknown-country`; the raw value is kept as the entity's
  /// attribute `unresolved_country`.
  case unknown

  /// The alpha-2 code, if any.
  public var code: String? {
    switch self {
    case .code(let code), .resolved(let code): code
    case .unknown: nil
    }
  }
}
