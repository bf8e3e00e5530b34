import Foundation
import Testing
import TierscanTestSupport

/// `tierscan cmrt` end to end on SampleData/2025 (without the XML disclosures) and on fixtures.
@Suite(.serialized) struct CMRTCommandTests {
  static let sample = ["entities.csv", "relationships.csv", "supplier-list.csv", "cmrt", "reference"].map {
    "SampleData/2025/" + $0
  }

  static func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-cmrt-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func writesTheFourFilesDeterministically() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("rollup")
    let first = try TierscanBinary.run(["cmrt"] + Self.sample + ["--focus", "NWT", "--out", out.path])
    #expect(first.status == 0)
    #expect(first.stderr.contains(
      "SampleData/2025/cmrt/Penang-Kinta-Electronics_RMI_CMRT_6.4.xlsx:10 [Smelter List!F10]: warning: "
        + "cid-not-in-reference: smelter CID900643 (gold) is not in any smelter reference or look-up"))
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["rollup.md", "smelters.csv", "summary.json", "suppliers.csv"])
    let markdown = try String(contentsOf: out.appendingPathComponent("rollup.md"), encoding: .utf8)
    #expect(first.stdout == markdown)
    #expect(markdown.contains("| all | 7 | 0 | 1 | 1 | 9 | 77.8 % |"))
    #expect(markdown.contains("| EMS-SZ | Shenzhen Bluefinch Electronics Manufacturing Co., Ltd. | 2 | **no** | buys:tantalum capacitors |"))
    let suppliers = try String(contentsOf: out.appendingPathComponent("suppliers.csv"), encoding: .utf8)
    #expect(suppliers.split(separator: "\n")[1] == """
      SampleData/2025/cmrt/Klang-Valley-Solder-Alloys_RMI_CMRT_6.4.xlsx,KLANG VALLEY SOLDER ALLOYS SDN BHD,SOLD,\
      Klang Valley Solder Alloys Sdn. Bhd.,CMRT,6.4,A. Company,2025-03-14,11,11,tin,3,0,3,0,1,0,3
      """)
    let before = try names.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    let second = try TierscanBinary.run(["cmrt"] + Self.sample + ["--focus", "NWT", "--out", out.path])
    #expect(second.status == 0)
    #expect(try names.map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["rollup"])
  }

  @Test func withoutFocusThereIsNoResponseRate() throws {
    let result = try TierscanBinary.run(["cmrt", "SampleData/2025/cmrt"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("## Response rate"))
    // No reference given: no reference checks, every status unknown.
    #expect(!result.stderr.contains("cid-not-in-reference"))
    #expect(result.stdout.contains("| all | 0 | 0 | 0 | 9 | 9 | n/a |"))
  }

  @Test func refusesToWriteIntoAnInput() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let workbook = TierscanBinary.root.appendingPathComponent("Tests/Fixtures/xlsx/cmrt_clean.xlsx")
    try FileManager.default.copyItem(at: workbook, to: input.appendingPathComponent("cmrt_clean.xlsx"))
    for out in ["in", "in/rollup", "."] {
      let result = try TierscanBinary.run(["cmrt", "in", "--out", out], in: directory)
      #expect(result.status == 64, "out \(out)")
      #expect(result.stderr.contains("error: output: "), "out \(out)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: input.path) == ["cmrt_clean.xlsx"])
    let foreign = directory.appendingPathComponent("busy")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    let result = try TierscanBinary.run(["cmrt", "in", "--out", "busy"], in: directory)
    #expect(result.status == 64)
    #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
  }

  @Test func exitCodes() throws {
    let unknownFocus = try TierscanBinary.run(["cmrt", "SampleData/2025/cmrt", "--focus", "NOPE"])
    #expect(unknownFocus.status == 64)
    #expect(unknownFocus.stderr.contains("error: focus: no entity has the id 'NOPE'"))
    let broken = try TierscanBinary.run(["cmrt", "Tests/Fixtures/xlsx/not_a_zip.xlsx", "Tests/Fixtures/xlsx/cmrt_clean.xlsx"])
    #expect(broken.status == 2)
    #expect(broken.stdout.contains("2 workbook(s)") == false)
    #expect(broken.stdout.contains("1 workbook(s), 3 Smelter List row(s)"))
  }

  /// `scan` over the whole SampleData/2025 directory: NWT's conflict-minerals path starts at a
  /// CMRT Smelter List row and paths.json cites the workbook's sheet and cell (hand-derived:
  /// CID900358, non-conformant → EMS-PEN via Penang row 7 → BWN → NWT).
  @Test func scanPathsCiteTheWorkbookCell() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("scan")
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--out", out.path])
    #expect(result.status == 0 || result.status == 2)  // 2 while the XML reader is a stub
    let data = try Data(contentsOf: out.appendingPathComponent("paths.json"))
    let paths = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let nwt = try #require(
      paths.first { $0["entity_id"] as? String == "NWT" && $0["category"] as? String == "conflict_minerals" })
    #expect(nwt["source_id"] as? String == "CID900358")
    let hop = try #require((nwt["hops"] as? [[String: Any]])?.first)
    #expect(hop["file"] as? String == "SampleData/2025/cmrt/Penang-Kinta-Electronics_RMI_CMRT_6.4.xlsx")
    #expect(hop["line"] as? Int == 7)
    #expect(hop["sheet"] as? String == "Smelter List")
    #expect(hop["cell"] as? String == "F7")
  }
}
