import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, class 10 (model §3): a smelter reference with a header and no rows counts as given,
/// with a warning `empty-reference`: every smelter is then scored `unknown`, and smelter status is
/// assessed, not missing.
@Suite struct EmptyReferenceTests {
  @Test func anEmptyReferenceScoresEverySmelterUnknown() throws {
    let work = TestScratch.directory.appendingPathComponent("tierscan-emptyref-\(UUID().uuidString)")
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    try Data("id,name,kind,country,cid\nACME,Acme Ltd,company,GB,\nSM1,Tin Smelter,smelter,ID,CID001070\n".utf8)
      .write(to: inputs.appendingPathComponent("entities.csv"))
    try Data("from,to,type,commodity\nSM1,ACME,supplies,tin\n".utf8).write(to: inputs.appendingPathComponent("relationships.csv"))
    let empty = HostileCorpus.path(of: "csv/r2-empty-reference.csv")
    let given = try HostileRunner.run(["scan", inputs.path, empty, "--focus", "ACME", "--out", work.appendingPathComponent("given").path])
    #expect(given.status == 0, "\(given.stderr)")
    #expect(given.stderr.contains("\(empty): warning: empty-reference:"))
    let exposures = try String(contentsOf: work.appendingPathComponent("given/exposures.csv"), encoding: .utf8)
    #expect(exposures.contains("SM1,Tin Smelter,smelter,ID,1,conflict_minerals,0.6,high,0,SM1"), "\(exposures)")
    let coverage = try String(contentsOf: work.appendingPathComponent("given/coverage.json"), encoding: .utf8)
    #expect(coverage.contains("\"smelter_status\": \"assessed\""), "\(coverage)")

    let absent = try HostileRunner.run(["scan", inputs.path, "--focus", "ACME", "--out", work.appendingPathComponent("absent").path])
    #expect(absent.status == 0)
    let none = try String(contentsOf: work.appendingPathComponent("absent/exposures.csv"), encoding: .utf8)
    #expect(!none.contains("conflict_minerals"))
  }
}
