import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// End-to-end: a chain whose countries cannot be read is reported as unassessed on stdout, in
/// coverage.json and by `--fail-on-unassessed`, never as "no exposure" alone (SPEC §6).
@Suite(.serialized) struct UnassessedCommandTests {
  private let fixture = "Tests/Fixtures/unassessed"

  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-unassessed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func unreadableCountriesAreUnassessedOnStdoutAndInCoverage() throws {
    let out = try temporaryDirectory().appendingPathComponent("scan")
    let result = try TierscanBinary.run(["scan", fixture, "--focus", "FOCUS", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    // The focus is assessed (a GB row scoring 0), its three suppliers are not: S1 carries an
    // `unresolved_country` column, S2 gives no country, S3's 'Atlantis' resolves to nothing (ingest
    // keeps it as `unresolved_country`).
    #expect(result.stdout.contains("no exposure reaches the focus (not a clean result: entities are unassessed in"))
    #expect(result.stdout.contains("  forced_labour: 3 of 4 entities unassessed (75%): unknown-country 2, no-country 1\n"))
    #expect(result.stdout.contains("  child_labour: 3 of 4 entities unassessed (75%)"))
    let coverage = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("coverage.json"), encoding: .utf8))
    let forced = try #require(coverage["unassessed"]?["forced_labour"])
    #expect(forced["entities"]?.numberValue == 4 && forced["unassessed"]?.numberValue == 3)
    #expect(forced["by_reason"]?["unknown-country"]?.numberValue == 2)
    #expect(forced["by_reason"]?["no-country"]?.numberValue == 1)
    #expect(forced["by_reason"]?["country-not-covered"]?.numberValue == 0)
    // The supplier list contributed nothing assessable: a warning on that file, in quality.json too.
    #expect(result.stderr.contains("\(fixture)/supplier-list.csv: warning: nothing-assessable: none of the 3 entities"))
    let quality = try String(contentsOf: out.appendingPathComponent("quality.json"), encoding: .utf8)
    #expect(quality.contains("\"nothing-assessable\""))
    #expect(!result.stderr.contains("\(fixture)/entities.csv: warning: nothing-assessable"))
  }

  @Test func statementShowsUnassessedNextToEveryRiskResult() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("pack")
    let result = try TierscanBinary.run(["statement", fixture, "--focus", "FOCUS", "--year", "2025", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let md = try String(contentsOf: out.appendingPathComponent("statement.md"), encoding: .utf8)
    // No exposure anywhere: each category's row says "none found" with its unassessed count.
    #expect(md.contains("| forced\\_labour | none found | 0.000 | - | - | 3 of 4 (75%) |"))
    #expect(md.contains("| forced\\_labour | 4 | 3 of 4 (75%) | unknown-country 2, no-country 1 |"))
    #expect(!md.contains("_None in the data._\n\nUnassessed"))
    let json = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("statement.json"), encoding: .utf8))
    let unassessed = try #require(json["figures"]?["unassessed"]?.arrayValue?.first { $0["category"]?.stringValue == "forced_labour" })
    #expect(unassessed["unassessed"]?.numberValue == 3)
    #expect(unassessed["by_reason"]?["unknown-country"]?.numberValue == 2)
    #expect(unassessed["by_reason"]?["no-country"]?.numberValue == 1)
  }

  @Test(arguments: [("50", Int32(1)), ("75", Int32(0)), ("80", Int32(0))])
  func failOnUnassessedExitsOneAboveThePercentage(percent: String, status: Int32) throws {
    let result = try TierscanBinary.run(["scan", fixture, "--focus", "FOCUS", "--fail-on-unassessed", percent])
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains("fail-on-unassessed: forced_labour: 3 of 4") == (status == 1))
  }

  @Test func failOnUnassessedOutOfRangeIsAUsageError() throws {
    let result = try TierscanBinary.run(["scan", fixture, "--focus", "FOCUS", "--fail-on-unassessed", "101"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--fail-on-unassessed"))
  }

  @Test func sampleScanReportsUnassessedPerCategory() throws {
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT"])
    #expect(result.status == 0)
    // 76 entities with a tier (the focus included). Country-commodity rows exist for every
    // category, so each unassessed entity's country or goods is one the table does not name.
    // Forced labour: two of the entities without a commodity are assessed by an audit finding.
    #expect(result.stdout.contains("  forced_labour: 62 of 76 entities unassessed (82%): country-not-covered 37, no-commodity 4, commodity-not-covered 21\n"))
    #expect(result.stdout.contains("  conflict_minerals: 63 of 76 entities unassessed (83%): country-not-covered 63\n"))
    // The supplier list's six GB suppliers are in no table's country: info, not a warning.
    #expect(result.stderr.contains("SampleData/2025/supplier-list.csv: info: nothing-assessable:"))
  }
}
