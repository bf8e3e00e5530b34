import Foundation
import Testing
import TierscanTestSupport

/// A FollowTheMoney risk list (hand-written fixture in FtM format, no real list data) flags
/// suppliers by LEI and by name and country.
@Suite struct FtMRiskListTests {
  @Test func fixtureListFlagsByLEIAndByNameCountry() throws {
    let out = TestScratch.directory.appendingPathComponent("tierscan-ftm-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let fixtures = "Tests/Fixtures/interchange/"
    let result = try TierscanBinary.run([
      "scan", fixtures + "ftm-suppliers.csv", fixtures + "ftm-relationships.csv", fixtures + "ftm-list.jsonl",
      "--focus", "ACME", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("paths.json"))
    let exposures = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    func rules(_ entity: String) -> [[String: Any]] {
      exposures.filter { $0["entity_id"] as? String == entity }.flatMap { $0["rules"] as? [[String: Any]] ?? [] }
    }
    let s1 = rules("S1")
    #expect(s1.map { $0["rule"] as? String } == ["identifier"])
    #expect(s1.first?["matched_on"] as? String == "lei:TSFIXTURE00000000170")
    #expect(s1.first?["authority"] as? String == "Fixture Authority")
    #expect(s1.first?["listed_on"] as? String == "2023-06-09")
    #expect(s1.first?["list"] as? String == "tierscan_fixture_list")
    #expect(s1.first?["pointer"] as? String == "/0")
    let s2 = rules("S2")
    #expect(s2.map { $0["rule"] as? String } == ["name-country"])
    #expect(s2.first?["listed_on"] as? String == "2024-02-01")
    // Same name, another country: no match.
    #expect(rules("S3").isEmpty)
    #expect(result.stderr.contains("info: ftm-ignored: entities of other schemas ignored: 1 Vessel"))
    #expect(result.stderr.contains("warning: ftm-topic-unused: 1 row(s) with FtM topic 'sanction' map to category 'sanctions'"))
    #expect(result.stderr.contains("info: ftm-topic-unmapped: 1 row(s) with FtM topic 'role.pep'"))
  }

  @Test func configuredSanctionsCategoryUsesSanctionTopics() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-ftm-cfg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let config = directory.appendingPathComponent("config.json")
    try Data(#"{"categories": ["forced_labour", "sanctions"], "ftm_topics": {"export.control": "sanctions"}}"#.utf8)
      .write(to: config)
    let fixtures = "Tests/Fixtures/interchange/"
    let result = try TierscanBinary.run([
      "validate", fixtures + "ftm-suppliers.csv", fixtures + "ftm-relationships.csv", fixtures + "ftm-list.jsonl",
      "--format", "text",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("ftm-risk-list"))
    let scan = try TierscanBinary.run([
      "scan", fixtures + "ftm-suppliers.csv", fixtures + "ftm-relationships.csv", fixtures + "ftm-list.jsonl",
      "--focus", "ACME", "--config", config.path, "--out", directory.appendingPathComponent("out").path,
    ])
    #expect(scan.status == 0, "\(scan.stderr)")
    #expect(!scan.stderr.contains("topic 'export.control'"))
    #expect(scan.stdout.contains("sanctions"))
  }
}
