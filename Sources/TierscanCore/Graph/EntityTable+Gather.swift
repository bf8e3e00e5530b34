/// Building the graph's entity table column by column on both cores (the graph build's step
/// `entity columns`, docs/performance.md).
///
/// Entity `k` is either one entity record copied as it is (the common case) or an entity of a
/// small side table (merged components, placeholders, the rare record that needs more than a
/// copy). Appending them one by one in id order reads a dozen record columns at random places
/// per entity and grows every buffer by doubling on one core; here each column is gathered
/// separately by both workers into a buffer allocated once at its exact size, and only the codes
/// of shared values (countries, sectors, commodity lists, files) and the sparse slots
/// (identifiers, attributes, listed sources) are renumbered in one sequential pass over the
/// gathered columns, in id order, so the table is the same code for code as the one-by-one build.
extension EntityTable {
  /// The entity table whose entity `k` is the entity of record `picks[k]` alone when
  /// `picks[k] >= 0`, else entity `~picks[k]` of `side`: the same table, code for code, as
  /// appending the records with ``EntityTableBuilder/appendSingle(_:_:codes:)`` and the side
  /// entities with ``EntityTableBuilder/append(_:)`` in that order.
  ///
  /// - Parameters:
  ///   - records: the entity records.
  ///   - side: the entities that are not a record copied as it is, in the order `picks` names them.
  ///   - picks: a record (simple, with distinct aliases: see ``GraphBuilder``) or `~` a side entity.
  ///   - minimumToSplit: fewer entities are gathered on the calling thread (tests lower it).
  /// - Complexity: O(V + bytes), the gathers split over both cores.
  static func gathering(
    records: EntityRecordTable, side: EntityTable, picks: [Int32], minimumToSplit: Int
  ) -> EntityTable {
    let n = picks.count
    var table = EntityTableBuilder(reservingCapacity: 0)
    table.ids = StringColumn.gathering(runs: n, from: [records.ids, side.ids], minimumToSplit: minimumToSplit) { k in
      let p = Int(picks[k])
      return p >= 0 ? .init(source: 0, first: p, count: 1) : .init(source: 1, first: ~p, count: 1)
    }.column
    // A record without a name is named by its id.
    table.names = StringColumn.gathering(
      runs: n, from: [records.names, records.ids, side.names], minimumToSplit: minimumToSplit
    ) { k in
      let p = Int(picks[k])
      if p < 0 { return .init(source: 2, first: ~p, count: 1) }
      return .init(source: records.hasName(p) ? 0 : 1, first: p, count: 1)
    }.column
    (table.aliasValues, table.aliasStart) = StringColumn.gathering(
      runs: n, from: [records.aliasValues, side.aliasValues], minimumToSplit: minimumToSplit
    ) { k in
      let p = Int(picks[k])
      if p >= 0 {
        return .init(source: 0, first: Int(records.aliasStart[p]), count: records.aliasCount(p))
      }
      let (start, end) = (Int(side.aliasStart[~p]), Int(side.aliasStart[~p + 1]))
      return .init(source: 1, first: start, count: end - start)
    }
    table.kindCode = ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k in
      let p = Int(picks[k])
      if p < 0 { return side.kindCode[~p] }
      let kind = records.kindCode[p]
      return kind == 0 ? EntityKind.company.code : kind - 1
    }
    table.flags = ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k in
      let p = Int(picks[k])
      if p < 0 { return side.flags[~p] }
      return records.rawMaterial(p) == true ? EntityTable.rawMaterialFlag : 0
    }
    // The value codes and slots as the sources have them, a side code or slot shifted past the
    // records' (renumbered below).
    /// A code column: a record's code as it is, a side entity's shifted by `shift` (0, no value,
    /// stays 0).
    func codes(_ ofRecords: [UInt32], _ ofSide: [UInt32], shiftedBy shift: UInt32) -> [UInt32] {
      ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k in
        let p = Int(picks[k])
        if p >= 0 { return ofRecords[p] }
        let code = ofSide[~p]
        return code == 0 ? 0 : code + shift
      }
    }
    /// A slot column: a record's slot as it is, a side entity's shifted by `shift` (-1, none,
    /// stays -1).
    func slots(_ ofRecords: [Int32], _ ofSide: [Int32], shiftedBy shift: Int32) -> [Int32] {
      ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k in
        let p = Int(picks[k])
        if p >= 0 { return ofRecords[p] }
        let slot = ofSide[~p]
        return slot < 0 ? -1 : slot + shift
      }
    }
    table.countryCode = codes(
      records.countryCode, side.countryCode, shiftedBy: UInt32(records.countries.values.count))
    table.sectorCode = codes(records.sectorCode, side.sectorCode, shiftedBy: UInt32(records.sectors.values.count))
    let recordLists = UInt32(records.commodityLists.values.count)
    table.commodityList = ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k in
      let p = Int(picks[k])
      return p >= 0 ? records.commodityList[p] : side.commodityList[~p] + recordLists
    }
    let recordIdentifierSlots = records.identifierValues.count
    precondition(recordIdentifierSlots + side.identifierValues.count < Int(Int32.max), "at most 2G identifier slots")
    table.identifierSlot = slots(records.identifierSlot, side.identifierSlot, shiftedBy: Int32(recordIdentifierSlots))
    let recordAttributeLists = records.attributeLists.count
    precondition(recordAttributeLists + side.attributeLists.count < Int(Int32.max), "at most 2G attribute lists")
    table.attributeSlot = slots(records.attributeSlot, side.attributeSlot, shiftedBy: Int32(recordAttributeLists))
    let recordFiles = UInt32(records.files.values.count)
    precondition(Int(recordFiles) + side.files.count < Int(SourceCode.recordListed), "too many source files")
    let sources = ParallelWork.array(count: n, minimumToSplit: minimumToSplit) { k -> SourceCode in
      let p = Int(picks[k])
      if p >= 0 {
        let (file, line) = (records.sourceFile[p], records.sourceLine[p])
        if file != EntityRecordTable.listedSource, line < EntityTable.listedSources {
          return SourceCode(file: file, line: line)
        }
        return SourceCode(file: SourceCode.recordListed, line: UInt32(p))
      }
      let (file, line) = (side.sourceFile[~p], side.sourceLine[~p])
      if file == EntityTable.noSource || file == EntityTable.listedSources { return SourceCode(file: file, line: line) }
      return SourceCode(file: file + recordFiles, line: line)
    }
    table.renumber(records: records, side: side, sources: sources)
    // The identifier slots taken, in id order.
    let identifierPicks = table.identifierPicks()
    table.identifierValues = IdentifierColumn.gathering(
      count: identifierPicks.count, from: (records.identifierValues, side.identifierValues),
      minimumToSplit: minimumToSplit
    ) { s in
      let slot = Int(identifierPicks[s])
      return slot < recordIdentifierSlots ? (0, slot) : (1, slot - recordIdentifierSlots)
    }
    return EntityTable(table)
  }
}

