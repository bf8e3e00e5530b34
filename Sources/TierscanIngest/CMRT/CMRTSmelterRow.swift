import TierscanCore

/// One `Smelter List` row (6.x: header row 4, data from row 5, columns A–Q and hidden R–T).
///
/// Text fields are trimmed (tabs, spaces, line breaks); `0` placeholders and error values such
/// as `#N/A` count as blank in optional columns. ``raw`` keeps every non-empty cell as stored,
/// keyed by column letter.
public struct CMRTSmelterRow: Sendable, Hashable {
  /// 1-based sheet row.
  public var row: Int
  /// A: CID typed into the input column.
  public var cidInput: String?
  /// B as written, e.g. `Tungsten`.
  public var metalLabel: String?
  /// B lower-cased (`tantalum`, `tin`, `gold`, `tungsten`; EMRT: `cobalt`, `mica`, …).
  public var metal: String?
  /// C: the look-up selection (may be `Smelter not listed` / `Smelter not yet identified`).
  public var lookupName: String?
  /// D: name typed for an unlisted smelter.
  public var name: String?
  /// E: country as written (a country name such as `CHINA`).
  public var country: String?
  /// F: the smelter identification (CID) as written, trimmed.
  public var smelterID: String?
  /// G … Q.
  public var sourceOfID: String?
  public var street: String?
  public var city: String?
  public var stateProvince: String?
  public var contactName: String?
  public var contactEmail: String?
  public var nextSteps: String?
  public var mineNames: String?
  public var mineCountry: String?
  /// P: does 100 % of feedstock come from recycled or scrap sources.
  public var recycledOrScrap: String?
  public var comments: String?
  /// Hidden R (5.x+): RMI standard smelter name.
  public var standardName: String?
  /// Hidden S (5.x+): ISO country code.
  public var countryCode: String?
  /// Hidden T (5.x+): state/province code.
  public var stateProvinceCode: String?

  /// The valid CID of the row (F, else A), or `nil`.
  public var cid: String?
  /// Effective name: D, else R, else C (never the `Smelter not …` look-up placeholders).
  public var effectiveName: String?
  /// ISO alpha-2 country: S when it is an assigned code, else E mapped from its name.
  public var countryISO: String?
  /// E when it resolved to no country: kept on the smelter entity as `unresolved_country`.
  public var unresolvedCountry: String?
  /// The graph entity id the row produced, or `nil` when the smelter is unidentified.
  public var entityID: String?
  /// Non-empty cells as stored, by column letter (A…T), before trimming and placeholder removal.
  public var raw: [Attribute]
  /// `Smelter List`, row, and the cell holding the CID (`F<row>`, or `A<row>` when only A has it).
  public var provenance: Provenance

  /// Creates an empty row at `provenance`.
  public init(row: Int, provenance: Provenance) {
    self.row = row
    self.raw = []
    self.provenance = provenance
  }
}
