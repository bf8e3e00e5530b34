import Testing
import TierscanCore
@testable import TierscanRisk

@Suite struct TieringTests {
  @Test func tiersAndCoverage() {
    var f = GraphFixture()
    f.entity("F")
    f.entity("T1A")
    f.entity("T1B")
    f.entity("T2")
    f.entity("RAW", rawMaterial: true)
    f.entity("SITE", kind: .facility)
    f.entity("MINE", kind: .mine)
    f.entity("OUT")
    f.entity("P")
    f.edge("T1A", "F")
    f.edge("T1B", "F", .subcontracts)
    f.edge("T2", "T1A")
    f.edge("RAW", "T1A")
    f.edge("T2", "F")  // T2 is also tier 1 (fewest hops)
    f.edge("T1B", "SITE", .operates)  // facility operated by tier 1 → tier 1
    f.edge("MINE", "SITE")  // supplier of the site only: no supply path to F → no tier
    f.edge("OUT", "P")  // outside the chain
    f.edge("P", "F", .owns, share: 100)  // ownership does not tier
    let graph = f.build()
    let tiering = Tiering(graph: graph, focus: graph.index(of: "F")!)
    var byID: [String: Int?] = [:]
    for (i, e) in graph.entities.enumerated() { byID[e.id] = tiering.tiers[i] }
    #expect(byID["F"] == 0)
    #expect(byID["T1A"] == 1)
    #expect(byID["T1B"] == 1)
    #expect(byID["T2"] == 1)
    #expect(byID["RAW"] == 2)
    #expect(byID["SITE"] == 1)
    #expect(byID["MINE"]! == nil)
    #expect(byID["OUT"]! == nil)
    #expect(byID["P"]! == nil)
    let coverage = Coverage(graph: graph, tiers: tiering.tiers, hasRiskList: false, hasCountryRisk: true, hasSmelterStatus: false)
    #expect(coverage.tiers.map(\.entities) == [1, 4, 1])
    // Tier 1: T1A has suppliers (disclosed), SITE has MINE; T1B and T2 have none → unmapped.
    #expect(coverage.tiers[1].unmapped.map { graph[$0].id } == ["T1B", "T2"])
    #expect(coverage.tiers[1].disclosed == 2)
    #expect(coverage.tiers[1].disclosedShare == 0.5)
    // Tier 2: RAW (raw material) is never unmapped.
    #expect(coverage.tiers[2].unmapped.isEmpty)
    #expect(coverage.untiered == 3)
  }
}
