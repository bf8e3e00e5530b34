import Foundation
import Testing
import TierscanTestSupport

/// `--max-json-depth` and `--max-json-string-bytes` (docs/reliability.md, "Limits"): a JSON
/// interchange input over a lowered limit is an error `json-syntax` that names the limit, and the
/// same input at the limit reads cleanly. Both the streamed OMTS reader and the FtM reader.
@Suite struct JSONLimitOptionTests {
  private let fixtures = TierscanBinary.root.appendingPathComponent("Tests/Fixtures/interchange")

  /// `omts-visibility.omts` nests four deep (document → `edges` → edge → `properties`).
  @Test func depthOverALoweredLimitIsAFindingAndAtItReads() throws {
    let over = try TierscanBinary.run(["validate", "omts-visibility.omts", "--max-json-depth", "3"], in: fixtures)
    #expect(over.status == 2)
    #expect(over.stderr.contains("omts-visibility.omts:15:"))
    #expect(over.stderr.contains("error: json-syntax: nesting deeper than 3; the rest of the file is not read"))
    let at = try TierscanBinary.run(["validate", "omts-visibility.omts", "--max-json-depth", "4"], in: fixtures)
    #expect(at.status == 0)
    #expect(!at.stderr.contains("json-syntax"))
    #expect(at.stdout.contains("omts-visibility.omts"))
    // The default (64) reads it too.
    #expect(try TierscanBinary.run(["validate", "omts-visibility.omts"], in: fixtures).status == 0)
  }

  /// Its longest string is the 64-byte `file_salt`.
  @Test func stringOverALoweredLimitIsAFindingAndAtItReads() throws {
    let over = try TierscanBinary.run(
      ["validate", "omts-visibility.omts", "--max-json-string-bytes", "63"], in: fixtures)
    #expect(over.status == 2)
    #expect(over.stderr.contains("omts-visibility.omts:4:"))
    #expect(over.stderr.contains("error: json-syntax: string longer than 63 bytes; the rest of the file is not read"))
    let at = try TierscanBinary.run(["validate", "omts-visibility.omts", "--max-json-string-bytes", "64"], in: fixtures)
    #expect(at.status == 0)
    #expect(!at.stderr.contains("json-syntax"))
  }

  /// FtM lines go through the same limits: a later line over a limit is `json-syntax` at that
  /// line; a first line over it leaves the file unclassified, and the finding says which limit.
  @Test func ftmLinesUseTheSameLimits() throws {
    let directory = TestScratch.directory.appendingPathComponent("json-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let person = try String(contentsOf: fixtures.appendingPathComponent("ftm-person.jsonl"), encoding: .utf8)
    let second = person.replacingOccurrences(of: "tsf-person-2", with: "tsf-person-3")
      .replacingOccurrences(of: "Jennifer Hewitson-Smith", with: "Jennifer Hewitson-Smith-Fotheringay")  // 35 bytes
    try (person + second).write(to: directory.appendingPathComponent("people.jsonl"), atomically: true, encoding: .utf8)
    let over = try TierscanBinary.run(["validate", "people.jsonl", "--max-json-string-bytes", "34"], in: directory)
    #expect(over.status == 2)
    #expect(over.stderr.contains("people.jsonl:2:62 [/1]: error: json-syntax: string longer than 34 bytes; line not read"))
    let at = try TierscanBinary.run(["validate", "people.jsonl", "--max-json-string-bytes", "35"], in: directory)
    #expect(!at.stderr.contains("json-syntax"))
    #expect(!at.stderr.contains("unrecognised-file"))
    let first = try TierscanBinary.run(["validate", "people.jsonl", "--max-json-string-bytes", "22"], in: directory)
    #expect(first.status == 2)
    #expect(first.stderr.contains("error: unrecognised-file: a JSON object whose first key is not omts_version, and a first line that is not one JSON value (1:62: string longer than 22 bytes)"))
    let shallow = try TierscanBinary.run(["validate", "people.jsonl", "--max-json-depth", "2"], in: directory)
    #expect(shallow.stderr.contains("(1:62: nesting deeper than 2)"))
  }

  @Test func aLimitBelowOneIsAUsageError() throws {
    for option in ["--max-json-depth", "--max-json-string-bytes"] {
      let result = try TierscanBinary.run(["validate", "omts-visibility.omts", option, "0"], in: fixtures)
      #expect(result.status == 64)
      #expect(result.stderr.contains("\(option) must be a positive integer."))
    }
  }
}
