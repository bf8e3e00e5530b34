import Foundation
import Testing

/// `tierscan validate SampleData/broken` reports every planted problem (docs/sample-data.md) at
/// its line, and `SampleData/2025` validates clean.
@Suite(.serialized) struct BrokenSampleTests {
  @Test func everyPlantedProblemIsReportedAtItsLine() throws {
    let result = try TierscanBinary.run(["validate", "SampleData/broken"])
    #expect(result.status == 2)
    let expected = [
      ".hidden-notes.csv: info: skipped-file",
      "~$entities.csv: info: skipped-file",
      "01-ragged-row.csv:3: error: ragged-row",
      "02-unterminated-quote.csv:3: error: unterminated-quote",
      "03-invalid-utf8.csv:3: error: not-utf8",
      "03-invalid-utf8.csv:3: error: invalid-utf8",
      "04-unknown-relationship-type.csv:3: error: unknown-relationship-type",
      "05-owns-share-150.csv:3: error: invalid-share",
      "06-invalid-lei.csv:3: warning: invalid-lei",
      "07-country-uk.csv:2: info: country-resolved",
      "08-country-xx.csv:2: warning: unknown-country",
      "09-duplicate-id-conflicting-country.csv:3: warning: merge-conflict",
      // "Valid LEI Sample Ltd" (LEI-OK) and "Valid Sample Ltd" (U8-1, 03-invalid-utf8.csv), both GB:
      // one name is the other plus a word, so they may be one entity (docs/entity-resolution.md §7).
      "06-invalid-lei.csv:2: warning: possible-duplicate",
      "10-unknown-endpoint.csv:2: warning: unknown-entity",
      "11-formula-id.csv:2: warning: formula-like-id",
      "12-malformed.xml:6:13: error: xml-malformed",
      "13-doctype.xml:2:1: error: doctype-refused",
      "14-unrecognised-header.csv:1: error: unrecognised-header",
      "15-risk-list-unknown-category.csv:2: warning: unknown-category",
      "16-shares-over-100.csv:3: warning: ownership-over-100",
    ]
    let lines = result.stderr.split(separator: "\n").map(String.init)
    for prefix in expected {
      #expect(lines.contains { $0.hasPrefix("SampleData/broken/" + prefix + ":") }, "missing: \(prefix)")
    }
    #expect(lines.count == expected.count, "unexpected extra findings:\n\(result.stderr)")
  }

  @Test func cleanSampleValidatesWithoutErrors() throws {
    for year in ["2024", "2025"] {
      let result = try TierscanBinary.run(["validate", "SampleData/\(year)"])
      #expect(result.status == 0, "\(year): \(result.stderr)")
      #expect(!result.stderr.contains(": error: "))
    }
  }
}
