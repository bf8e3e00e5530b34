import Testing
import TierscanCore

@testable import TierscanRisk

/// The source count per neighbour is exact up to ``ExposureAttribution/maxWalk`` entities and a
/// marked lower bound past it (so a million-entity scan never walks the graph once per supplier).
@Suite struct ExposureAttributionBoundTests {
  /// F ← S ← X1…Xn, every X flagged by a country row: S is reached by n + 0 sources.
  private func star(_ n: Int) -> RiskAnalysis {
    var f = GraphFixture()
    f.entity("F")
    f.entity("S")
    f.edge("S", "F")
    for i in 0..<n {
      f.entity("X\(i)", country: "KP")
      f.edge("X\(i)", "S")
    }
    let rows = [
      CountryRiskEntry(
        country: "KP", category: "forced_labour", score: 1.0, commodity: nil, source: "test",
        provenance: Provenance(file: "country.csv", line: 2))
    ]
    return analyze(f.build(), focus: "F", countryRisk: rows)
  }

  @Test func smallFanInIsCountedExactly() throws {
    let rows = ExposureAttribution(analysis: star(50)).rows.filter { $0.category == "forced_labour" }
    let row = try #require(rows.first)
    #expect(row.sources == 50 && row.sourcesComplete)
  }

  @Test func fanInPastTheBoundIsALowerBound() throws {
    let n = ExposureAttribution.maxWalk + 10
    let rows = ExposureAttribution(analysis: star(n)).rows.filter { $0.category == "forced_labour" }
    let row = try #require(rows.first)
    #expect(!row.sourcesComplete)
    #expect(row.sources == ExposureAttribution.maxWalk - 1)
  }
}
