import Testing
@testable import TierscanCore
import TierscanTestSupport

/// ``EntityTable`` gives back every entity exactly (byte for byte, not only up to Unicode
/// equivalence), through its subscript and through each column accessor, for random entities
/// and for random graphs built from records.
@Suite struct EntityTableTests {
  @Test func randomEntitiesComeBackByteForByte() {
    var random = SplitMix64(seed: 0x454E_5449_5459)
    for round in 0..<40 {
      let entities = (0..<Int.random(in: 0...60, using: &random)).map { _ in Self.entity(&random) }
      let table = EntityTable(entities)
      #expect(table.count == entities.count, "round \(round)")
      for (i, entity) in entities.enumerated() {
        Self.expectSame(table, i, entity)
      }
      #expect(Array(table) == entities)
    }
  }

  @Test func singleRecordEntitiesOfARandomGraphAreTheirRecords() {
    var random = SplitMix64(seed: 21)
    for _ in 0..<20 {
      // Unique ids and identifiers: every record is its own entity, copied column to column.
      let records = (0..<Int.random(in: 1...80, using: &random)).map { n in
        var record = Self.record(&random, id: "E\(n)")
        func unique(_ scheme: String) -> String? { Bool.random(using: &random) ? nil : "\(scheme)\(n)" }
        record.identifiers = Identifiers(lei: unique("L"), duns: unique("D"), vat: unique("V"), cid: unique("C"))
        return record
      }
      var log = FindingLog()
      let graph = GraphBuilder().build(entityRecords: records, relationshipRecords: [], findings: &log)
      #expect(graph.entityCount == records.count)
      for record in records {
        let v = Int(graph.index(of: record.id)!)
        Self.expectSame(graph.entities, v, Self.reference(record))
      }
    }
  }

  @Test func mergedAndPlaceholderEntitiesOfARandomGraphReadTheSameEveryWay() {
    var random = SplitMix64(seed: 5)
    for _ in 0..<20 {
      // Few ids and shared identifiers: many records merge; edges name unknown ids.
      let records = (0..<Int.random(in: 1...80, using: &random)).map { _ in
        Self.record(&random, id: "E\(Int.random(in: 0..<25, using: &random))")
      }
      let edges = (0..<10).map { n in
        RelationshipRecord(
          from: "E\(Int.random(in: 0..<40, using: &random))", to: "P\(n)", type: .supplies,
          provenance: Provenance(file: "r.csv", line: n + 2))
      }
      var log = FindingLog()
      let graph = GraphBuilder().build(entityRecords: records, relationshipRecords: edges, findings: &log)
      for v in graph.entities.indices {
        Self.expectSame(graph.entities, v, graph.entities[v])
        #expect(graph.index(of: graph.entities.id(of: v)) == EntityIndex(v))
      }
      #expect(EntityTable(Array(graph.entities)) == graph.entities)
      #expect(graph.entities.contains { $0.isPlaceholder })
    }
  }

  @Test func canonicallyEquivalentStringsStayDistinct() {
    // "é" precomposed and decomposed are equal `String`s but different bytes: neither the
    // string columns nor the interned countries, sectors and commodity lists may fold them.
    let (composed, decomposed) = ("caf\u{E9}", "cafe\u{301}")
    let entities = [
      Entity(id: "A", name: composed, sector: composed, commodities: [composed]),
      Entity(id: "B", name: decomposed, sector: decomposed, commodities: [decomposed]),
    ]
    let table = EntityTable(entities)
    #expect(Array(table.name(of: 1).utf8) == Array(decomposed.utf8))
    #expect(Array(table.sector(of: 1)!.utf8) == Array(decomposed.utf8))
    #expect(Array(table.commodities(of: 1)[0].utf8) == Array(decomposed.utf8))
    #expect(table.commodityListID(of: 0) != table.commodityListID(of: 1))
  }

