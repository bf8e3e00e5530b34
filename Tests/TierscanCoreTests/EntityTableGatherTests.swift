import Testing
@testable import TierscanCore
import TierscanTestSupport

/// The entity columns gathered on both cores (``EntityTable/gathering(records:side:picks:minimumToSplit:)``,
/// ``StringColumn/gathering(runs:from:minimumToSplit:_:)``) are exactly, code for code, what the
/// simple one-by-one builder appends, forced to split at every size and not split at all.
@Suite struct EntityTableGatherTests {
  @Test(arguments: 0..<16 as Range<UInt64>)
  func gatheredTableEqualsOneByOneTable(seed: UInt64) {
    var random = SplitMix64(seed: 0x4741_5448 &+ seed)
    let records = EntityRecordTable((0..<Int.random(in: 0...120, using: &random)).map { Self.record(&random, n: $0) })
    // Each record at most once, in random order, between side entities.
    var items: [Item] = []
    for r in records.indices.shuffled(using: &random) where Int.random(in: 0..<5, using: &random) > 0 {
      items.append(.record(r))
      if Int.random(in: 0..<4, using: &random) == 0 { items.append(.entity(Self.entity(&random))) }
    }
    var reference = EntityTableBuilder(reservingCapacity: items.count)
    var referenceCodes = EntityTableBuilder.RecordCodes(records)
    var side = EntityTableBuilder(reservingCapacity: 0)
    var sideCodes = EntityTableBuilder.RecordCodes(records)
    var sideCount: Int32 = 0
    var picks: [Int32] = []
    for item in items {
      switch item {
      case .record(let r):
        reference.appendSingle(records, r, codes: &referenceCodes)
        if !EntityTableBuilder.repeatsAlias(records, r) {
          picks.append(Int32(r))
          continue
        }
        side.appendSingle(records, r, codes: &sideCodes)
      case .entity(let entity):
        reference.append(entity)
        side.append(entity)
      }
      picks.append(~sideCount)
      sideCount += 1
    }
    let expected = EntityTable(reference)
    let sideTable = EntityTable(side)
    for minimumToSplit in [0, 1, 7, Int.max] {
      let gathered = EntityTable.gathering(records: records, side: sideTable, picks: picks, minimumToSplit: minimumToSplit)
      Self.expectSameColumns(gathered, expected)
    }
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func gatheredRunsAreTheStringsEndToEnd(seed: UInt64) {
    var random = SplitMix64(seed: 0x5255_4E53 &+ seed)
    let sources = (0..<3).map { _ in
      var column = StringColumn()
      for _ in 0..<Int.random(in: 0...40, using: &random) { column.append(Self.strings.randomElement(using: &random)!) }
      return column
    }
    var runs: [StringColumn.Run] = []
    for _ in 0..<Int.random(in: 0...60, using: &random) {
      let source = Int.random(in: 0..<3, using: &random)
      let first = Int.random(in: 0...sources[source].count, using: &random)
      runs.append(.init(source: source, first: first, count: Int.random(in: 0...(sources[source].count - first), using: &random)))
    }
    var expected = StringColumn()
    var expectedStarts: [UInt32] = [0]
    for run in runs {
      for i in run.first..<run.first + run.count { expected.append(sources[run.source][i]) }
      expectedStarts.append(UInt32(expected.count))
    }
    let fixedRuns = runs
    for minimumToSplit in [0, 1, 5, Int.max] {
      let (column, starts) = StringColumn.gathering(runs: runs.count, from: sources, minimumToSplit: minimumToSplit) {
        fixedRuns[$0]
      }
      #expect(column == expected)
      #expect(starts == expectedStarts)
    }
  }

  // MARK: Comparison

  private static func expectSameColumns(_ a: EntityTable, _ b: EntityTable) {
    #expect(a == b)
    #expect(a.ids == b.ids && a.names == b.names)
    #expect(a.countryCode == b.countryCode && a.countries == b.countries)
    #expect(a.sectorCode == b.sectorCode && a.sectors == b.sectors)
    #expect(a.kindCode == b.kindCode && a.flags == b.flags)
    #expect(a.commodityList == b.commodityList && a.commodityLists == b.commodityLists)
    #expect(a.aliasStart == b.aliasStart && a.aliasValues == b.aliasValues)
    #expect(a.identifierSlot == b.identifierSlot)
    #expect(a.identifierValues.present == b.identifierValues.present)
    #expect(a.identifierValues.firstValue == b.identifierValues.firstValue)
    #expect(a.identifierValues.values == b.identifierValues.values)
    #expect(a.attributeSlot == b.attributeSlot && a.attributeLists == b.attributeLists)
    #expect(a.sourceFile == b.sourceFile && a.sourceLine == b.sourceLine)
    #expect(a.files == b.files && a.sourceLists == b.sourceLists)
  }

  // MARK: Random inputs

  private enum Item {
    case record(Int)
    case entity(Entity)
  }

  private static let strings = ["", "a", "GB", "tin", "cobalt", "caf\u{E9}", "cafe\u{301}", "Zeta Co", "日本"]

  private static let provenances = [
    Provenance(file: "e.csv", line: 2), Provenance(file: "f.csv", line: 9),
    Provenance(file: "w.xlsx", line: 3, sheet: "S", cell: "D3"), Provenance(file: "g.omts", line: 12, pointer: "/nodes/4"),
    Provenance(file: "x.csv"), Provenance(file: "big.csv", line: Int(UInt32.max) + 5),
  ]

  private static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values.randomElement(using: &random)! }

