import Testing
import TierscanCore

@Suite struct GraphBuilderTests {
  private func at(_ line: Int, _ file: String = "e.csv") -> Provenance { Provenance(file: file, line: line) }

  @Test func duplicateIdsWithConflictingValuesKeepTheFirst() {
    var log = FindingLog()
    let graph = GraphBuilder().build(
      entityRecords: [
        EntityRecord(id: "A", name: "Alpha", country: "GB", provenance: at(2)),
        EntityRecord(id: "A", name: "Alpha Ltd", country: nil, sector: "retail", provenance: at(3)),
      ], relationshipRecords: [], findings: &log)
    #expect(graph.entityCount == 1)
    #expect(graph.entities[0].name == "Alpha")
    #expect(graph.entities[0].country == "GB")
    #expect(graph.entities[0].sector == "retail")
    #expect(
      log.findings.map(\.description) == [
        "e.csv:3: warning: merge-conflict: entity 'A': name 'Alpha Ltd' conflicts with earlier 'Alpha'; keeping the first"
      ])
  }

  @Test func identifiersMergeTransitively() {
    var log = FindingLog()
    let lei = "5493001KJTIIGC8Y1R12"
    let graph = GraphBuilder().build(
      entityRecords: [
        EntityRecord(id: "X", name: "X", identifiers: Identifiers(lei: lei), provenance: at(2)),
        EntityRecord(id: "Y", identifiers: Identifiers(lei: lei, duns: "123456789"), provenance: at(3)),
        EntityRecord(id: "Z", identifiers: Identifiers(duns: "123456789", cid: "CID001070"), provenance: at(4)),
        EntityRecord(id: "W", identifiers: Identifiers(cid: "CID001070"), provenance: at(5)),
        EntityRecord(id: "V", identifiers: Identifiers(vat: "GB1"), provenance: at(6)),
        EntityRecord(id: "U", identifiers: Identifiers(vat: "GB1"), provenance: at(7)),
      ],
      relationshipRecords: [RelationshipRecord(from: "W", to: "U", type: .supplies, provenance: at(2, "r.csv"))],
      findings: &log)
    #expect(log.findings.isEmpty)
    #expect(graph.entities.map(\.id) == ["U", "V", "X"])
    #expect(graph.entities[2].aliases == ["Y", "Z", "W"])
    #expect(graph.index(of: "W") == graph.index(of: "X"))
    #expect(graph.relationships[0].from == graph.index(of: "X"))
    #expect(graph.entities[2].identifiers == Identifiers(lei: lei, duns: "123456789", cid: "CID001070"))
  }

  @Test func unknownEndpointsBecomePlaceholdersOnce() {
    var log = FindingLog()
    let graph = GraphBuilder().build(
      entityRecords: [EntityRecord(id: "B", name: "Buyer", provenance: at(2))],
      relationshipRecords: [
        RelationshipRecord(from: "S", to: "B", type: .supplies, provenance: at(2, "r.csv")),
        RelationshipRecord(from: "S", to: "B", type: .supplies, basis: .observed, provenance: at(3, "r.csv")),
      ], findings: &log)
    #expect(graph.entities.map(\.id) == ["B", "S"])
    #expect(graph.entities[1].isPlaceholder)
    #expect(graph.entities[1].name == "S")
    #expect(graph.entities[1].kind == .company)
    #expect(graph.relationshipCount == 2)
    #expect(graph.relationships.map(\.basis) == [.declared, .observed])
    #expect(log.findings.map(\.description) == ["r.csv:2: warning: unknown-entity: 'S' has no entity record; created a placeholder company"])
  }

  @Test func idsSortByRawBytes() {
    var log = FindingLog()
    let ids = ["b", "B", "é", "e\u{301}", "a"]
    let graph = GraphBuilder().build(
      entityRecords: ids.enumerated().map { EntityRecord(id: $1, provenance: at($0 + 2)) }, relationshipRecords: [],
      findings: &log)
    #expect(graph.entities.map { Array($0.id.utf8) } == ["B", "a", "b", "e\u{301}", "é"].map { Array($0.utf8) })
  }
}