/// The source file code and line of a gathered entity before renumbering: a record's file code,
/// or a side file code shifted past the records', with its line; a side entity's
/// ``EntityTable/noSource`` or ``EntityTable/listedSources`` as it is; or ``recordListed`` with
/// the record whose provenance does not fit a file code and a line.
private struct SourceCode: Sendable {
  var file: UInt32
  var line: UInt32

  static let recordListed = EntityTable.listedSources - 1
}

extension EntityTableBuilder {
  /// Renumbers the gathered value codes into this builder's tables and numbers the sparse
  /// attribute lists and listed sources, in entity order, exactly as appending the entities one
  /// by one does (each value interned where it first appears).
  fileprivate mutating func renumber(records: EntityRecordTable, side: EntityTable, sources: [SourceCode]) {
    let unset = UInt32.max
    let (recordCountries, recordSectors) = (records.countries.values.count, records.sectors.values.count)
    let recordLists = records.commodityLists.values.count
    let (recordAttributeLists, recordFiles) = (records.attributeLists.count, records.files.values.count)
    var countryMap = [UInt32](repeating: unset, count: recordCountries + side.countries.count + 1)
    var sectorMap = [UInt32](repeating: unset, count: recordSectors + side.sectors.count + 1)
    var listMap = [UInt32](repeating: unset, count: recordLists + side.commodityLists.count)
    var fileMap = [UInt32](repeating: unset, count: recordFiles + side.files.count)
    sourceFile = [UInt32](repeating: 0, count: sources.count)
    sourceLine = [UInt32](repeating: 0, count: sources.count)
    for k in 0..<sources.count {
      if countryCode[k] != 0 {
        let raw = Int(countryCode[k])
        if countryMap[raw] == unset {
          let value = raw <= recordCountries ? records.countries.values[raw - 1] : side.countries[raw - recordCountries - 1]
          countryMap[raw] = countries.code(of: value) + 1
        }
        countryCode[k] = countryMap[raw]
      }
      if sectorCode[k] != 0 {
        let raw = Int(sectorCode[k])
        if sectorMap[raw] == unset {
          let value = raw <= recordSectors ? records.sectors.values[raw - 1] : side.sectors[raw - recordSectors - 1]
          sectorMap[raw] = sectors.code(of: value) + 1
        }
        sectorCode[k] = sectorMap[raw]
      }
      let list = Int(commodityList[k])
      if listMap[list] == unset {
        let values =
          list < recordLists
          ? Self.sortedDistinct(records.commodityLists.values[list]) : side.commodityLists[list - recordLists]
        listMap[list] = values.isEmpty ? 0 : commodityLists.code(of: values)
      }
      commodityList[k] = listMap[list]
      if attributeSlot[k] >= 0 {
        let raw = Int(attributeSlot[k])
        attributeSlot[k] = Int32(attributeLists.count)
        attributeLists.append(
          raw < recordAttributeLists ? records.attributeLists[raw] : side.attributeLists[raw - recordAttributeLists])
      }
      let source = sources[k]
      switch source.file {
      case EntityTable.noSource:
        (sourceFile[k], sourceLine[k]) = (EntityTable.noSource, 0)
      case EntityTable.listedSources:
        (sourceFile[k], sourceLine[k]) = listedCode(side.sourceLists[Int(source.line)])
      case SourceCode.recordListed:
        (sourceFile[k], sourceLine[k]) = sourceCode(records.provenance(Int(source.line)))
      default:
        let raw = Int(source.file)
        if fileMap[raw] == unset {
          fileMap[raw] = files.code(of: raw < recordFiles ? records.files.values[raw] : side.files[raw - recordFiles])
          precondition(fileMap[raw] < EntityTable.listedSources, "too many source files")
        }
        (sourceFile[k], sourceLine[k]) = (fileMap[raw], source.line)
      }
    }
  }

  /// Numbers the entities' identifier slots in entity order and returns the gathered slot each
  /// took (a record slot, or a side slot shifted by `recordSlots`).
  fileprivate mutating func identifierPicks() -> [Int32] {
    var picks: [Int32] = []
    for k in identifierSlot.indices where identifierSlot[k] >= 0 {
      picks.append(identifierSlot[k])
      identifierSlot[k] = Int32(picks.count - 1)
    }
    return picks
  }
}