  private static func optional(_ random: inout SplitMix64) -> String? {
    Bool.random(using: &random) ? nil : pick(strings, &random)
  }

  private static func list(_ random: inout SplitMix64) -> [String] {
    (0..<Int.random(in: 0...4, using: &random)).map { _ in pick(strings, &random) }
  }

  /// A simple record (distinct attribute keys, few aliases), aliases sometimes repeated.
  private static func record(_ random: inout SplitMix64, n: Int) -> EntityRecord {
    EntityRecord(
      id: pick(["E", "é", "S-"], &random) + String(n), name: optional(&random),
      kind: Bool.random(using: &random) ? nil : pick(EntityKind.allCases, &random),
      country: pick([nil, "GB", "CN", "DE"], &random), sector: optional(&random), commodities: list(&random),
      identifiers: Int.random(in: 0..<3, using: &random) == 0
        ? Identifiers(
          lei: pick(["L1", "L2", nil], &random), duns: pick([nil, "D\(n % 5)"], &random), vat: optional(&random),
          cid: pick([nil, "C\(n)"], &random))
        : Identifiers(),
      aliases: list(&random), rawMaterial: pick([nil, true, false], &random),
      attributes: list(&random).enumerated().map { Attribute("k\($0.offset)", $0.element) },
      provenance: pick(provenances, &random))
  }

  /// A merged-looking or placeholder entity.
  private static func entity(_ random: inout SplitMix64) -> Entity {
    let sources: [Provenance] = (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(provenances, &random) }
    return Entity(
      id: "M" + pick(strings, &random), name: pick(strings, &random), kind: pick(EntityKind.allCases, &random),
      country: pick([nil, "GB", "FR", "DE"], &random), sector: optional(&random),
      commodities: Array(Set(list(&random))).sorted { $0.utf8Precedes($1) },
      identifiers: Bool.random(using: &random)
        ? Identifiers() : Identifiers(lei: "L9", duns: optional(&random), vat: nil, cid: optional(&random)),
      aliases: Array(Set(list(&random))).sorted(), rawMaterial: Bool.random(using: &random),
      attributes: list(&random).enumerated().map { Attribute("a\($0.offset)", $0.element) }, sources: sources,
      isPlaceholder: Bool.random(using: &random))
  }
}
