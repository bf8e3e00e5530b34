import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, class 1: hand-edited scan outputs with huge, negative, fractional or hexadecimal
/// numbers (Tests/Fixtures/hostile/diff) make `diff` and `statement --previous` exit 2 with a
/// located `error: diff:` line, never trap. (The CSV and XML number cases are rows of EXPECTED.tsv.)
@Suite struct HostileNumberTests {
  static let fixtures = HostileCorpus.directory.appendingPathComponent("diff")
  static let cases: [String] = {
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()
  }()

  /// A scan of the valid fixtures with `--with-graph`, written once into `work/old`.
  private func scanOutput(in work: URL) throws -> URL {
    let old = work.appendingPathComponent("old")
    let result = try HostileRunner.run([
      "scan", HostileCorpus.validInputs, "--focus", "ACME", "--with-graph", "--out", old.path,
    ])
    try #require(result.status == 0, "\(result.stderr)")
    return old
  }

  @Test func everyFixtureIsUsed() {
    #expect(Self.cases.count >= 6)
    #expect(Self.cases.allSatisfy { $0.hasPrefix("coverage-") || $0.hasPrefix("exposures-") })
  }

  @Test(arguments: cases)
  func diffRefusesAHandEditedNumber(_ fixture: String) throws {
    let work = TestScratch.directory.appendingPathComponent("tierscan-numbers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let old = try scanOutput(in: work)
    let edited = work.appendingPathComponent("edited")
    try FileManager.default.copyItem(at: old, to: edited)
    let target = edited.appendingPathComponent(fixture.hasPrefix("coverage-") ? "coverage.json" : "exposures.csv")
    try FileManager.default.removeItem(at: target)
    try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: target)
    for arguments in [
      ["diff", old.path, edited.path], ["diff", edited.path, old.path, "--format", "json"],
      ["diff", old.path, edited.path, "--format", "csv"],
      [
        "statement", HostileCorpus.validInputs, "--focus", "ACME", "--year", "2025", "--previous", edited.path, "--out",
        work.appendingPathComponent("statement").path,
      ],
    ] {
      let result = try HostileRunner.run(arguments)
      #expect(!result.signalled, "\(arguments.first!) trapped: \(result.stderr.suffix(1000))")
      #expect(result.status == 2, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("\(target.lastPathComponent)"), "\(result.stderr)")
      #expect(result.stderr.contains("error: diff:"), "\(result.stderr)")
    }
  }
}
