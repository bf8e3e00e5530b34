import Testing
import TierscanCore
import TierscanTestSupport

@testable import TierscanReport

/// `graph.json`'s relationship order (``GraphSelection/exportOrder(_:in:)``), read from the
/// columns with each provenance taken once, is the order of the comparator that materialises
/// two relationships per comparison, on graphs full of ties: the same endpoints and type from
/// several files and lines, missing lines (nil against line 0 compare as neither first), and
/// subsets of the relationships in any order.
@Suite struct GraphExportOrderTests {
  @Test(arguments: [1, 2, 3, 4])
  func columnOrderIsTheMaterialisingOrder(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let n = 12
    let entities = (0..<n).map { EntityRecord(id: "E\($0)", name: "E\($0)", provenance: Provenance(file: "e.csv", line: $0 + 2)) }
    let types: [RelationshipType] = [.supplies, .owns, .subcontracts, .operates]
    let files = ["b.csv", "a.csv", "a/b.csv", "Z.csv"]
    let relationships = (0..<600).map { _ in
      let line: Int? = random.next() % 5 == 0 ? nil : Int(random.next() % 4)
      return RelationshipRecord(
        from: "E\(random.next() % 4)", to: "E\(random.next() % 4)", type: types[Int(random.next() % 4)],
        provenance: Provenance(file: files[Int(random.next() % 4)], line: line))
    }
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: entities, relationshipRecords: relationships, findings: &findings)
    let all = Array(graph.relationships.indices)
    #expect(all.count > 500)
    let want = GraphSelection.exportOrderMaterialising(all, in: graph)
    #expect(GraphSelection.exportOrder(all, in: graph) == want)
    #expect(want != all, "the case must reorder")
    let subset = all.filter { _ in random.next() % 3 == 0 }.shuffled(using: &random)
    #expect(GraphSelection.exportOrder(subset, in: graph) == GraphSelection.exportOrderMaterialising(subset, in: graph))
  }
}
