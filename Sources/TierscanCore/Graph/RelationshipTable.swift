/// The relationships of a ``SupplyGraph`` in input order, stored as a struct of arrays.
///
/// Subscripting materialises a ``Relationship``, so the table reads like `[Relationship]`
/// (`graph.relationships[r].type`, `for r in graph.relationships`, `.enumerated()`). Hot loops
/// read the columns instead: ``from``, ``to``, ``basis`` and ``columns`` (type, commodity, share,
/// confidence, … with the encodings documented on ``RelationshipColumns``).
public struct RelationshipTable: RandomAccessCollection, Sendable {
  /// `from` of every relationship.
  public let from: [EntityIndex]
  /// `to` of every relationship.
  public let to: [EntityIndex]
  /// The basis after defaults (`declared` when not given).
  public let basis: [Basis]
  /// Every other value (shared with the records the graph was built from, not copied).
  public let columns: RelationshipColumns

  /// A table of resolved endpoints and the records' columns.
  public init(from: [EntityIndex], to: [EntityIndex], basis: [Basis], columns: RelationshipColumns) {
    precondition(from.count == columns.count && to.count == columns.count && basis.count == columns.count)
    self.from = from
    self.to = to
    self.basis = basis
    self.columns = columns
  }

  /// A table of `relationships`, in order.
  public init(_ relationships: [Relationship]) {
    var columns = RelationshipColumns()
    columns.reserveCapacity(relationships.count)
    for r in relationships {
      columns.append(
        RelationshipRecord(
          from: "", to: "", type: r.type, commodity: r.commodity, hsCode: r.hsCode, share: r.share, basis: r.basis,
          confidence: r.confidence, reportingYear: r.reportingYear, attributes: r.attributes, provenance: r.provenance))
    }
    self.init(
      from: relationships.map(\.from), to: relationships.map(\.to), basis: relationships.map(\.basis), columns: columns)
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { from.count }

  /// The type of every relationship.
  @inlinable public var type: [RelationshipType] { columns.type }

  /// The relationship at `r` (materialised from the columns; inlined so that reading one field
  /// costs about one column load).
  @inlinable @inline(__always)
  public subscript(r: Int) -> Relationship {
    let v = columns.values(r)
    return Relationship(
      from: from[r], to: to[r], type: v.type, commodity: v.commodity, hsCode: v.hsCode, share: v.share,
      basis: basis[r], confidence: v.confidence, reportingYear: v.reportingYear, attributes: v.attributes,
      provenance: v.provenance)
  }

  /// The commodity of relationship `r`.
  @inlinable public func commodity(_ r: Int) -> String? { columns.string(columns.commodity[r]) }

  /// The share of relationship `r`.
  @inlinable public func share(_ r: Int) -> Double? {
    let s = columns.share(r)
    return RelationshipColumns.isMissing(s) ? nil : s
  }

  /// The explicit confidence of relationship `r`.
  @inlinable public func confidence(_ r: Int) -> Double? {
    let c = columns.confidence(r)
    return RelationshipColumns.isMissing(c) ? nil : c
  }

  /// The provenance of relationship `r`.
  @inlinable public func provenance(_ r: Int) -> Provenance { columns.values(r).provenance }
}