  @Test func theColumnsCostAboutFortyBytesAnEntityBesideTheirStrings() {
    // The layout guard: one offset per id and name, codes for the rest (docs/performance.md).
    let entities = (0..<1_000).map { n in
      Entity(
        id: "E\(n)", name: "A company name longer than fifteen bytes \(n)", country: "GB", sector: "metals",
        commodities: ["cobalt"], source: Provenance(file: "entities.csv", line: n + 2))
    }
    let table = EntityTable(entities)
    // Bytes of each dense column's element: widening one shows up here.
    let perEntity = [
      MemoryLayout.stride(ofValue: table.ids.offsets[0]), MemoryLayout.stride(ofValue: table.names.offsets[0]),
      MemoryLayout.stride(ofValue: table.countryCode[0]), MemoryLayout.stride(ofValue: table.sectorCode[0]),
      MemoryLayout.stride(ofValue: table.kindCode[0]), MemoryLayout.stride(ofValue: table.flags[0]),
      MemoryLayout.stride(ofValue: table.commodityList[0]), MemoryLayout.stride(ofValue: table.aliasStart[0]),
      MemoryLayout.stride(ofValue: table.identifierSlot[0]), MemoryLayout.stride(ofValue: table.attributeSlot[0]),
      MemoryLayout.stride(ofValue: table.sourceFile[0]), MemoryLayout.stride(ofValue: table.sourceLine[0]),
    ].reduce(0, +)
    #expect(perEntity == 42)
    #expect(table.countryCode.count == 1_000 && table.countries == ["GB"])
    #expect(table.commodityLists.count == 2)  // the empty list and ["cobalt"]
    #expect(table.identifierValues.isEmpty && table.attributeLists.isEmpty && table.sourceLists.isEmpty)
    #expect(table.files == ["entities.csv"])
    // The name bytes were copied to a buffer of their size (appending left up to half unused).
    #expect(table.names.bytes.capacity < table.names.bytes.count + 64)
  }

  // MARK: Random values

  private static let strings = [
    "", "a", "GB", "cobalt", "tin", "caf\u{E9}", "cafe\u{301}", "Zeta, \"Quoted\" Co", "x\ny",
    "A name of more than fifteen bytes", "=formula", "日本語の会社名株式会社",
  ]

  private static func string(_ random: inout SplitMix64) -> String { strings.randomElement(using: &random)! }

  private static func optional(_ random: inout SplitMix64) -> String? {
    Bool.random(using: &random) ? nil : string(&random)
  }

  private static func list(_ random: inout SplitMix64) -> [String] {
    (0..<Int.random(in: 0...3, using: &random)).map { _ in string(&random) }
  }

  private static func provenance(_ random: inout SplitMix64) -> Provenance {
    switch Int.random(in: 0..<5, using: &random) {
    case 0: return Provenance(file: "w.xlsx", line: 3, sheet: "Smelter List", cell: "D3")
    case 1: return Provenance(file: "g.omts", line: 12, pointer: "/nodes/4")
    case 2: return Provenance(file: "x.csv")
    case 3: return Provenance(file: "big.csv", line: Int(UInt32.max) + 5)
    default: return Provenance(file: string(&random), line: Int.random(in: 1...1_000_000, using: &random))
    }
  }

  private static func identifiers(_ random: inout SplitMix64) -> Identifiers {
    Bool.random(using: &random)
      ? Identifiers()
      : Identifiers(lei: optional(&random), duns: optional(&random), vat: optional(&random), cid: optional(&random))
  }

  private static func entity(_ random: inout SplitMix64) -> Entity {
    Entity(
      id: string(&random), name: string(&random), kind: EntityKind.allCases.randomElement(using: &random)!,
      country: optional(&random), sector: optional(&random), commodities: list(&random),
      identifiers: identifiers(&random), aliases: list(&random), rawMaterial: Bool.random(using: &random),
      attributes: list(&random).map { Attribute($0, string(&random)) },
      sources: (0..<Int.random(in: 0...3, using: &random)).map { _ in provenance(&random) },
      isPlaceholder: Bool.random(using: &random))
  }

