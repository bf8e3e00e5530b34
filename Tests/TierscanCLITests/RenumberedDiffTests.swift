import Foundation
import Testing
import TierscanTestSupport

/// `tierscan diff` of a supplier list re-exported with new ids (docs/entity-resolution.md §10):
/// SampleData/2025 copied with every entity that has an LEI or DUNS renumbered (`R100`…, the
/// identifiers kept; the same re-export the workspace test `aRenumberedReExportChangesIdsOnly`
/// builds) and two suppliers without identifiers renumbered too (`GAR-IN` → `N-GAR-IN`,
/// `EMB-IN` → `N-EMB-IN`).
@Suite(.serialized) struct RenumberedDiffTests {
  static let root = TierscanBinary.root

  static func temporary(_ name: String) -> URL {
    TestScratch.directory.appendingPathComponent("tierscan-renumbered-\(name)-\(UUID().uuidString)")
  }

  /// Copies SampleData/2025 to `copy` with the ids renumbered in every CSV and XML; returns old → new.
  static func reexport(to copy: URL) throws -> [String: String] {
    try FileManager.default.copyItem(at: root.appendingPathComponent("SampleData/2025"), to: copy)
    let entities = try String(contentsOf: copy.appendingPathComponent("entities.csv"), encoding: .utf8)
    var map: [String: String] = [:]
    for line in entities.split(separator: "\n").dropFirst() {
      let c = CSVLine.cells(line)
      if c.count > 7, !c[0].hasPrefix("CID"), !c[6].isEmpty || !c[7].isEmpty { map[c[0]] = "R\(100 + map.count)" }
    }
    map["GAR-IN"] = "N-GAR-IN"
    map["EMB-IN"] = "N-EMB-IN"
    let alternatives = map.keys.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
    let pattern = try NSRegularExpression(pattern: "(?<![A-Za-z0-9-])(" + alternatives.joined(separator: "|") + ")(?![A-Za-z0-9-])")
    let files = FileManager.default.enumerator(atPath: copy.path)?.compactMap { $0 as? String } ?? []
    for name in files where name.hasSuffix(".csv") || name.hasSuffix(".xml") {
      let url = copy.appendingPathComponent(name)
      var text = try String(contentsOf: url, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
        let range = Range(match.range, in: text)!
        text.replaceSubrange(range, with: map[String(text[range])]!)
      }
      try Data(text.utf8).write(to: url)
    }
    return map
  }

  static func scan(_ input: String, focus: String) throws -> URL {
    let out = temporary("scan")
    let result = try TierscanBinary.run(["scan", input, "--focus", focus, "--out", out.path, "--with-graph"])
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  @Test func renumberedSuppliersAreIdChangesNotRemovalsAndAdditions() throws {
    let copy = Self.temporary("reexport")
    defer { try? FileManager.default.removeItem(at: copy) }
    let map = try Self.reexport(to: copy)
    #expect(map.count >= 12)
    let before = try Self.scan("SampleData/2025", focus: "NWT")
    let after = try Self.scan(copy.path, focus: map["NWT"]!)
    defer { for url in [before, after] { try? FileManager.default.removeItem(at: url) } }

    // Identifiers tie every renumbered supplier that has one; the two without stay removed and added.
    let plain = try TierscanBinary.run(["diff", before.path, after.path])
    #expect(plain.status == 0, "\(plain.stderr)")
    let withIdentifiers = map.count - 2
    #expect(plain.stdout.hasPrefix("entities: 2 added, 2 removed, \(withIdentifiers) id changed\n"), "\(plain.stdout)")
    #expect(plain.stdout.contains("  + N-GAR-IN  Tiruppur Marigold Knitwear"))
    #expect(plain.stdout.contains("  - GAR-IN  Tiruppur Marigold Knitwear"))
    #expect(plain.stdout.contains("  ~ NWT → \(map["NWT"]!)  Northwind Telecom plc (company): id changed (lei "))
    #expect(plain.stdout.contains("  ~ GWW → \(map["GWW"]!)  Greyfell Workwear Ltd (company): id changed (duns "))
    // Relationships and exposures of renumbered suppliers compare under the new id: only the two
    // suppliers without identifiers (and their edges and exposures) change.
    for line in plain.stdout.split(separator: "\n") where line.hasPrefix("  + ") || line.hasPrefix("  - ") {
      #expect(line.contains("GAR-IN") || line.contains("EMB-IN"), "unexpected change: \(line)")
    }
    let exposures = plain.stdout.split(separator: "\n").first { $0.hasPrefix("exposures: ") }.map(String.init) ?? ""
    #expect(exposures.contains("0 rose, 0 fell"), "\(exposures)")

    // A same judgement ties GAR-IN too; a not_same one keeps EMB-IN apart whatever else ties it.
    let judgementDirectory = Self.temporary("judgements")
    try FileManager.default.createDirectory(at: judgementDirectory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: judgementDirectory) }
    let judgements = judgementDirectory.appendingPathComponent("judgements.csv")
    try """
      left,right,decision,reviewer,decided_on,reason
      GAR-IN,N-GAR-IN,same,A. Reviewer,2026-01-10,re-exported from the new ERP; same factory licence
      N-EMB-IN,EMB-IN,not_same,A. Reviewer,2026-01-10,the new record is the Coimbatore unit

      """.write(to: judgements, atomically: true, encoding: .utf8)
    let judged = try TierscanBinary.run(["diff", before.path, after.path, "--judgements", judgements.path])
    #expect(judged.status == 0, "\(judged.stderr)")
    #expect(judged.stdout.hasPrefix("entities: 1 added, 1 removed, \(withIdentifiers + 1) id changed\n"), "\(judged.stdout)")
    #expect(judged.stdout.contains("  ~ GAR-IN → N-GAR-IN  Tiruppur Marigold Knitwear Pvt. Ltd. (company): id changed (judgement \(judgements.path):2)"))
    #expect(judged.stdout.contains("  - EMB-IN "))
    let json = try TierscanBinary.run(["diff", before.path, after.path, "--judgements", judgements.path, "--format", "json"])
    #expect(json.stdout.contains("\"renamed\""))
    #expect(json.stdout.contains("\"via\": \"judgement \(judgements.path):2\""))
    let csv = try TierscanBinary.run(["diff", before.path, after.path, "--judgements", judgements.path, "--format", "csv"])
    #expect(csv.stdout.contains("\nentity-id-changed,N-GAR-IN,Tiruppur Marigold Knitwear Pvt. Ltd.,,,GAR-IN,N-GAR-IN,,\n"))
  }

  @Test func judgementFilesAreCheckedLikeInputs() throws {
    let before = try Self.scan("SampleData/2025", focus: "NWT")
    defer { try? FileManager.default.removeItem(at: before) }
    let notJudgements = try TierscanBinary.run(["diff", before.path, before.path, "--judgements", "SampleData/2025/entities.csv"])
    #expect(notJudgements.status == 64)
    #expect(notJudgements.stderr.contains("SampleData/2025/entities.csv: error: diff: --judgements takes judgements files"))
    let hostile = try TierscanBinary.run([
      "diff", before.path, before.path, "--judgements", "Tests/Fixtures/er/judgements/hostile-judgements.csv",
    ])
    #expect(hostile.status == 0, "\(hostile.stderr)")
    #expect(hostile.stderr.contains("hostile-judgements.csv:2: error: invalid-decision"))
    #expect(hostile.stdout.hasPrefix("entities: 0 added, 0 removed\n"))
  }
}
