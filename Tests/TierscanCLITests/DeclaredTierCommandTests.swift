import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// End-to-end: supplier lists' declared tiers (CSV, an XLSX table, a mapped CSV, the real OMTS
/// template) are compared with the computed tiers, every disagreement is a `declared-tier-mismatch`
/// at its row, and every declared tier that could not be compared is counted and said
/// (docs/formats.md#declared-tiers).
@Suite(.serialized) struct DeclaredTierCommandTests {
  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-tiers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func lines(_ stderr: String, _ rule: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { $0.contains(": \(rule): ") }
  }

  @Test func disagreementsAndEveryUncomparedTierAreReported() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("scan")
    let fixture = "Tests/Fixtures/tiers"
    let result = try TierscanBinary.run(["scan", fixture, "--focus", "F", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    // Disagreements at their rows, declared against computed, XLSX rows with their cell.
    #expect(lines(result.stderr, "declared-tier-mismatch").map { $0.components(separatedBy: ": warning:")[0] } == [
      "\(fixture)/focus-list.csv:3", "\(fixture)/focus-list.csv:5", "\(fixture)/focus-list.csv:11",
      "\(fixture)/supplier-table.xlsx:5 [Suppliers!A5]", "\(fixture)/supplier-table.xlsx:6 [Suppliers!A6]",
    ])
    #expect(result.stderr.contains(
      "\(fixture)/focus-list.csv:5: warning: declared-tier-mismatch: supplier 'D' is declared tier 3 by this list "
        + "(counted from the focus F) but is tier 2 in the graph"))
    // Refused spellings: 0, -1, 1e9, 1000, `tier two`, `2-3`, and 0 in the workbook; an empty cell is no declaration.
    #expect(lines(result.stderr, "invalid-tier").map { $0.components(separatedBy: ": warning:")[0] } == [
      "\(fixture)/focus-list.csv:6", "\(fixture)/focus-list.csv:7", "\(fixture)/focus-list.csv:8",
      "\(fixture)/focus-list.csv:10", "\(fixture)/focus-list.csv:13", "\(fixture)/focus-list.csv:14",
      "\(fixture)/supplier-table.xlsx:7 [Suppliers!A7]",
    ])
    // Not compared, and said: a supplier's own list, a list with no path to the focus, a loop.
    #expect(result.stderr.contains(
      "\(fixture)/supplier-own-list.csv:2: info: declared-tier-not-compared: 1 declared tier in this file counts from "
        + "discloser A (tier 1 relative to the focus), not from the focus F"))
    #expect(result.stderr.contains(
      "\(fixture)/supplier-own-list.csv:3: warning: declared-tier-no-path: 2 declared tiers in this file name "
        + "suppliers with no supply path to the focus F in the graph (discloser X (not in the focus's chain))"))
    #expect(result.stderr.contains(
      "\(fixture)/loop-list.csv:2: info: declared-tier-not-compared: 2 declared tiers in this file have no discloser"))
    #expect(result.stdout.contains(
      "declared tiers: 9 compared with the computed tiers, 4 agree, 5 disagree (declared-tier-mismatch); not compared: "
        + "1 from another discloser, 2 with no path to the focus, 2 in looping lists, 7 refused (invalid-tier)\n"))
    // coverage.json: the counts add up, and declared against computed.
    let coverage = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("coverage.json"), encoding: .utf8))
    let tiers = try #require(coverage["declared_tiers"])
    #expect(tiers["declared"]?.numberValue == 14 && tiers["invalid"]?.numberValue == 7)
    #expect(tiers["compared"]?.numberValue == 9 && tiers["agree"]?.numberValue == 4 && tiers["disagree"]?.numberValue == 5)
    #expect(tiers["not_compared"]?["discloser_not_focus"]?.numberValue == 1)
    #expect(tiers["not_compared"]?["no_path_to_focus"]?.numberValue == 2)
    #expect(tiers["not_compared"]?["no_discloser"]?.numberValue == 2)
    let cells = try #require(tiers["declared_vs_computed"]?.arrayValue).map { cell in
      "\(Int(cell["declared"]?.numberValue ?? -1))→\(Int(cell["computed"]?.numberValue ?? -1)):\(Int(cell["rows"]?.numberValue ?? -1))"
    }
    #expect(cells == ["1→1:3", "1→2:1", "2→1:2", "2→2:1", "3→1:1", "3→2:1"])
    let disagreements = try #require(tiers["disagreements"]?.arrayValue)
    #expect(disagreements.map { $0["entity_id"]?.stringValue ?? "" } == ["B", "D", "K", "S2", "S3"])
    #expect(disagreements[4]["sheet"]?.stringValue == "Suppliers" && disagreements[4]["line"]?.numberValue == 6)
    // The exposures header is the contract's (model §4): declared tiers add no column.
    let exposures = try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
    #expect(exposures.hasPrefix("entity_id,name,kind,country,tier,category,score,level,hops,source_id\n"))
    // validate has no focus: it refuses bad values but compares nothing.
    let validate = try TierscanBinary.run(["validate", fixture])
    #expect(lines(validate.stderr, "invalid-tier").count == 7)
    #expect(lines(validate.stderr, "declared-tier-mismatch").isEmpty)
  }

  @Test func aMappedListWithParentsCountsFromTheListsBuyer() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("scan")
    let fixture = "Tests/Fixtures/tiers-mapped"
    let result = try TierscanBinary.run([
      "scan", "\(fixture)/erp-export.csv", "--mapping", "\(fixture)/erp-mapping.json", "--focus", "BRAND", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // V3's parent is Omega Fabrics (V2, tier 2), so V3 is tier 3, not the declared 2.
    #expect(lines(result.stderr, "declared-tier-mismatch") == [
      "\(fixture)/erp-export.csv:4: warning: declared-tier-mismatch: supplier 'V3' is declared tier 2 by this list "
        + "(counted from the focus BRAND) but is tier 3 in the graph (fewest supply hops to BRAND); the computed tier is used"
    ])
    #expect(lines(result.stderr, "invalid-tier").map { $0.components(separatedBy: ": warning:")[0] } == ["\(fixture)/erp-export.csv:5"])
    #expect(result.stdout.contains("declared tiers: 3 compared with the computed tiers, 2 agree, 1 disagree"))
  }

  private static let omtsTemplate = TierscanBinary.root.deletingLastPathComponent()
    .appendingPathComponent("shared/realdata/omts/excel/omts-supplier-list-example.xlsx")

  @Test(.enabled(if: FileManager.default.fileExists(atPath: omtsTemplate.path), "../shared/realdata is absent"))
  func theRealOMTSTemplatesTiersAgreeWithItsParents() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("scan")
    let result = try TierscanBinary.run([
      "scan", Self.omtsTemplate.path, "--profile", "omts-supplier-list", "--focus", "Acme Manufacturing GmbH",
      "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let coverage = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("coverage.json"), encoding: .utf8))
    let tiers = try #require(coverage["declared_tiers"])
    // Seven rows declare tiers 1 (4), 2 (2) and 3 (1); parent_supplier gives the same tiers.
    #expect(tiers["declared"]?.numberValue == 7 && tiers["agree"]?.numberValue == 7 && tiers["disagree"]?.numberValue == 0)
    #expect(lines(result.stderr, "declared-tier-mismatch").isEmpty)
  }
}
