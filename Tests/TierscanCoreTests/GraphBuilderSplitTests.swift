import Testing
@testable import TierscanCore
import TierscanTestSupport

/// The graph builder's steps that run on both cores (the id sort and its merge, the id lookup's
/// scan, the endpoint gathers, the basis column) give exactly the one-thread graph: forced to split at every size, on random inputs with
/// duplicate ids, identifier merges, name merges, unknown endpoints and every kind of provenance.
@Suite struct GraphBuilderSplitTests {
  @Test(arguments: 0..<12 as Range<UInt64>)
  func splitBuildEqualsOneThreadBuild(seed: UInt64) {
    var random = SplitMix64(seed: 0x5350_4C49_54 &+ seed)
    let (records, relationships) = Self.inputs(&random, entities: [0, 1, 2, 7, 40, 300][Int(seed % 6)])
    var oneThread = GraphBuilder()
    oneThread.minimumToSplit = .max
    var split = GraphBuilder()
    split.minimumToSplit = 0
    var (oneLog, splitLog) = (FindingLog(), FindingLog())
    let a = oneThread.build(entityRecords: records, relationshipRecords: relationships, findings: &oneLog)
    let b = split.build(entityRecords: records, relationshipRecords: relationships, findings: &splitLog)
    #expect(splitLog.findings == oneLog.findings)
    #expect(b.entities == a.entities)
    // Byte for byte and code for code.
    #expect(b.entities.ids == a.entities.ids && b.entities.names == a.entities.names)
    #expect(b.entities.countryCode == a.entities.countryCode && b.entities.countries == a.entities.countries)
    #expect(b.entities.sectorCode == a.entities.sectorCode && b.entities.sectors == a.entities.sectors)
    #expect(b.entities.commodityList == a.entities.commodityList)
    #expect(b.entities.commodityLists == a.entities.commodityLists)
    #expect(b.entities.aliasStart == a.entities.aliasStart && b.entities.aliasValues == a.entities.aliasValues)
    #expect(b.entities.identifierSlot == a.entities.identifierSlot && b.entities.attributeSlot == a.entities.attributeSlot)
    #expect(b.entities.sourceFile == a.entities.sourceFile && b.entities.sourceLine == a.entities.sourceLine)
    #expect(b.entities.files == a.entities.files && b.entities.sourceLists == a.entities.sourceLists)
    #expect(b.relationshipFrom == a.relationshipFrom && b.relationshipTo == a.relationshipTo)
    #expect(b.relationships.basis == a.relationships.basis)
    #expect(b.outgoing.offsets == a.outgoing.offsets && b.outgoing.edges == a.outgoing.edges)
    #expect(b.incoming.offsets == a.incoming.offsets && b.incoming.neighbors == a.incoming.neighbors)
    for id in records.map(\.id) + relationships.flatMap({ [$0.from, $0.to] }) + ["nobody"] {
      #expect(b.index(of: id) == a.index(of: id), "\(id)")
    }
    if !records.isEmpty { #expect(a.entityCount > 0) }
  }

  // MARK: Random inputs

  private static let strings = ["", "a", "GB", "tin", "cobalt", "caf\u{E9}", "cafe\u{301}", "Zeta Co", "日本"]

  private static func inputs(_ random: inout SplitMix64, entities: Int) -> ([EntityRecord], [RelationshipRecord]) {
    func pick<T>(_ values: [T]) -> T { values.randomElement(using: &random)! }
    func optional() -> String? { Bool.random(using: &random) ? nil : pick(strings) }
    func list() -> [String] { (0..<Int.random(in: 0...4, using: &random)).map { _ in pick(strings) } }
    let pool = max(1, entities * 3 / 4)  // about a quarter of the records repeat an id
    let idStems = ["E", "ABCDEFGH", "é", "S-"]
    func id() -> String { pick(idStems) + String(Int.random(in: 0..<pool, using: &random)) }
    let provenances = [
      Provenance(file: "e.csv", line: 2), Provenance(file: "f.csv", line: 9), Provenance(file: "w.xlsx", line: 3, sheet: "S", cell: "D3"),
      Provenance(file: "g.omts", line: 12, pointer: "/nodes/4"), Provenance(file: "x.csv"),
      Provenance(file: "big.csv", line: Int(UInt32.max) + 5),
    ]
    let records = (0..<entities).map { n in
      EntityRecord(
        id: id(), name: optional(), kind: Bool.random(using: &random) ? nil : pick(EntityKind.allCases),
        country: pick([nil, "GB", "CN", "DE"]), sector: optional(), commodities: list(),
        identifiers: Int.random(in: 0..<4, using: &random) == 0
          ? Identifiers(lei: pick(["L1", "L2", nil]), duns: pick([nil, "D\(n % 5)"]), vat: optional(), cid: pick([nil, "C\(n)"]))
          : Identifiers(),
        aliases: list(), rawMaterial: pick([nil, true, false]),
        attributes: list().enumerated().map { Attribute(pick(["k", "k\($0.offset)"]), $0.element) },
        provenance: pick(provenances), mergesByName: Int.random(in: 0..<10, using: &random) == 0)
    }
    let relationships = (0..<(entities * 2 + Int.random(in: 0...3, using: &random))).map { n in
      RelationshipRecord(
        from: Bool.random(using: &random) ? id() : "P\(n % 7)", to: id(), type: pick(RelationshipType.allCases),
        basis: pick([nil, .declared, .observed]), provenance: Provenance(file: "r.csv", line: n + 2))
    }
    return (records, relationships)
  }
}