  private static func record(_ random: inout SplitMix64, id: String) -> EntityRecord {
    EntityRecord(
      id: id, name: optional(&random), kind: Bool.random(using: &random) ? nil : EntityKind.allCases.randomElement(using: &random),
      country: optional(&random), sector: optional(&random), commodities: list(&random),
      identifiers: Bool.random(using: &random) ? Identifiers() : Identifiers(lei: ["L1", "L2"].randomElement(using: &random)),
      aliases: list(&random), rawMaterial: [nil, true, false].randomElement(using: &random)!,
      attributes: list(&random).enumerated().map { Attribute("k\($0.offset)", $0.element) },
      provenance: provenance(&random))
  }

  /// The entity the builder made of a single simple record before entities became columns.
  private static func reference(_ record: EntityRecord) -> Entity {
    var commodities: [String] = []
    for c in record.commodities where !commodities.contains(where: { $0.utf8Equals(c) }) { commodities.append(c) }
    var aliases: [String] = []
    for a in record.aliases where !aliases.contains(where: { $0.utf8Equals(a) }) { aliases.append(a) }
    return Entity(
      id: record.id, name: record.name ?? record.id, kind: record.kind ?? .company, country: record.country,
      sector: record.sector, commodities: commodities.sorted { $0.utf8Precedes($1) }, identifiers: record.identifiers,
      aliases: aliases, rawMaterial: record.rawMaterial == true, attributes: record.attributes,
      source: record.provenance)
  }

  private static func raw(_ s: String?) -> [UInt8]? { s.map { Array($0.utf8) } }
  private static func raw(list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
  private static func raw(attributes: [Attribute]) -> [[UInt8]] {
    attributes.flatMap { [Array($0.key.utf8), Array($0.value.utf8)] }
  }

  /// Entity `i` of `table`, read whole and field by field, is `expected` byte for byte.
  private static func expectSame(_ table: EntityTable, _ i: Int, _ expected: Entity) {
    for entity in [table[i], table[EntityIndex(i)]] {
      #expect(entity == expected)
      #expect(raw(entity.id) == raw(expected.id))
      #expect(raw(entity.name) == raw(expected.name))
      #expect(raw(entity.country) == raw(expected.country))
      #expect(raw(entity.sector) == raw(expected.sector))
      #expect(raw(list: entity.commodities) == raw(list: expected.commodities))
      #expect(raw(list: entity.aliases) == raw(list: expected.aliases))
      #expect(raw(attributes: entity.attributes) == raw(attributes: expected.attributes))
      #expect(entity.sources == expected.sources)
      #expect(entity.firstSource == expected.firstSource)
    }
    #expect(raw(table.id(of: i)) == raw(expected.id))
    #expect(raw(table.name(of: i)) == raw(expected.name))
    #expect(table.kind(of: i) == expected.kind)
    #expect(raw(table.country(of: i)) == raw(expected.country))
    #expect(raw(table.sector(of: i)) == raw(expected.sector))
    #expect(raw(list: table.commodities(of: i)) == raw(list: expected.commodities))
    #expect(table.identifiers(of: i) == expected.identifiers)
    #expect(raw(list: table.aliases(of: i)) == raw(list: expected.aliases))
    #expect(table.hasAliases(i) == !expected.aliases.isEmpty)
    #expect(raw(attributes: table.attributes(of: i)) == raw(attributes: expected.attributes))
    #expect(table.rawMaterial(of: i) == expected.rawMaterial)
    #expect(table.isPlaceholder(of: i) == expected.isPlaceholder)
    #expect(table.sources(of: i) == expected.sources)
    #expect(table.firstSource(of: i) == expected.firstSource)
    #expect((table.commodityListID(of: i) == 0) == expected.commodities.isEmpty)
    #expect(raw(list: table.commodities(ofListID: table.commodityListID(of: i))) == raw(list: expected.commodities))
    #expect(table.commodityListID(of: i) < table.commodityListCount)
    #expect(raw(table.cid(of: i)) == raw(expected.identifiers.cid))
    let country = table.countryID(of: i)
    #expect(raw(country == 0 ? nil : table.countryValues[country - 1]) == raw(expected.country))
  }
}
