/// The company fields of a CMRT `Declaration` sheet (6.x addresses D8–D22), trimmed; `nil`
/// when blank. Contact data is kept as read (it is real business data: never log it).
public struct CMRTDeclaration: Sendable, Hashable {
  /// D8.
  public var companyName: String?
  /// D9: `A. Company`, `B. Product (or List of Products)` or `C. User defined …`.
  public var scope: String?
  /// D10 (required for scope C).
  public var scopeDescription: String?
  /// D12.
  public var companyUniqueID: String?
  /// D13 (e.g. `DUNS`, `LEI`, `VAT`).
  public var companyUniqueIDAuthority: String?
  /// D14.
  public var address: String?
  /// D15, D16, D17.
  public var contactName: String?
  public var contactEmail: String?
  public var contactPhone: String?
  /// D18, D19, D20, D21.
  public var authorizerName: String?
  public var authorizerTitle: String?
  public var authorizerEmail: String?
  public var authorizerPhone: String?
  /// D22 as an ISO date `YYYY-MM-DD`, when it is an Excel date or a recognised date text.
  public var effectiveDate: String?
  /// D22 as stored (an Excel serial number or text), for evidence.
  public var effectiveDateRaw: String?

  /// Creates an empty declaration.
  public init() {}

  /// The scope letter (`A`, `B` or `C`) when D9 starts with one.
  public var scopeLetter: Character? {
    guard let first = scope?.first, "ABC".contains(first) else { return nil }
    return first
  }
}
