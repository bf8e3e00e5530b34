import Testing
import TierscanCore

/// ``SupplyGraph/index(of:)`` finds an entity's own id by searching the id-sorted table and a
/// merged-away id through its small hash table: checked against a lookup of every id kept the old
/// way (each entity's id and the record ids merged into it, all hashed), on graphs with merges,
/// placeholders, prefixes of other ids and non-ASCII ids, and on a graph assembled unsorted.
@Suite struct EntityIDLookupTests {
  private static let stems = ["A", "AB", "ABC", "B", "Z", "a", "é", "e\u{301}", "10", "9", "A A", "ÄB", "x-1", ""]

  @Test(arguments: 0..<12 as Range<UInt64>)
  func everyIDResolvesAsAHashOfEveryIDWould(seed: UInt64) {
    var random = SplitMix(state: seed)
    let lei = ["5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55"]
    var records: [EntityRecord] = []
    for n in 0..<(20 + random.next(40)) {
      let stem = Self.stems[random.next(Self.stems.count)]
      let id = random.next(4) == 0 ? stem : stem + String(random.next(30))
      guard !id.isEmpty else { continue }
      var identifiers = Identifiers()
      if random.next(6) == 0 { identifiers.lei = lei[random.next(2)] }
      records.append(EntityRecord(id: id, name: "N\(n)", identifiers: identifiers, provenance: Provenance(file: "e.csv", line: n + 2)))
    }
    var relationships: [RelationshipRecord] = []
    for n in 0..<30 {
      let from = random.next(3) == 0 ? "P\(random.next(5))" : records[random.next(records.count)].id
      let to = random.next(3) == 0 ? "P\(random.next(5))" : records[random.next(records.count)].id
      relationships.append(RelationshipRecord(from: from, to: to, type: .supplies, provenance: Provenance(file: "r.csv", line: n + 2)))
    }
    var log = FindingLog()
    let graph = GraphBuilder().build(entityRecords: records, relationshipRecords: relationships, findings: &log)

    // The old way: every entity's own id, then every record id merged into it (its aliases that
    // are record ids), all in one table.
    // Keyed by bytes: `é` and `e\u{301}` are different ids though `String ==` calls them equal.
    let recordIDs = Set(records.map { Array($0.id.utf8) })
    var expected: [[UInt8]: EntityIndex] = [:]
    for v in 0..<graph.entityCount {
      expected[Array(graph.entities.id(of: v).utf8)] = EntityIndex(v)
      for alias in graph.entities.aliases(of: v) where recordIDs.contains(Array(alias.utf8)) {
        expected[Array(alias.utf8)] = EntityIndex(v)
      }
    }
    let probes = Set((records.map(\.id) + relationships.flatMap { [$0.from, $0.to] } + ["", "A0", "ZZ", "P9", "é0", "\u{0}"]).map { Array($0.utf8) })
    for bytes in probes.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let id = String(decoding: bytes, as: UTF8.self)
      #expect(
        graph.index(of: id) == expected[bytes],
        "seed \(seed): id '\(id)' → \(graph.index(of: id).map { graph.entities[$0] }.debugDescription), expected \(expected[bytes].map { graph.entities[$0] }.debugDescription)")
    }
  }

  @Test func aGraphAssembledUnsortedStillFindsEveryID() {
    let entities = ["Z", "B", "A", "AB"].map { Entity(id: $0, name: $0) }
    let graph = SupplyGraph(entities: entities, relationships: [])
    for (i, entity) in entities.enumerated() { #expect(graph.index(of: entity.id) == EntityIndex(i)) }
    #expect(graph.index(of: "C") == nil)
  }

  @Test func theSortedTableIsSearchedByBytes() {
    let ids = ["", "A", "AB", "B", "a", "é", "e\u{301}"].sorted { $0.utf8Precedes($1) }
    let table = EntityTable(ids.map { Entity(id: $0, name: $0) })
    for (i, id) in ids.enumerated() { #expect(table.index(ofID: id) == i) }
    for absent in ["AA", "C", "\u{0}", "ée", "Ab"] { #expect(table.index(ofID: absent) == nil) }
  }
}
