import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

/// The statement's counts on SampleData/2025, each recomputed here from its definition and
/// pinned, so that a reader of the statement can take every number literally.
@Suite struct StatementFigureDefinitionTests {
  @Test func suppliersAreCountedApartFromSmeltersAndMines() throws {
    let run = try StatementSample.run(year: 2025)
    let c = run.document.figures.composition
    let graph = run.analysis.graph
    // Definition: entities with tier ≥ 1, by kind.
    let below = graph.entities.indices.filter { (run.analysis.tiers[$0] ?? 0) >= 1 }.map { graph.entities[$0] }
    #expect(c.entities == below.count)
    #expect(c.companies == below.filter { $0.kind == .company }.count)
    #expect(c.facilities == below.filter { $0.kind == .facility }.count)
    #expect(c.smelters == below.filter { $0.kind == .smelter }.count)
    #expect(c.mines == below.filter { $0.kind == .mine }.count)
    // Pinned (docs/sample-data.md): 75 below NWT = 56 suppliers (46 companies + 10 facilities)
    // + 10 smelters + 9 mines. Before #16 the statement called all 75 "suppliers".
    let kinds: [Int] = [c.entities, c.suppliers, c.companies, c.facilities, c.smelters, c.mines, c.other]
    #expect(kinds == [75, 56, 46, 10, 10, 9, 0])
    #expect(c.rawMaterialProducers == 6)
    let md = run.text("statement.md")
    #expect(md.contains("**75**, of which **56 suppliers** (companies 46, facilities 10; 6 of them raw-material producers), **10 smelters and refiners** and **9 mines**"))
  }

  @Test func unmappedIsAShareOfWhatCanBeUnmapped() throws {
    let run = try StatementSample.run(year: 2025)
    let f = run.document.figures
    let graph = run.analysis.graph
    // Definition: suppliers that are not raw-material producers (smelters and mines have no
    // sub-tiers to disclose); unmapped = of those, no upstream supplies/subcontracts edge.
    let canBe = graph.entities.indices.filter { v in
      let e = graph.entities[v]
      return (run.analysis.tiers[v] ?? 0) >= 1 && e.kind != .smelter && e.kind != .mine && !e.rawMaterial
    }
    #expect(f.composition.canBeUnmapped == canBe.count)
    #expect(f.composition.canBeUnmapped == 50)
    #expect(f.composition.unmapped == 15)
    #expect(f.unmappedShare == 15.0 / 50.0)  // was 15 / 75 = 20 %, which counted smelters and mines
    #expect(run.text("statement.md").contains("15 of 50 suppliers that can be unmapped are unmapped (30%)"))
    let kpis = try JSONParser.parse(run.text("statement.json"))["figures"]!["coverage_kpis"]!
    #expect(kpis["can_be_unmapped"]?.numberValue == 50 && kpis["unmapped"]?.numberValue == 15)
  }

  @Test func exposuresAreCountedAsDistinctEntitiesAndAsEntityCategoryPairs() throws {
    let run = try StatementSample.run(year: 2025)
    let counts = run.document.figures.exposureCounts
    // Independent: exposures.csv rows with tier ≥ 1 (columns: …, tier 4, category 5, score 6, level 7).
    let rows = StatementSample.csvRows(run.text("exposures.csv")).filter { (Int($0[4]) ?? 0) >= 1 }
    #expect(counts.pairs == rows.count)
    #expect(counts.entities == Set(rows.map { $0[0] }).count)
    let high = rows.filter { $0[7] == "high" || $0[7] == "critical" }
    #expect(counts.highOrCriticalPairs == high.count)
    #expect(counts.highOrCriticalEntities == Set(high.map { $0[0] }).count)
    // Each distinct entity counted once, at its highest level.
    let rank = ["low": 0, "medium": 1, "high": 2, "critical": 3]
    var highest: [String: Int] = [:]
    for row in rows { highest[row[0]] = max(highest[row[0]] ?? -1, rank[row[7]]!) }
    for level in counts.levels {
      #expect(level.entities == highest.values.filter { $0 == rank[level.level.rawValue] }.count)
      #expect(level.pairs == rows.filter { $0[7] == level.level.rawValue }.count)
    }
    // Pinned: 36 distinct entities carry 61 entity × category exposures; 26 entities / 34 pairs
    // at high or critical (the focus's own exposures are not among them).
    let pinned: [Int] = [counts.entities, counts.pairs, counts.highOrCriticalEntities, counts.highOrCriticalPairs]
    #expect(pinned == [36, 61, 26, 34])
    let md = run.text("statement.md")
    #expect(md.contains("**36 distinct entities** are exposed; they carry **61 entity × category exposures**"))
    #expect(md.contains("high or critical exposures below the focus: 26 distinct entities, 34 entity × category pairs"))
  }

  @Test func focusExplanationSaysWhenOtherSourcesTie() throws {
    let run = try StatementSample.run(year: 2025)
    let ties = run.document.figures.focusTies
    // GAR-BD and GAR-IN both reach NWT at 0.455 in child_labour (`scan --without GAR-BD` then
    // names GAR-IN at the same score); forced_labour's PCB-GZ (0.650) is alone.
    #expect(ties.first { $0.name == "child_labour" }?.otherTiedSources == 1)
    #expect(ties.first { $0.name == "forced_labour" }?.otherTiedSources == 0)
    #expect(run.text("statement.md").contains("| child\\_labour | medium | 0.455 | GAR-BD — and 1 other source with the same score | 2 | 71 of 76 (93%) |"))
  }

  @Test func topExposuresAreRankedByLevelThenTierThenScoreThenId() throws {
    let run = try StatementSample.run(year: 2025)
    let ranked = StatementFigures.ranked(run.document.figures.flags)
    #expect(ranked.allSatisfy { $0.tier >= 1 })
    for (a, b) in zip(ranked, ranked.dropFirst()) {
      let key = { (f: StatementFigures.Flag) in (-RiskLevel.allCases.firstIndex(of: f.level)!, f.tier, -f.score) }
      #expect(key(a) <= key(b) || (key(a) == key(b) && a.entityID <= b.entityID))
    }
    // Tier-2 factories at critical come before the tier-3 smelter and tier-4 gin at the same score.
    #expect(ranked.prefix(3).map(\.entityID) == ["EMS-PEN-F1", "GAR-BD-F1", "PCB-GZ"])
    let same = StatementFigures.sameScoreCounts(ranked)
    #expect(same[0] == ranked.filter { abs($0.score - 1) <= 1e-12 }.count - 1)
  }
}
