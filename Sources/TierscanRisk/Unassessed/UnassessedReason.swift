/// Why no inherent-risk input of a category could apply to an entity (SPEC §6), in the order
/// the reasons are tested: the first that holds is the entity's reason.
public enum UnassessedReason: String, Sendable, CaseIterable, Comparable {
  /// A smelter (kind `smelter`, or with a CID) in `conflict_minerals` while no smelter status
  /// reference was given (and no country row applies to it).
  case noStatusReference = "no-status-reference"
  /// No country-commodity row of the category was given at all.
  case noCountryTable = "no-country-table"
  /// The entity's country value could not be resolved to an ISO code (attribute
  /// `unresolved_country`).
  case unknownCountry = "unknown-country"
  /// The entity gives no country.
  case noCountry = "no-country"
  /// No country-commodity row of the category names the entity's country.
  case countryNotCovered = "country-not-covered"
  /// The rows for the entity's country are all commodity-specific and the entity gives no
  /// commodity (none of its own, no `supplies` edge from it with one).
  case noCommodity = "no-commodity"
  /// The rows for the entity's country are all commodity-specific and none names a commodity
  /// of the entity.
  case commodityNotCovered = "commodity-not-covered"

  /// A short phrase for summaries and reports.
  public var phrase: String {
    switch self {
    case .noStatusReference: return "smelter without a status reference"
    case .noCountryTable: return "no country-commodity row in this category"
    case .unknownCountry: return "country not recognised"
    case .noCountry: return "no country"
    case .countryNotCovered: return "country not in any row of this category"
    case .noCommodity: return "no commodity where the country's rows are commodity-specific"
    case .commodityNotCovered: return "commodity not in the country's rows"
    }
  }

  /// Whether the reason lies in the entity's own data (no country, an unrecognised country, no
  /// commodity) rather than in what the reference data covers.
  public var isDataGap: Bool { self == .unknownCountry || self == .noCountry || self == .noCommodity }

  /// The attribute the ingest stage writes on an entity whose country value it could not resolve.
  public static let unresolvedCountryAttribute = "unresolved_country"

  public static func < (a: Self, b: Self) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
