/// Relationship records in input order, stored as a struct of arrays (model §1).
///
/// Endpoints are indices into ``ids``, the table of distinct endpoint ids in order of first
/// occurrence (input order, `from` before `to` within a record) — the order in which
/// ``GraphBuilder`` creates placeholders for unknown ids. ``idFirstRow`` is the record where
/// each id first occurs. The other values are ``RelationshipColumns``; the basis stays optional.
///
/// Subscripting materialises a ``RelationshipRecord``, so the table reads like an array of
/// records. Readers append with ``append(_:)``; the CSV fast path appends already interned values
/// with ``append(from:to:basis:type:commodity:hsCode:share:confidence:year:line:file:)``.
public struct RelationshipRecordTable: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  /// Distinct endpoint ids, by first occurrence.
  public private(set) var ids = ByteInterner()
  /// The record in which each id of ``ids`` first occurs.
  public private(set) var idFirstRow: [Int32] = []
  /// The `from` id of each record (index into ``ids``).
  public private(set) var fromID: [Int32] = []
  /// The `to` id of each record (index into ``ids``).
  public private(set) var toID: [Int32] = []
  /// The basis as given (`nil`: the default applies).
  public private(set) var basis: [Basis?] = []
  /// Every other value.
  public private(set) var columns = RelationshipColumns()

  /// An empty table.
  public init() {}

  /// A table of `records`, in order.
  public init(_ records: some Sequence<RelationshipRecord>) {
    for record in records { append(record) }
  }

  public init(arrayLiteral elements: RelationshipRecord...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { fromID.count }

  /// The record at `r` (materialised from the columns).
  public subscript(r: Int) -> RelationshipRecord {
    let v = columns.values(r)
    return RelationshipRecord(
      from: ids.string(at: Int(fromID[r])), to: ids.string(at: Int(toID[r])), type: v.type, commodity: v.commodity,
      hsCode: v.hsCode, share: v.share, basis: basis[r], confidence: v.confidence, reportingYear: v.reportingYear,
      attributes: v.attributes, provenance: v.provenance)
  }

  public static func == (a: RelationshipRecordTable, b: RelationshipRecordTable) -> Bool {
    a.elementsEqual(b)
  }

  /// Reserves room for `n` records.
  public mutating func reserveCapacity(_ n: Int) {
    fromID.reserveCapacity(n)
    toID.reserveCapacity(n)
    basis.reserveCapacity(n)
    columns.reserveCapacity(n)
  }

  /// Interns an endpoint id that record `row` uses.
  @inline(__always)
  public mutating func internID(_ bytes: UnsafeRawBufferPointer, row: Int) -> Int32 {
    let (index, inserted) = ids.intern(bytes)
    if inserted { idFirstRow.append(Int32(row)) }
    return index
  }

  private mutating func internID(_ id: String, row: Int) -> Int32 {
    var id = id
    return id.withUTF8 { internID(UnsafeRawBufferPointer($0), row: row) }
  }

  /// Appends a record.
  public mutating func append(_ record: RelationshipRecord) {
    let row = count
    fromID.append(internID(record.from, row: row))
    toID.append(internID(record.to, row: row))
    basis.append(record.basis)
    columns.append(record)
  }

  /// Appends a record whose values are already encoded (see ``RelationshipColumns``); intern
  /// `from` before `to` with ``internID(_:row:)`` (row = ``count``) so ids keep first-occurrence order.
  @inline(__always)
  public mutating func append(
    from: Int32, to: Int32, basis: Basis?, type: RelationshipType, commodity: Int32, hsCode: Int32, share: Double,
    confidence: Double, year: Int32, line: Int32, file: Int32
  ) {
    fromID.append(from)
    toID.append(to)
    self.basis.append(basis)
    columns.append(
      type: type, commodity: commodity, hsCode: hsCode, share: share, confidence: confidence, year: year, line: line,
      file: file)
  }

  /// The index of an interned commodity or HS code value (see ``RelationshipColumns/internString(_:)-swift.method``).
  @inline(__always)
  public mutating func internString(_ bytes: UnsafeRawBufferPointer) -> Int32 { columns.internString(bytes) }

  /// The index of a provenance file name.
  public mutating func fileIndex(_ name: String) -> Int32 { columns.fileIndex(name) }

  /// Appends all of `other`'s records after this one's; `other`'s ids are interned into ``ids``
  /// in their order, so ids keep first-occurrence order.
  ///
  /// - Complexity: O(records of `other` + bytes of its distinct ids).
  public mutating func append(contentsOf other: RelationshipRecordTable) {
    if isEmpty && ids.count == 0 && columns.fileNames.isEmpty {
      self = other
      return
    }
    let base = Int32(count)
    // `other`'s ids already here are looked up on both cores (the table is only read), then the
    // ids new here are interned one by one in `other`'s order: the indices interning every id in
    // turn would give, since a found id inserts nothing.
    var map = IDLookup.indices(of: other.ids, in: ids)
    for i in map.indices where map[i] < 0 {
      let (index, inserted) = other.ids.withBytes(at: i) { ids.intern($0) }
      if inserted { idFirstRow.append(other.idFirstRow[i] + base) }
      map[i] = index
    }
    IDLookup.appendMapped(other.fromID, through: map, to: &fromID)
    IDLookup.appendMapped(other.toID, through: map, to: &toID)
    basis.append(contentsOf: other.basis)
    columns.append(contentsOf: other.columns)
  }

  /// Appends records in order.
  public mutating func append<S: Sequence>(contentsOf records: S) where S.Element == RelationshipRecord {
    for record in records { append(record) }
  }
}
