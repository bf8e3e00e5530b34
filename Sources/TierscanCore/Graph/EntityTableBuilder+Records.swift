/// Appending the entity of a single entity record straight from the record columns: bytes and
/// codes copied column to column, no `String`, list or ``Provenance`` built per entity (at a
/// million entities this was most of the graph build's time).
extension EntityTableBuilder {
  /// The record table's codes renumbered into this builder's value tables, filled as records are
  /// copied (each distinct country, sector, commodity list and file is interned once).
  struct RecordCodes {
    /// Builder country code + 1 of each record country code - 1 (`unset` until first met).
    fileprivate var country: [UInt32]
    fileprivate var sector: [UInt32]
    /// Builder list code of each record list code (the list sorted and de-duplicated).
    fileprivate var commodityList: [UInt32]
    fileprivate var file: [UInt32]
    fileprivate static let unset = UInt32.max

    /// Empty maps for the codes of `records`.
    init(_ records: EntityRecordTable) {
      country = Array(repeating: Self.unset, count: records.countries.values.count)
      sector = Array(repeating: Self.unset, count: records.sectors.values.count)
      commodityList = Array(repeating: Self.unset, count: records.commodityLists.values.count)
      file = Array(repeating: Self.unset, count: records.files.values.count)
    }
  }

  /// Appends the entity of record `r` alone: the same entity as appending `id`, `name ?? id`,
  /// `kind ?? .company`, the commodities distinct and sorted by bytes, the aliases distinct, the
  /// record's provenance as the only source. The record must be simple: at most 8 aliases and
  /// no attribute key given twice.
  mutating func appendSingle(_ records: EntityRecordTable, _ r: Int, codes: inout RecordCodes) {
    records.ids.withUTF8(r) { ids.append(utf8: $0) }
    if records.hasName(r) {
      records.names.withUTF8(r) { names.append(utf8: $0) }
    } else {
      records.ids.withUTF8(r) { names.append(utf8: $0) }
    }
    let country = Self.code(records.countryCode[r], &codes.country) { countries.code(of: records.countries.values[$0]) + 1 }
    countryCode.append(country)
    let sector = Self.code(records.sectorCode[r], &codes.sector) { sectors.code(of: records.sectors.values[$0]) + 1 }
    sectorCode.append(sector)
    let kind = records.kindCode[r]
    kindCode.append(kind == 0 ? EntityKind.company.code : kind - 1)
    flags.append(records.rawMaterial(r) == true ? EntityTable.rawMaterialFlag : 0)
    let list = Int(records.commodityList[r])
    if codes.commodityList[list] == RecordCodes.unset {
      let values = records.commodityLists.values[list]
      codes.commodityList[list] = values.isEmpty ? 0 : commodityLists.code(of: Self.sortedDistinct(values))
    }
    commodityList.append(codes.commodityList[list])
    appendDistinctAliases(records, r)
    let slot = records.identifierSlot[r]
    identifierSlot.append(slot < 0 ? -1 : identifierValues.append(slot: Int(slot), of: records.identifierValues))
    let attributes = records.attributeSlot[r]
    if attributes < 0 {
      attributeSlot.append(-1)
    } else {
      attributeSlot.append(Int32(attributeLists.count))
      attributeLists.append(records.attributeLists[Int(attributes)])
    }
    let file = records.sourceFile[r]
    if file != EntityRecordTable.listedSource, records.sourceLine[r] < EntityTable.listedSources {
      if codes.file[Int(file)] == RecordCodes.unset {
        codes.file[Int(file)] = files.code(of: records.files.values[Int(file)])
        precondition(codes.file[Int(file)] < EntityTable.listedSources, "too many source files")
      }
      sourceFile.append(codes.file[Int(file)])
      sourceLine.append(records.sourceLine[r])
    } else {
      append(sources: .one(records.provenance(r)))
    }
  }

  /// The builder code of a record code (0 = none), interning the value the first time.
  private static func code(_ recordCode: UInt32, _ map: inout [UInt32], intern: (Int) -> UInt32) -> UInt32 {
    guard recordCode != 0 else { return 0 }
    let k = Int(recordCode) - 1
    if map[k] == RecordCodes.unset { map[k] = intern(k) }
    return map[k]
  }

  /// The record's aliases, each byte string once in first order (a short list: pairwise checks).
  private mutating func appendDistinctAliases(_ records: EntityRecordTable, _ r: Int) {
    let (start, end) = (Int(records.aliasStart[r]), Int(records.aliasStart[r + 1]))
    for a in start..<end {
      let repeated = records.aliasValues.withUTF8(a) { alias in
        (start..<a).contains { earlier in records.aliasValues.withUTF8(earlier) { $0.elementsEqual(alias) } }
      }
      if !repeated { records.aliasValues.withUTF8(a) { aliasValues.append(utf8: $0) } }
    }
    precondition(aliasValues.count <= Int(UInt32.max), "at most 4G aliases")
    aliasStart.append(UInt32(aliasValues.count))
  }

  /// Whether record `r` gives an alias twice (byte for byte): its entity is not a plain copy of
  /// the record's alias run (``EntityTable/gathering(records:side:picks:minimumToSplit:)``).
  /// Pairwise for a short list; a long one (never copied alone: it goes through the merge) is
  /// checked through a hash set, so a hostile row with 100,000 aliases stays linear.
  static func repeatsAlias(_ records: EntityRecordTable, _ r: Int) -> Bool {
    let (start, end) = (Int(records.aliasStart[r]), Int(records.aliasStart[r + 1]))
    guard end - start > 1 else { return false }
    if end - start > 8 {
      var seen = Set<[UInt8]>()
      for a in start..<end where !records.aliasValues.withUTF8(a, { seen.insert(Array($0)).inserted }) { return true }
      return false
    }
    for a in start + 1..<end {
      let repeated = records.aliasValues.withUTF8(a) { alias in
        (start..<a).contains { earlier in records.aliasValues.withUTF8(earlier) { $0.elementsEqual(alias) } }
      }
      if repeated { return true }
    }
    return false
  }

  /// The distinct values of a short list in byte order; a list already strictly ascending is
  /// returned as it is (no copy).
  static func sortedDistinct(_ values: [String]) -> [String] {
    if values.count < 2 || values.indices.dropFirst().allSatisfy({ values[$0 - 1].utf8Precedes(values[$0]) }) {
      return values
    }
    var distinct: [String] = []
    for value in values where !distinct.contains(where: { $0.utf8Equals(value) }) { distinct.append(value) }
    return distinct.count > 1 ? distinct.sorted { $0.utf8Precedes($1) } : distinct
  }
}
