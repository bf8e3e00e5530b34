/// The entities of a ``SupplyGraph`` (sorted by id bytes), stored as a struct of arrays.
///
/// Subscripting materialises an ``Entity``, so the table reads like `[Entity]`
/// (`graph.entities[i].name`, `for entity in graph.entities`, `.enumerated()`). Hot loops read
/// one field through the column accessors instead (``id(of:)``, ``name(of:)``, ``kind(of:)``,
/// ``country(of:)``, …), which build nothing else.
///
/// Layout (docs/performance.md, memory), per entity:
/// - id and name: 4-byte offsets into one UTF-8 buffer each (``StringColumn``);
/// - country and sector: 4-byte codes into tables of distinct values (0 = none);
/// - kind and the flags (raw material, placeholder): one byte each;
/// - commodities: a 4-byte id of a shared, distinct commodity list;
/// - aliases: a 4-byte start into one string column of all aliases (CSR);
/// - identifiers and attributes: a 4-byte slot each (-1 = none) into sparse tables (identifiers
///   packed in one byte buffer, ``IdentifierColumn``);
/// - sources: a 4-byte file code and a 4-byte line for the common single row; other source
///   lists sit in a sparse table.
public struct EntityTable: RandomAccessCollection, Sendable {
  /// Id of every entity.
  public let ids: StringColumn
  /// Name of every entity.
  public let names: StringColumn
  @usableFromInline let countryCode: [UInt32]
  @usableFromInline let countries: [String]
  @usableFromInline let sectorCode: [UInt32]
  @usableFromInline let sectors: [String]
  @usableFromInline let kindCode: [UInt8]
  @usableFromInline let flags: [UInt8]
  @usableFromInline let commodityList: [UInt32]
  @usableFromInline let commodityLists: [[String]]
  @usableFromInline let aliasStart: [UInt32]
  @usableFromInline let aliasValues: StringColumn
  @usableFromInline let identifierSlot: [Int32]
  let identifierValues: IdentifierColumn
  @usableFromInline let attributeSlot: [Int32]
  @usableFromInline let attributeLists: [[Attribute]]
  @usableFromInline let sourceFile: [UInt32]
  @usableFromInline let sourceLine: [UInt32]
  @usableFromInline let files: [String]
  @usableFromInline let sourceLists: [[Provenance]]

  @usableFromInline static let rawMaterialFlag: UInt8 = 1
  @usableFromInline static let placeholderFlag: UInt8 = 2
  /// `sourceFile` of an entity without sources.
  @usableFromInline static let noSource = UInt32.max
  /// `sourceFile` of an entity whose sources are `sourceLists[sourceLine]`.
  @usableFromInline static let listedSources = UInt32.max - 1

  init(_ builder: consuming EntityTableBuilder) {
    ids = builder.ids.compacted()
    names = builder.names.compacted()
    countryCode = builder.countryCode
    countries = builder.countries.values
    sectorCode = builder.sectorCode
    sectors = builder.sectors.values
    kindCode = builder.kindCode
    flags = builder.flags
    commodityList = builder.commodityList
    commodityLists = builder.commodityLists.values
    aliasStart = builder.aliasStart.exactCopy()
    aliasValues = builder.aliasValues.compacted()
    identifierSlot = builder.identifierSlot
    identifierValues = builder.identifierValues.compacted()
    attributeSlot = builder.attributeSlot
    attributeLists = builder.attributeLists.exactCopy()
    sourceFile = builder.sourceFile
    sourceLine = builder.sourceLine
    files = builder.files.values
    sourceLists = builder.sourceLists.exactCopy()
  }

