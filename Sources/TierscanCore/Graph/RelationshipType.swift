/// The type of a directed relationship (model §1).
///
/// | type | from | to |
/// |---|---|---|
/// | `supplies` | supplier | buyer |
/// | `subcontracts` | subcontractor | contractor |
/// | `owns` | owner | owned |
/// | `operates` | operator | facility / mine / smelter |
public enum RelationshipType: String, Sendable, Hashable, CaseIterable, Codable {
  case supplies
  case subcontracts
  case owns
  case operates

  /// Whether this type describes goods or work flowing upstream → downstream (tiering follows these).
  public var isSupplyFlow: Bool { self == .supplies || self == .subcontracts }
}
