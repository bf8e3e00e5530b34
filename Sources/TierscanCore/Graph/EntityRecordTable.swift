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
  // Read (not written) outside the type: the graph builder copies single records column to column.
  private(set) var ids = StringColumn()
  private(set) var names = StringColumn()
  /// 0 = no kind, else 1 + the index in `EntityKind.allCases`.
  private(set) var kindCode: [UInt8] = []
  private(set) var flags: [UInt8] = []
  private(set) var countryCode: [UInt32] = []
  private(set) var countries = StringCodes()
  private(set) var sectorCode: [UInt32] = []
  private(set) var sectors = StringCodes()
  /// Code of the record's commodity list in `commodityLists` (0 = the empty list).
  private(set) var commodityList: [UInt32] = []
  private(set) var commodityLists = ListCodes()
  private(set) var aliasStart: [UInt32] = [0]
  private(set) var aliasValues = StringColumn()
  private(set) var identifierSlot: [Int32] = []
  private(set) var identifierValues = IdentifierColumn()
  private(set) var attributeSlot: [Int32] = []
  private(set) var attributeLists: [[Attribute]] = []
  /// File code in `files`, or ``listedSource`` when the provenance is `listedSources[sourceLine]`.
  private(set) var sourceFile: [UInt32] = []
  private(set) var sourceLine: [UInt32] = []
  private(set) var files = StringCodes()
  private(set) var listedSources: [Provenance] = []

  static let hasName: UInt8 = 1
  static let rawMaterialGiven: UInt8 = 2
  static let rawMaterialTrue: UInt8 = 4
  static let mergesByNameFlag: UInt8 = 8
  static let listedSource = UInt32.max

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
    kindCode.append(record.kind.map { $0.code + 1 } ?? 0)
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

  /// The code of a commodity list for ``appendParsed(id:name:kind:country:sector:commodityList:identifiers:aliases:rawMaterial:attributes:file:line:)``
  /// (a reader keeps the codes of the lists it has met; list 0 is the empty list).
  public mutating func commodityListCode(of list: [String]) -> UInt32 {
    list.isEmpty ? 0 : commodityLists.code(of: list)
  }

  /// The code of a provenance file for ``appendParsed(id:name:kind:country:sector:commodityList:identifiers:aliases:rawMaterial:attributes:file:line:)``.
  public mutating func fileCode(of file: String) -> UInt32 {
    let code = files.code(of: file)
    precondition(code < Self.listedSource, "too many source files")
    return code
  }

  /// Appends a record that a byte-level reader parsed (the CSV fast path), its text given as
  /// UTF-8 bytes in place: the same record as ``append(_:)`` of an ``EntityRecord`` with these
  /// values, without building its strings, lists and provenance.
  ///
  /// - Parameters:
  ///   - id: the id's bytes.
  ///   - name: the name's bytes (given, possibly empty).
  ///   - country: the country code, if given.
  ///   - sector: the sector's bytes; empty when not given.
  ///   - commodityList: a code from ``commodityListCode(of:)`` of this table.
  ///   - aliases: calls its argument with each alias's bytes, in order.
  ///   - file: a code from ``fileCode(of:)`` of this table; the provenance is `file:line`.
  public mutating func appendParsed(
    id: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, kind: EntityKind?, country: String?,
    sector: UnsafeBufferPointer<UInt8>, commodityList: UInt32, identifiers: Identifiers,
    aliases: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void, rawMaterial: Bool?, attributes: [Attribute],
    file: UInt32, line: Int
  ) {
    precondition(Int(commodityList) < commodityLists.values.count && Int(file) < files.values.count)
    guard line >= 0, line <= Int(UInt32.max) else {
      // A line the columns cannot hold: the general append lists the provenance.
      var list: [String] = []
      aliases { list.append(String(decoding: $0, as: UTF8.self)) }
      append(
        EntityRecord(
          id: String(decoding: id, as: UTF8.self), name: String(decoding: name, as: UTF8.self), kind: kind,
          country: country, sector: sector.isEmpty ? nil : String(decoding: sector, as: UTF8.self),
          commodities: commodityLists.values[Int(commodityList)], identifiers: identifiers, aliases: list,
          rawMaterial: rawMaterial, attributes: attributes, provenance: Provenance(file: files.values[Int(file)], line: line)))
      return
    }
    ids.append(utf8: id)
    names.append(utf8: name)
    var flag = Self.hasName
    if let rawMaterial { flag |= Self.rawMaterialGiven | (rawMaterial ? Self.rawMaterialTrue : 0) }
    flags.append(flag)
    kindCode.append(kind.map { $0.code + 1 } ?? 0)
    countryCode.append(country.map { countries.code(of: $0) + 1 } ?? 0)
    sectorCode.append(sector.isEmpty ? 0 : sectors.code(ofUTF8: sector) + 1)
    self.commodityList.append(commodityList)
    aliases { aliasValues.append(utf8: $0) }
    precondition(aliasValues.count <= Int(UInt32.max), "at most 4G aliases")
    aliasStart.append(UInt32(aliasValues.count))
    identifierSlot.append(identifiers.isEmpty ? -1 : identifierValues.append(identifiers))
    if attributes.isEmpty {
      attributeSlot.append(-1)
    } else {
      attributeSlot.append(Int32(attributeLists.count))
      attributeLists.append(attributes)
    }
    sourceFile.append(file)
    sourceLine.append(UInt32(line))
  }

  /// Appends records in order.
  public mutating func append(contentsOf records: some Sequence<EntityRecord>) {
    for record in records { append(record) }
  }

  /// Appends all of `other`'s records after this one's.
  ///
  /// - Complexity: O(records of `other` + its distinct countries, sectors, commodity lists and
  ///   files), column by column; into an empty table, O(1) (the columns are taken over).
  public mutating func append(contentsOf other: EntityRecordTable) {
    if isEmpty && files.values.isEmpty && listedSources.isEmpty {
      self = other
      return
    }
    // Column by column: other's codes are renumbered into this table's value tables (each
    // distinct value once), its offsets and slots shifted; no record is materialised.
    ids.append(contentsOf: other.ids)
    names.append(contentsOf: other.names)
    kindCode.append(contentsOf: other.kindCode)
    flags.append(contentsOf: other.flags)
    let countryMap = other.countries.values.map { countries.code(of: $0) + 1 }
    countryCode.append(contentsOf: other.countryCode.lazy.map { $0 == 0 ? 0 : countryMap[Int($0) - 1] })
    let sectorMap = other.sectors.values.map { sectors.code(of: $0) + 1 }
    sectorCode.append(contentsOf: other.sectorCode.lazy.map { $0 == 0 ? 0 : sectorMap[Int($0) - 1] })
    let listMap = other.commodityLists.values.map { commodityLists.code(of: $0) }
    commodityList.append(contentsOf: other.commodityList.lazy.map { listMap[Int($0)] })
    let aliasBase = aliasStart[aliasStart.count - 1]
    aliasStart.append(contentsOf: other.aliasStart.dropFirst().lazy.map { $0 + aliasBase })
    aliasValues.append(contentsOf: other.aliasValues)
    precondition(aliasValues.count <= Int(UInt32.max), "at most 4G aliases")
    let identifierBase = Int32(identifierValues.count)
    identifierSlot.append(contentsOf: other.identifierSlot.lazy.map { $0 < 0 ? $0 : $0 + identifierBase })
    identifierValues.append(contentsOf: other.identifierValues)
    let attributeBase = Int32(attributeLists.count)
    attributeSlot.append(contentsOf: other.attributeSlot.lazy.map { $0 < 0 ? $0 : $0 + attributeBase })
    attributeLists.append(contentsOf: other.attributeLists)
    let fileMap = other.files.values.map { files.code(of: $0) }
    precondition(files.values.count < Int(Self.listedSource), "too many source files")
    let listedBase = UInt32(listedSources.count)
    precondition(listedSources.count + other.listedSources.count < Int(UInt32.max), "at most 4G listed sources")
    for r in other.sourceFile.indices {
      let file = other.sourceFile[r]
      if file == Self.listedSource {
        sourceFile.append(Self.listedSource)
        sourceLine.append(other.sourceLine[r] + listedBase)
      } else {
        sourceFile.append(fileMap[Int(file)])
        sourceLine.append(other.sourceLine[r])
      }
    }
    listedSources.append(contentsOf: other.listedSources)
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
    return code == 0 ? nil : EntityKind(code: code - 1)
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

  /// Calls `body` with the scheme bit (0 LEI, 1 DUNS, 2 VAT, 3 CID) and the UTF-8 bytes of each
  /// identifier record `r` gives, in that order (no `String` built).
  public func forEachIdentifier(_ r: Int, _ body: (_ bit: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Void) {
    let slot = identifierSlot[r]
    if slot >= 0 { identifierValues.forEachValue(Int(slot), body) }
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