  /// A table of `entities`, in order.
  public init(_ entities: some Collection<Entity>) {
    var builder = EntityTableBuilder(reservingCapacity: entities.count)
    for entity in entities { builder.append(entity) }
    self.init(builder)
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { kindCode.count }

  /// The entity at `i` (materialised from the columns).
  public subscript(i: Int) -> Entity {
    let file = sourceFile[i]
    let sources: [Provenance]
    if file == Self.noSource {
      sources = []
    } else if file == Self.listedSources {
      sources = sourceLists[Int(sourceLine[i])]
    } else {
      return Entity(
        id: id(of: i), name: name(of: i), kind: kind(of: i), country: country(of: i), sector: sector(of: i),
        commodities: commodities(of: i), identifiers: identifiers(of: i), aliases: aliases(of: i),
        rawMaterial: rawMaterial(of: i), attributes: attributes(of: i),
        source: Provenance(file: files[Int(file)], line: Int(sourceLine[i])), isPlaceholder: isPlaceholder(of: i))
    }
    return Entity(
      id: id(of: i), name: name(of: i), kind: kind(of: i), country: country(of: i), sector: sector(of: i),
      commodities: commodities(of: i), identifiers: identifiers(of: i), aliases: aliases(of: i),
      rawMaterial: rawMaterial(of: i), attributes: attributes(of: i), sources: sources,
      isPlaceholder: isPlaceholder(of: i))
  }

  /// The id of entity `i`.
  @inlinable public func id(of i: Int) -> String { ids[i] }

  /// The name of entity `i`.
  @inlinable public func name(of i: Int) -> String { names[i] }

  /// The kind of entity `i`.
  @inlinable public func kind(of i: Int) -> EntityKind { EntityKind(code: kindCode[i]) }

  /// The country of entity `i`.
  @inlinable public func country(of i: Int) -> String? {
    let code = countryCode[i]
    return code == 0 ? nil : countries[Int(code) - 1]
  }

  /// The sector of entity `i`.
  @inlinable public func sector(of i: Int) -> String? {
    let code = sectorCode[i]
    return code == 0 ? nil : sectors[Int(code) - 1]
  }

  /// The id of the country of entity `i`: 0 for none, else 1 + the index of its value in
  /// ``countryValues``. Equal ids, equal countries (byte for byte).
  @inlinable public func countryID(of i: Int) -> Int { Int(countryCode[i]) }

  /// The distinct countries of the table, value `k` having ``countryID(of:)`` `k + 1`.
  public var countryValues: [String] { countries }

  /// Number of distinct commodity lists (ids `0..<commodityListCount` of ``commodityListID(of:)``).
  public var commodityListCount: Int { commodityLists.count }

  /// The commodity list with id `id` (see ``commodityListID(of:)``).
  @inlinable public func commodities(ofListID id: Int) -> [String] { commodityLists[id] }

  /// The CID of entity `i`, if given (no other identifier read).
  public func cid(of i: Int) -> String? {
    let slot = identifierSlot[i]
    return slot < 0 ? nil : identifierValues.cid(Int(slot))
  }

  /// The commodities of entity `i` (shared with every entity of the same list).
  @inlinable public func commodities(of i: Int) -> [String] { commodityLists[Int(commodityList[i])] }

  /// The id of the commodity list of entity `i`: equal ids, equal lists (0 is the empty list).
  @inlinable public func commodityListID(of i: Int) -> Int { Int(commodityList[i]) }

  /// The identifiers of entity `i`.
  public func identifiers(of i: Int) -> Identifiers {
    let slot = identifierSlot[i]
    return slot < 0 ? Identifiers() : identifierValues[Int(slot)]
  }

  /// Whether entity `i` has any alias.
  @inlinable public func hasAliases(_ i: Int) -> Bool { aliasStart[i] != aliasStart[i + 1] }

  /// The aliases of entity `i`.
  @inlinable public func aliases(of i: Int) -> [String] {
    let (start, end) = (Int(aliasStart[i]), Int(aliasStart[i + 1]))
    if start == end { return [] }
    return (start..<end).map { aliasValues[$0] }
  }

  /// The attributes of entity `i`.
  @inlinable public func attributes(of i: Int) -> [Attribute] {
    let slot = attributeSlot[i]
    return slot < 0 ? [] : attributeLists[Int(slot)]
  }

  /// Whether entity `i` is a raw-material source.
  @inlinable public func rawMaterial(of i: Int) -> Bool { flags[i] & Self.rawMaterialFlag != 0 }

  /// Whether entity `i` exists only because a relationship named it.
  @inlinable public func isPlaceholder(of i: Int) -> Bool { flags[i] & Self.placeholderFlag != 0 }

  /// The first source of entity `i`.
  @inlinable public func firstSource(of i: Int) -> Provenance? {
    let file = sourceFile[i]
    if file == Self.noSource { return nil }
    if file == Self.listedSources { return sourceLists[Int(sourceLine[i])].first }
    return Provenance(file: files[Int(file)], line: Int(sourceLine[i]))
  }

  /// The file of entity `i`'s one source as an index into ``sourceFileValues``, or `nil` when it
  /// has no source or several (read ``sources(of:)`` then): lets a loop over many entities look
  /// at each distinct file once instead of building a ``Provenance`` per entity.
  @inlinable public func singleSourceFileID(of i: Int) -> Int? {
    let file = sourceFile[i]
    return file == Self.noSource || file == Self.listedSources ? nil : Int(file)
  }

  /// The distinct files of the entities' single sources (see ``singleSourceFileID(of:)``).
  public var sourceFileValues: [String] { files }

  /// The sources of entity `i`.
  public func sources(of i: Int) -> [Provenance] {
    let file = sourceFile[i]
    if file == Self.noSource { return [] }
    if file == Self.listedSources { return sourceLists[Int(sourceLine[i])] }
    return [Provenance(file: files[Int(file)], line: Int(sourceLine[i]))]
  }
}

extension EntityTable: Equatable {
  /// Entity by entity (the encodings of two equal tables may differ).
  public static func == (a: EntityTable, b: EntityTable) -> Bool { a.elementsEqual(b) }
}
