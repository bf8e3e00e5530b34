import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// Which buyer a supplier list's declared tiers count from (docs/formats.md#declared-tiers).
@Suite struct DeclaredTierDisclosersTests {
  private func read(_ text: String) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "list.csv", options: IngestOptions())
  }

  @Test func aFlatListCountsFromEachRowsBuyerAndAChainFromItsTop() {
    let inputs = read(
      "buyer_id,supplier_id,tier\nF,A,1\nA,B,2\nB,C,3\nG,D,1\nA,E,\nE,H,Tier 3\n")
    #expect(inputs.declaredTiers.map(\.supplier) == ["A", "B", "C", "D", "H"])  // E declares none
    #expect(inputs.declaredTiers.map(\.tier) == [1, 2, 3, 1, 3])
    #expect(inputs.declaredTiers.map(\.disclosers) == [["F"], ["F"], ["F"], ["G"], ["F"]])
    #expect(inputs.declaredTiers.map { $0.provenance.line } == [2, 3, 4, 5, 7])
  }

  @Test func aSupplierOfTwoListOwnersCountsFromBoth() {
    // M supplies A (whose buyer is F) and Z (whose buyer is Y): both are top buyers of M's rows.
    let inputs = read("buyer_id,supplier_id,tier\nF,A,1\nY,Z,1\nA,M,2\nZ,M,2\nM,N,3\n")
    #expect(inputs.declaredTiers.last?.disclosers == ["F", "Y"])
  }

  @Test func rowsThatOnlyLoopHaveNoDiscloser() {
    let inputs = read("buyer_id,supplier_id,tier\nA,B,1\nB,A,1\nB,C,2\n")
    #expect(inputs.declaredTiers.map(\.disclosers) == [[], [], []])
    // A loop that also leaves the file's rows still finds the way out.
    let out = read("buyer_id,supplier_id,tier\nA,B,1\nB,A,1\nF,A,1\nB,C,2\n")
    #expect(out.declaredTiers.map(\.disclosers) == [["F"], ["F"], ["F"], ["F"]])
  }

  @Test func invalidValuesAreKeptAsRefusedEvidence() {
    let inputs = read("buyer_id,supplier_id,tier\nF,A,0\nF,B,1e9\nF,C,n/a\n")
    #expect(inputs.declaredTiers.map(\.tier) == [nil, nil, nil])
    #expect(inputs.declaredTiers.map(\.raw) == ["0", "1e9", "n/a"])
    #expect(inputs.findings.findings.map(\.rule) == [.invalidTier, .invalidTier, .invalidTier])
    // The raw value stays on the edge as before.
    #expect(inputs.relationships[1].attributes.contains(Attribute("tier", "1e9")))
  }

  @Test func aTypeColumnNamingAnotherRelationshipRejectsTheRow() {
    let inputs = read(
      "buyer_id,supplier_id,type\nF,A,supplies\nF,B,Subcontracts\nA,S,operates\nF,C,ownership\nF,D,manufacturer\n")
    #expect(inputs.relationships.map { "\($0.from)>\($0.to):\($0.type)" } == [
      "A>F:supplies", "B>F:subcontracts", "D>F:supplies",
    ])
    #expect(inputs.findings.findings.map { "\($0.rule)@\($0.location?.line ?? 0)" } == [
      "supplier-list-type@4", "supplier-list-type@5",
    ])
    #expect(inputs.files.first?.recordsRejected == 2)
    // A supplier type that is not a relationship stays an attribute.
    #expect(inputs.relationships[2].attributes.contains(Attribute("type", "manufacturer")))
  }

  @Test func aChainThirtyThousandRowsDeepNeedsNoRecursion() {
    var text = "buyer_id,supplier_id,tier\n"
    let depth = 30_000
    for i in 0..<depth { text += "S\(i),S\(i + 1),\(min(i + 1, DeclaredTier.maximum))\n" }
    let inputs = read(text)
    #expect(inputs.declaredTiers.count == depth)
    #expect(inputs.declaredTiers.allSatisfy { $0.disclosers == ["S0"] })
  }
}
