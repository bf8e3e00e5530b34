/// Appends entities to the columns of an ``EntityTable``, interning countries, sectors,
/// commodity lists and source files as it goes.
struct EntityTableBuilder: ~Copyable {
  var ids = StringColumn()
  var names = StringColumn()
  var countryCode: [UInt32] = []
  var countries = StringCodes()
  var sectorCode: [UInt32] = []
  var sectors = StringCodes()
  var kindCode: [UInt8] = []
  var flags: [UInt8] = []
  var commodityList: [UInt32] = []
  var commodityLists = ListCodes()
  var aliasStart: [UInt32] = [0]
  var aliasValues = StringColumn()
  var identifierSlot: [Int32] = []
  var identifierValues = IdentifierColumn()
  var attributeSlot: [Int32] = []
  var attributeLists: [[Attribute]] = []
  var sourceFile: [UInt32] = []
  var sourceLine: [UInt32] = []
  var files = StringCodes()
  var sourceLists: [[Provenance]] = []

  /// A builder with room for `count` entities.
  init(reservingCapacity count: Int) {
    ids.reserveCapacity(strings: count, bytes: 0)
    names.reserveCapacity(strings: count, bytes: 0)
    countryCode.reserveCapacity(count)
    sectorCode.reserveCapacity(count)
    kindCode.reserveCapacity(count)
    flags.reserveCapacity(count)
    commodityList.reserveCapacity(count)
    aliasStart.reserveCapacity(count + 1)
    identifierSlot.reserveCapacity(count)
    attributeSlot.reserveCapacity(count)
    sourceFile.reserveCapacity(count)
    sourceLine.reserveCapacity(count)
    _ = commodityLists.code(of: [])  // list 0 is the empty list
  }

  /// Appends one entity given field by field (`commodities` distinct and sorted by bytes,
  /// `aliases` distinct).
  mutating func append(
    id: String, name: String, kind: EntityKind, country: String?, sector: String?, commodities: [String],
    identifiers: Identifiers, aliases: [String], rawMaterial: Bool, attributes: [Attribute],
    sources: EntitySourcesInput, isPlaceholder: Bool
  ) {
    ids.append(id)
    names.append(name)
    countryCode.append(country.map { countries.code(of: $0) + 1 } ?? 0)
    sectorCode.append(sector.map { sectors.code(of: $0) + 1 } ?? 0)
    kindCode.append(kind.code)
    flags.append((rawMaterial ? EntityTable.rawMaterialFlag : 0) | (isPlaceholder ? EntityTable.placeholderFlag : 0))
    commodityList.append(commodities.isEmpty ? 0 : commodityLists.code(of: commodities))
    for alias in aliases { aliasValues.append(alias) }
    precondition(aliasValues.count <= Int(UInt32.max), "at most 4G aliases")
    aliasStart.append(UInt32(aliasValues.count))
    if identifiers.isEmpty {
      identifierSlot.append(-1)
    } else {
      identifierSlot.append(identifierValues.append(identifiers))
    }
    if attributes.isEmpty {
      attributeSlot.append(-1)
    } else {
      attributeSlot.append(Int32(attributeLists.count))
      attributeLists.append(attributes)
    }
    append(sources: sources)
  }

  /// Appends the sources of the entity being appended.
  mutating func append(sources: EntitySourcesInput) {
    switch sources {
    case .one(let source):
      appendOne(source)
    case .list(let list):
      if list.isEmpty {
        sourceFile.append(EntityTable.noSource)
        sourceLine.append(0)
      } else if list.count == 1 {
        appendOne(list[0])
      } else {
        appendListed(list)
      }
    }
  }

  private mutating func appendOne(_ source: Provenance) {
    let (file, line) = sourceCode(source)
    sourceFile.append(file)
    sourceLine.append(line)
  }

  private mutating func appendListed(_ list: [Provenance]) {
    let (file, line) = listedCode(list)
    sourceFile.append(file)
    sourceLine.append(line)
  }

  /// The file code and line of an entity whose only source is `source`: the file's code and the
  /// line when they fit, else the listed-sources mark and a new list holding `source`.
  mutating func sourceCode(_ source: Provenance) -> (file: UInt32, line: UInt32) {
    if let line = source.line, line >= 0, line < Int(EntityTable.listedSources), source.column == nil,
      source.sheet == nil, source.cell == nil, source.pointer == nil
    {
      let file = files.code(of: source.file)
      precondition(file < EntityTable.listedSources, "too many source files")
      return (file, UInt32(line))
    }
    return listedCode([source])
  }

  /// The listed-sources mark and the number of a new list of sources holding `list`.
  mutating func listedCode(_ list: [Provenance]) -> (file: UInt32, line: UInt32) {
    sourceLists.append(list)
    return (EntityTable.listedSources, UInt32(sourceLists.count - 1))
  }

  /// Appends `entity`.
  mutating func append(_ entity: Entity) {
    let sources: EntitySourcesInput
    if let first = entity.firstSource, entity.hasOneSource {
      sources = .one(first)
    } else {
      sources = .list(entity.sources)
    }
    append(
      id: entity.id, name: entity.name, kind: entity.kind, country: entity.country, sector: entity.sector,
      commodities: entity.commodities, identifiers: entity.identifiers, aliases: entity.aliases,
      rawMaterial: entity.rawMaterial, attributes: entity.attributes, sources: sources,
      isPlaceholder: entity.isPlaceholder)
  }
}

/// The sources of an entity being appended: one (no array built) or a list.
enum EntitySourcesInput {
  case one(Provenance)
  case list([Provenance])
}

/// Distinct strings numbered in order of first appearance, compared by their bytes (as every
/// output does), not by Unicode canonical equivalence as `String ==` would.
struct StringCodes {
  private(set) var values: [String] = []
  private var interner = ByteInterner()

  /// The code of `value`, numbering it if new.
  mutating func code(of value: String) -> UInt32 {
    let (index, inserted) = interner.intern(value)
    if inserted { values.append(value) }
    return UInt32(index)
  }

  /// The code of the (valid UTF-8) string `utf8`, numbering it if new; a `String` is built only
  /// for a new value.
  mutating func code(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let (index, inserted) = interner.intern(UnsafeRawBufferPointer(utf8))
    if inserted { values.append(String(decoding: utf8, as: UTF8.self)) }
    return UInt32(index)
  }
}

/// Distinct string lists numbered in order of first appearance, compared by their bytes.
struct ListCodes {
  private(set) var values: [[String]] = []
  private var codes: [RawList: UInt32] = [:]

  /// The code of `list`, numbering it if new.
  mutating func code(of list: [String]) -> UInt32 {
    if let code = codes[RawList(list: list)] { return code }
    let code = UInt32(values.count)
    codes[RawList(list: list)] = code
    values.append(list)
    return code
  }
}

/// A list of strings hashed and compared by bytes (``RawKey`` for lists), without a copy.
private struct RawList: Hashable {
  let list: [String]

  static func == (a: RawList, b: RawList) -> Bool {
    a.list.count == b.list.count && a.list.indices.allSatisfy { a.list[$0].utf8Equals(b.list[$0]) }
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(list.count)
    for string in list { RawKey(string).hash(into: &hasher) }
  }
}
