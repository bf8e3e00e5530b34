import Foundation
import Testing
import TierscanTestSupport

/// Issue #14: a risk-list blocking key shared by more than `matching.max_block` rows is never
/// compared, so entities that share only such keys with a row are not name-fuzzy screened
/// against it. That is a screening gap: the warning `fuzzy-blocks-skipped` counts it (never a
/// silent clean).
@Suite struct SkippedFuzzyBlockTests {
  /// A directory with a focus, one supplier `S1` named `supplier`, and the risk-list `rows`.
  static func write(supplier: String, rows: [String]) throws -> URL {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-blocks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data("id,name,kind,country\nF,Buyer Plc,company,GB\nS1,\(supplier),company,GB\n".utf8)
      .write(to: directory.appendingPathComponent("entities.csv"))
    try Data("from,to,type\nS1,F,supplies\n".utf8).write(to: directory.appendingPathComponent("relationships.csv"))
    try Data(("list,name,category,country\n" + rows.map { "L,\($0),GB\n" }.joined()).utf8)
      .write(to: directory.appendingPathComponent("risk_list.csv"))
    try Data(#"{"matching": {"max_block": 2}}"#.utf8).write(to: directory.appendingPathComponent("small-blocks.json"))
    return directory
  }

  static func scan(_ directory: URL, smallBlocks: Bool) throws -> HostileRunner.Result {
    let data = ["entities.csv", "relationships.csv", "risk_list.csv"].map { directory.appendingPathComponent($0).path }
    let config = smallBlocks ? ["--config", directory.appendingPathComponent("small-blocks.json").path] : []
    return try HostileRunner.run(["scan"] + data + ["--focus", "F"] + config, seconds: 60)
  }

  @Test func rowsOnlyInSkippedBlocksAreReportedNotScreened() throws {
    let directory = try Self.write(
      supplier: "Acme Textile",
      rows: ["Acme Textiles,forced_labour", "Acme Textiles,child_labour", "Acme Textiles,conflict_minerals"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let screened = try Self.scan(directory, smallBlocks: false)
    #expect(screened.status == 0, "\(screened.stderr)")
    #expect(screened.stdout.contains("forced_labour: 0.459 medium, source S1"))
    #expect(!screened.stderr.contains("fuzzy-blocks-skipped"))
    let skipped = try Self.scan(directory, smallBlocks: true)
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stdout.contains("no exposure reaches the focus"))
    #expect(
      skipped.stderr.contains(
        "risk_list.csv:2: warning: fuzzy-blocks-skipped: 2 blocking key(s) are shared by more than matching.max_block (2) "
          + "risk-list rows and were not compared (the largest, 'GB|n:acmetextiles', by 3): 3 row(s) are in them, 3 of them "
          + "reachable through no other key and not name-fuzzy screened at all"))
  }

  @Test func rowsAlsoReachableThroughSmallBlocksAreCountedApart() throws {
    let directory = try Self.write(
      supplier: "Acme Textile", rows: ["Acme Textiles,forced_labour", "Acme Mining,forced_labour", "Acme Foods,forced_labour"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let skipped = try Self.scan(directory, smallBlocks: true)
    #expect(skipped.status == 0, "\(skipped.stderr)")
    // `acme` (3 rows) is skipped; each row has other keys in compared blocks, so none is left
    // unscreened altogether, but the 3 rows in the skipped block are counted.
    #expect(
      skipped.stderr.contains(
        "warning: fuzzy-blocks-skipped: 1 blocking key(s) are shared by more than matching.max_block (2) risk-list rows "
          + "and were not compared (the largest, 'GB|w:acme', by 3): 3 row(s) are in them, 0 of them reachable through "
          + "no other key"))
  }
}
