import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanTestSupport

@Suite struct IngestorTests {
  @Test func accountingInvariantHoldsForEveryFixture() {
    let files = Fixtures.allFiles()
    #expect(files.count >= 16)
    for path in files {
      let inputs = Ingestor().read(file: InputFile(path: path))
      #expect(inputs.files.count == 1, "\(path)")
      for summary in inputs.files {
        #expect(summary.recordsRead == summary.recordsAccepted + summary.recordsRejected, "\(path)")
      }
    }
  }

  @Test func validFixturesReadWithoutFindings() {
    let inputs = Ingestor().read(arguments: [Fixtures.csv.appendingPathComponent("valid").path])
    #expect(inputs.findings.findings.isEmpty)
    #expect(inputs.files.map(\.kind) == [.countryRisk, .entities, .relationships, .riskList, .smelterReference, .supplierList])
    #expect(inputs.files.map(\.recordsAccepted) == [2, 4, 3, 1, 2, 2])
    #expect(inputs.entities.map(\.id) == ["ACME", "S1", "F1", "H1", "S2", "S3"])
    #expect(inputs.entities[3].name == "Widget Holdings, Ltd")
    #expect(inputs.entities[5].name == "Farm \"North\"")
    #expect(inputs.entities[5].provenance.line == 3)
    #expect(inputs.entities[0].commodities == ["apparel", "cotton"])
    #expect(inputs.smelterReferences.map(\.status) == [.conformant, .active])
  }

  @Test func filesOfEveryKindAndDuplicateSmelters() throws {
    let root = TestScratch.directory.appendingPathComponent("tierscan-ingestor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("cid,status\nCID000001,active\n".utf8).write(to: root.appendingPathComponent("a.CSV"))
    try Data("cid,status\nCID000001,conformant\nCID000002,active\n".utf8).write(to: root.appendingPathComponent("b.csv"))
    try Data("x".utf8).write(to: root.appendingPathComponent("c.json"))
    let inputs = Ingestor().read(arguments: [root.path])
    #expect(inputs.smelterReferences.map(\.cid) == ["CID000001", "CID000002"])
    #expect(inputs.smelterReferences[0].status == .active)
    #expect(
      inputs.findings.findings.map(\.description) == [
        "\(root.path)/c.json: error: unrecognised-file: a file that does not start with '{' or '['; not OMTS (first key omts_version), BODS (statements with statementId and recordType) or FtM (JSON lines with schema and properties); file not read",
        "\(root.path)/b.csv:2: warning: duplicate-smelter-reference: CID000001 already given at \(root.path)/a.CSV:2; this row is ignored",
      ])
    #expect(inputs.files.map(\.kind) == [.smelterReference, .smelterReference, .unrecognised])
  }
}
