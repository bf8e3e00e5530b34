/// Entity records in input order, stored as a struct of arrays (model §1).
///
/// Memory trick (docs/performance.md, memory): a million `EntityRecord` values take ~270 bytes
/// each before their strings' own heap blocks (a 96-byte ``Provenance``, four optional identifier
/// strings, optional name, country, sector…); here a record costs ~35 bytes beside its id and name
/// bytes:
/// - id, name and aliases: ``StringColumn``s (4-byte offsets into one UTF-8 buffer each; aliases
///   as a CSR list per record);
/// - country and sector: 4-byte codes into tables of distinct values (0 = none), commodities a
///   4-byte code of a shared, distinct list (a million rows name a few dozen lists);
/// - kind, the name/raw-material/merge-by-name flags: one byte each;
/// - identifiers and attributes: a 4-byte slot (-1 = none) into sparse tables (identifiers packed
///   in one byte buffer, ``IdentifierColumn``);
/// - provenance: a 4-byte file code and a 4-byte line for the common `file:line`; any other
///   provenance sits in a sparse table.
///
/// Subscripting materialises an ``EntityRecord``, so the table reads like `[EntityRecord]`;
/// the graph builder reads single fields through the accessors (``withID(_:_:)``,
/// ``identifiers(_:)``, ``mergesByName(_:)``…), which build nothing else. Records are appended,
/// never changed in place (a reader that renames ids builds a new table).
public struct EntityRecordTable: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  private var ids = StringColumn()
  private var names = StringColumn()
  /// 0 = no kind, else 1 + the index in `EntityKind.allCases`.
  private var kindCode: [UInt8] = []
  private var flags: [UInt8] = []
  private var countryCode: [UInt32] = []
  private var countries = StringCodes()
  private var sectorCode: [UInt32] = []
  private var sectors = StringCodes()
  /// Code of the record's commodity list in `commodityLists` (0 = the empty list).
  private var commodityList: [UInt32] = []
  private var commodityLists = ListCodes()
  private var aliasStart: [UInt32] = [0]
  private var aliasValues = StringColumn()
  private var identifierSlot: [Int32] = []
  private var identifierValues = IdentifierColumn()
  private var attributeSlot: [Int32] = []
  private var attributeLists: [[Attribute]] = []
  /// File code in `files`, or ``listedSource`` when the provenance is `listedSources[sourceLine]`.
  private var sourceFile: [UInt32] = []
  private var sourceLine: [UInt32] = []
  private var files = StringCodes()
  private var listedSources: [Provenance] = []

  private static let hasName: UInt8 = 1
  private static let rawMaterialGiven: UInt8 = 2
  private static let rawMaterialTrue: UInt8 = 4
  private static let mergesByNameFlag: UInt8 = 8
  private static let listedSource = UInt32.max

  /// An empty table.
  public init() {
    _ = commodityLists.code(of: [])  // list 0 is the empty list
  }

  /// A table of `records`, in order.
  public init(_ records: some Sequence<EntityRecord>) {
    self.init()
    for record in records { append(record) }
  }

  public init(arrayLiteral elements: EntityRecord...) { self.init(elements) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { flags.count }

  /// Reserves room for `n` more records (the per-record columns; string bytes grow as needed).
  public mutating func reserveCapacity(_ n: Int) {
    let total = count + n
    ids.reserveCapacity(strings: n, bytes: 0)
    names.reserveCapacity(strings: n, bytes: 0)
    kindCode.reserveCapacity(total)
    flags.reserveCapacity(total)
    countryCode.reserveCapacity(total)
    sectorCode.reserveCapacity(total)
    commodityList.reserveCapacity(total)
    aliasStart.reserveCapacity(total + 1)
    identifierSlot.reserveCapacity(total)
    attributeSlot.reserveCapacity(total)
    sourceFile.reserveCapacity(total)
    sourceLine.reserveCapacity(total)
  }

  /// Appends a record.
  public mutating func append(_ record: EntityRecord) {
    ids.append(record.id)
    names.append(record.name ?? "")
    var flag: UInt8 = record.name == nil ? 0 : Self.hasName
    if let raw = record.rawMaterial { flag |= Self.rawMaterialGiven | (raw ? Self.rawMaterialTrue : 0) }
    if record.mergesByName { flag |= Self.mergesByNameFlag }
    flags.append(flag)
    kindCode.append(record.kind.map { UInt8(EntityKind.allCases.firstIndex(of: $0)! + 1) } ?? 0)
    countryCode.append(record.country.map { countries.code(of: $0) + 1 } ?? 0)
    sectorCode.append(record.sector.map { sectors.code(of: $0) + 1 } ?? 0)
    commodityList.append(record.commodities.isEmpty ? 0 : commodityLists.code(of: record.commodities))
    for alias in record.aliases { aliasValues.append(alias) }
    precondition(aliasValues.count <= Int(UInt32.max), "at most 4G aliases")
    aliasStart.append(UInt32(aliasValues.count))
    if record.identifiers.isEmpty {
      identifierSlot.append(-1)
    } else {
      identifierSlot.append(identifierValues.append(record.identifiers))
    }
    if record.attributes.isEmpty {
      attributeSlot.append(-1)
    } else {
      attributeSlot.append(Int32(attributeLists.count))
      attributeLists.append(record.attributes)
    }
    let p = record.provenance
    if let line = p.line, line >= 0, line <= Int(UInt32.max), p.column == nil, p.sheet == nil, p.cell == nil,
      p.pointer == nil, files.values.count < Int(Self.listedSource)
    {
      sourceFile.append(files.code(of: p.file))
      sourceLine.append(UInt32(line))
    } else {
      precondition(listedSources.count < Int(UInt32.max), "at most 4G listed sources")
      sourceFile.append(Self.listedSource)
      sourceLine.append(UInt32(listedSources.count))
      listedSources.append(p)
    }
  }

  /// Appends records in order.
  public mutating func append(contentsOf records: some Sequence<EntityRecord>) {
    for record in records { append(record) }
  }

  /// Appends all of `other`'s records after this one's.
  ///
  /// - Complexity: O(records of `other`); into an empty table, O(1) (the columns are taken over).
  public mutating func append(contentsOf other: EntityRecordTable) {
    if isEmpty {
      self = other
      return
    }
    reserveCapacity(other.count)
    for record in other { append(record) }
  }

  /// The record at `r` (materialised from the columns).
  public subscript(r: Int) -> EntityRecord {
    EntityRecord(
      id: ids[r], name: hasName(r) ? names[r] : nil, kind: kind(r), country: country(r), sector: sector(r),
      commodities: commodities(r), identifiers: identifiers(r), aliases: aliases(r), rawMaterial: rawMaterial(r),
      attributes: attributes(r), provenance: provenance(r), mergesByName: mergesByName(r))
  }

  public static func == (a: EntityRecordTable, b: EntityRecordTable) -> Bool { a.elementsEqual(b) }

  // MARK: single fields

  /// The id of record `r`.
  public func id(_ r: Int) -> String { ids[r] }

  /// Calls `body` with the UTF-8 bytes of record `r`'s id.
  public func withID<R>(_ r: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try ids.withUTF8(r) { try body(UnsafeRawBufferPointer($0)) }
  }

  /// Whether record `r` gives a name.
  public func hasName(_ r: Int) -> Bool { flags[r] & Self.hasName != 0 }

  /// The name of record `r`, if given.
  public func name(_ r: Int) -> String? { hasName(r) ? names[r] : nil }

  /// The kind of record `r`, if given.
  public func kind(_ r: Int) -> EntityKind? {
    let code = kindCode[r]
    return code == 0 ? nil : EntityKind.allCases[Int(code) - 1]
  }

  /// The country of record `r`, if given.
  public func country(_ r: Int) -> String? {
    let code = countryCode[r]
    return code == 0 ? nil : countries.values[Int(code) - 1]
  }

  /// The sector of record `r`, if given.
  public func sector(_ r: Int) -> String? {
    let code = sectorCode[r]
    return code == 0 ? nil : sectors.values[Int(code) - 1]
  }

  /// The commodities of record `r` (shared with every record of the same list).
  public func commodities(_ r: Int) -> [String] { commodityLists.values[Int(commodityList[r])] }

  /// Number of commodities of record `r`.
  public func commodityCount(_ r: Int) -> Int { commodityLists.values[Int(commodityList[r])].count }

  /// The identifiers of record `r`.
  public func identifiers(_ r: Int) -> Identifiers {
    let slot = identifierSlot[r]
    return slot < 0 ? Identifiers() : identifierValues[Int(slot)]
  }

  /// Whether record `r` gives a LEI, DUNS or CID (the identifiers that merge).
  public func hasMergingIdentifier(_ r: Int) -> Bool {
    let slot = identifierSlot[r]
    return slot >= 0 && identifierValues.hasMergingIdentifier(Int(slot))
  }

  /// The aliases of record `r`, in order.
  public func aliases(_ r: Int) -> [String] {
    let (start, end) = (Int(aliasStart[r]), Int(aliasStart[r + 1]))
    if start == end { return [] }
    return (start..<end).map { aliasValues[$0] }
  }

  /// Number of aliases of record `r`.
  public func aliasCount(_ r: Int) -> Int { Int(aliasStart[r + 1] - aliasStart[r]) }

  /// Whether record `r` says it is a raw-material source (`nil`: not given).
  public func rawMaterial(_ r: Int) -> Bool? {
    let flag = flags[r]
    return flag & Self.rawMaterialGiven == 0 ? nil : flag & Self.rawMaterialTrue != 0
  }

  /// The attributes of record `r`.
  public func attributes(_ r: Int) -> [Attribute] {
    let slot = attributeSlot[r]
    return slot < 0 ? [] : attributeLists[Int(slot)]
  }

  /// Number of attributes of record `r`.
  public func attributeCount(_ r: Int) -> Int {
    let slot = attributeSlot[r]
    return slot < 0 ? 0 : attributeLists[Int(slot)].count
  }

  /// Where record `r` came from.
  public func provenance(_ r: Int) -> Provenance {
    let file = sourceFile[r]
    if file == Self.listedSource { return listedSources[Int(sourceLine[r])] }
    return Provenance(file: files.values[Int(file)], line: Int(sourceLine[r]))
  }

  /// Whether record `r` merges by name (``EntityRecord/mergesByName``).
  public func mergesByName(_ r: Int) -> Bool { flags[r] & Self.mergesByNameFlag != 0 }

  /// Whether any record merges by name.
  public var anyMergesByName: Bool { flags.contains { $0 & Self.mergesByNameFlag != 0 } }
}
