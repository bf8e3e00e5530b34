import TierscanCore

/// One row of the `Product List` sheet (header row 5, data from row 6: B number, C name, D comments).
public struct CMRTProduct: Sendable, Hashable {
  public var number: String?
  public var name: String?
  public var comments: String?
  public var provenance: Provenance

  /// Creates a product row.
  public init(number: String?, name: String?, comments: String?, provenance: Provenance) {
    self.number = number
    self.name = name
    self.comments = comments
    self.provenance = provenance
  }
}
