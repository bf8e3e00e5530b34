import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// `tierscan export --format omts` end to end: bytes on stdout and in --out, exit codes, the
/// OMTS-only options, and a scan of the exported file giving the same exposures as the inputs.
@Suite struct OMTSExportCommandTests {
  static let salt = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

  @Test func exportIsDeterministicAndReadsBackWithTheSameExposures() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-omts-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("sample.omts").path
    let written = try TierscanBinary.run(["export", "SampleData/2025", "--format", "omts", "--out", file])
    #expect(written.status == 0)
    let stdout = try TierscanBinary.run(["export", "SampleData/2025", "--format", "omts"])
    #expect(stdout.status == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == stdout.stdout)
    #expect(stdout.stdout.hasPrefix("{\n  \"omts_version\": \"0.1.0\",\n  \"snapshot_date\": \"2025-12-31\",\n"))

    // The risk results of a scan of the exported graph equal those of the original inputs.
    let original = directory.appendingPathComponent("original").path
    let reread = directory.appendingPathComponent("reread").path
    // Risk inputs that are not graph data (lists, references, audits) are given again.
    let references = ["SampleData/2025/reference", "SampleData/2025/audits"]
    #expect(try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--out", original]).status == 0)
    #expect(try TierscanBinary.run(["scan", file] + references + ["--focus", "NWT", "--out", reread]).status == 0)
    let exposures = { (dir: String) in try String(contentsOfFile: dir + "/exposures.csv", encoding: .utf8) }
    #expect(try exposures(original) == exposures(reread))
    // coverage.json equal, declared tiers included: the supplier list's declared tiers travel on
    // their edges (OMTS `tier`, discloser labels) and are compared with the computed tiers again.
    let coverage = { (dir: String) throws -> JSONValue in
      try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/coverage.json"))))
    }
    let (before, after) = (try coverage(original), try coverage(reread))
    #expect(before.objectValue?.count ?? 0 > 5)
    #expect(before["declared_tiers"]?["compared"] != nil && before["declared_tiers"]?["compared"] != .number(0))
    #expect(before == after)

    // RMAP status travels as attestations: without the smelter reference the exported file gives
    // the same exposures (the statuses come from its attestation nodes).
    let withoutReference = directory.appendingPathComponent("no-reference").path
    let others = ["SampleData/2025/reference/risk-list.csv", "SampleData/2025/reference/country-risk.csv", "SampleData/2025/audits"]
    #expect(try TierscanBinary.run(["scan", file] + others + ["--focus", "NWT", "--out", withoutReference]).status == 0)
    #expect(try exposures(original) == exposures(withoutReference))
    // … and not by accident: the original inputs without the reference give other exposures.
    let originalWithout = directory.appendingPathComponent("original-no-reference").path
    let sampleWithoutReference = ["SampleData/2025/entities.csv", "SampleData/2025/relationships.csv",
      "SampleData/2025/supplier-list.csv", "SampleData/2025/cmrt", "SampleData/2025/xml"] + others
    #expect(try TierscanBinary.run(["scan"] + sampleWithoutReference + ["--focus", "NWT", "--out", originalWithout]).status == 0)
    #expect(try exposures(original) != exposures(originalWithout))
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("\"type\": \"attestation\"") && text.contains("\"standard\": \"RMAP\""))
    #expect(text.contains("\"type\": \"attested_by\""))
  }

  @Test func usageErrors() throws {
    let subgraph = try TierscanBinary.run(["export", "SampleData/2025", "--format", "omts", "--subgraph", "NWT", "--depth", "1"])
    #expect(subgraph.status == 64)
    #expect(subgraph.stderr.contains("give --salt"))
    let badSalt = try TierscanBinary.run(["export", "SampleData/2025", "--format", "omts", "--salt", "ABC"])
    #expect(badSalt.status == 64 && badSalt.stderr.contains("64 lower-case hexadecimal"))
    let wrongFormat = try TierscanBinary.run(["export", "SampleData/2025", "--format", "json", "--salt", Self.salt])
    #expect(wrongFormat.status == 64 && wrongFormat.stderr.contains("apply to --format omts only"))
    let redacted = try TierscanBinary.run(
      ["export", "SampleData/2025", "--format", "omts", "--subgraph", "NWT", "--depth", "1", "--salt", Self.salt,
       "--disclosure-scope", "partner"])
    #expect(redacted.status == 0)
    #expect(redacted.stdout.contains("\"type\": \"boundary_ref\"") && redacted.stdout.contains("\"disclosure_scope\": \"partner\""))
  }
}
