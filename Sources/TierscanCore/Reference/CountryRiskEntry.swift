/// A country-commodity risk row (model §2.5, also produced from the ILAB goods list, §2.9).
public struct CountryRiskEntry: Sendable, Hashable {
  /// ISO alpha-2.
  public var country: String
  public var category: String
  /// In [0, 1].
  public var score: Double
  /// Lower-case commodity; `nil` means any commodity.
  public var commodity: String?
  public var source: String?
  public var provenance: Provenance
  /// Unknown columns, in column order (model §1: never dropped).
  public var attributes: [Attribute]
  /// Whether the row comes from the ILAB goods list (model §2.9): the risk engine then scores it
  /// with config `ilab_scores[category]` instead of ``score``.
  public var isFromILABList: Bool

  /// Creates a row.
  public init(
    country: String, category: String, score: Double, commodity: String? = nil, source: String? = nil,
    provenance: Provenance, attributes: [Attribute] = [], isFromILABList: Bool = false
  ) {
    self.isFromILABList = isFromILABList
    self.country = country
    self.category = category
    self.score = score
    self.commodity = commodity
    self.source = source
    self.provenance = provenance
    self.attributes = attributes
  }
}
