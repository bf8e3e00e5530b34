/// A relationship (edge) of the supply graph with endpoints resolved to entity indices.
///
/// Parallel edges from different records are kept as separate evidence. Relationships are
/// stored in input order, so an edge's index is its input rank (used to cite "the first in
/// input order" among equal parallel edges).
public struct Relationship: Sendable, Hashable {
  public var from: EntityIndex
  public var to: EntityIndex
  public var type: RelationshipType
  public var commodity: String?
  public var hsCode: String?
  public var share: Double?
  /// Basis after defaults (`declared` when not given).
  public var basis: Basis
  /// Confidence as given; `nil` means `basis_confidence[basis]` from the risk config.
  public var confidence: Double?
  public var reportingYear: Int?
  public var attributes: [Attribute]
  public var provenance: Provenance

  /// Creates a relationship.
  @inlinable public init(
    from: EntityIndex, to: EntityIndex, type: RelationshipType, commodity: String? = nil, hsCode: String? = nil,
    share: Double? = nil, basis: Basis = .declared, confidence: Double? = nil, reportingYear: Int? = nil,
    attributes: [Attribute] = [], provenance: Provenance
  ) {
    self.from = from
    self.to = to
    self.type = type
    self.commodity = commodity
    self.hsCode = hsCode
    self.share = share
    self.basis = basis
    self.confidence = confidence
    self.reportingYear = reportingYear
    self.attributes = attributes
    self.provenance = provenance
  }
}

/// Dense index of an entity in a ``SupplyGraph``. Indices follow the byte order of entity ids,
/// so comparing indices compares ids.
public typealias EntityIndex = Int32

/// Dense index of a relationship in a ``SupplyGraph`` (its input rank).
public typealias RelationshipIndex = Int32
