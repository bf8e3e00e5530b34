import Foundation
import Testing
import TierscanTestSupport

/// End-to-end tests of `tierscan scan` and `tierscan paths` on the shipped sample data.
@Suite(.serialized) struct ScanCommandTests {
  private let root = TierscanBinary.root

  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-scan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The focus's row per category from exposures.csv: category → (score, level, hops, source).
  /// The focus's name holds no comma, so splitting its rows on commas is safe.
  private func focusRows(_ csv: String) -> [String: (Double, String, String, String)] {
    var rows: [String: (Double, String, String, String)] = [:]
    for line in csv.split(separator: "\n") where line.hasPrefix("NWT,") {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      rows[cells[5]] = (Double(cells[6]) ?? -1, cells[7], cells[8], cells[9])
    }
    return rows
  }

  @Test func sampleScanFlagsThePlantedRisksWithHandComputedScores() throws {
    let out = try temporaryDirectory().appendingPathComponent("scan")
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("entity_id,name,kind,country,tier,category,score,level,hops,source_id\n"))
    let rows = focusRows(csv)
    // SPEC §3: t(e) = factor × confidence × hop_decay; declared 0.9 × 0.85 = 0.765, observed 1.0 × 0.85 = 0.85.
    // forced_labour: PCB-GZ is controlled 30 % + 25 % by two listed owners (r0 = 1.0), PCB-GZ →(declared) BWN
    // →(observed) NWT.
    let forced = try #require(rows["forced_labour"])
    #expect(abs(forced.0 - 1.0 * 0.765 * 0.85) < 1e-12)
    #expect(forced.1 == "high" && forced.2 == "2" && forced.3 == "PCB-GZ")
    // conflict_minerals: non-conformant smelter CID900358 (r0 1.0) →(declared, CMRT row) EMS-PEN →(observed) BWN
    // →(observed) NWT.
    let minerals = try #require(rows["conflict_minerals"])
    #expect(abs(minerals.0 - 1.0 * 0.765 * 0.85 * 0.85) < 1e-12)
    #expect(minerals.1 == "medium" && minerals.2 == "3" && minerals.3 == "CID900358")
    // child_labour: country-commodity row 0.7 on GAR-BD →(declared) GWW →(observed) NWT.
    let child = try #require(rows["child_labour"])
    #expect(abs(child.0 - 0.7 * 0.765 * 0.85) < 1e-12)
    #expect(child.1 == "medium" && child.3 == "GAR-BD")
    // The tier-4 cotton ginner from the XML disclosure is critical on its own (risk list, name-country).
    #expect(csv.contains("\nGIN-XJ,"))
    #expect(csv.split(separator: "\n").contains { $0.hasPrefix("GIN-XJ,") && $0.contains(",4,forced_labour,1.0,critical,0,GIN-XJ") })
    #expect(result.stdout.contains("forced_labour: 0.650 high, source PCB-GZ, 2 hop(s), via tier-1 supplier BWN"))
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["attribution.csv", "coverage.json", "exposures.csv", "manifest.json", "paths.json", "quality.json"])
  }

  @Test func twoRunsGiveByteIdenticalOutputs() throws {
    let base = try temporaryDirectory()
    for name in ["a", "b"] {
      let result = try TierscanBinary.run([
        "scan", "SampleData/2025", "--focus", "NWT", "--with-graph", "--out", base.appendingPathComponent(name).path,
      ])
      #expect(result.status == 0)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("a").path).sorted()
    #expect(files.count == 7)
    for file in files {
      let a = try Data(contentsOf: base.appendingPathComponent("a").appendingPathComponent(file))
      let b = try Data(contentsOf: base.appendingPathComponent("b").appendingPathComponent(file))
      #expect(a == b, "\(file) differs between runs")
      #expect(!String(decoding: a, as: UTF8.self).contains(base.path), "\(file) leaks the output path")
    }
  }

  @Test func failOnLevelExitsOneAndErrorsTakePrecedence() throws {
    let critical = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--fail-on", "critical"])
    #expect(critical.status == 1)
    let broken = try TierscanBinary.run([
      "scan", "SampleData/2025", "SampleData/broken/01-ragged-row.csv", "--focus", "NWT", "--fail-on", "critical",
    ])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("SampleData/broken/01-ragged-row.csv:3: error: ragged-row:"))
  }

  @Test func unknownFocusIsAUsageErrorWithSuggestions() throws {
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "nwt"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("error: focus: no entity has the id 'nwt' (did you mean 'NWT'"))
  }

  @Test func invalidConfigNamesTheFileAndKey() throws {
    let dir = try temporaryDirectory()
    let config = dir.appendingPathComponent("config.json")
    try Data(#"{"hop_decay": 1.5}"#.utf8).write(to: config)
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--config", config.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(config.path): error: config:"))
    #expect(result.stderr.contains("hop_decay"))
  }

  @Test func configDisablingEveryEdgeLeavesOnlyInherentRisk() throws {
    let dir = try temporaryDirectory()
    let config = dir.appendingPathComponent("config.json")
    try Data(
      #"{"edges": {"supplies": {"direction": "none"}, "subcontracts": {"direction": "none"}, "operates": {"direction": "none"}, "owns": {"direction": "none"}}}"#
        .utf8
    ).write(to: config)
    let out = dir.appendingPathComponent("out")
    let result = try TierscanBinary.run([
      "scan", "SampleData/2025", "--focus", "NWT", "--config", config.path, "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
    // Names may hold quoted commas; hops is the second cell from the end.
    let hops = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().last! }
    #expect(!hops.isEmpty)
    #expect(hops.allSatisfy { $0 == "0" })
    #expect(focusRows(csv).isEmpty)
  }

  @Test func emptyInputDirectoryIsAClearError() throws {
    let dir = try temporaryDirectory()
    let result = try TierscanBinary.run(["scan", dir.path, "--focus", "NWT"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("error: focus: the inputs hold no entities"))
  }

  @Test func pathsUnknownEntityNamesTheEntityOption() throws {
    let result = try TierscanBinary.run(["paths", "SampleData/2025", "--focus", "NWT", "--entity", "NOPE"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("error: entity: no entity has the id 'NOPE' (given to --entity)"))
    #expect(!result.stderr.contains("error: focus:"))
  }

  @Test func pathsCSVCarriesRulesAndWorkbookCells() throws {
    let result = try TierscanBinary.run([
      "paths", "SampleData/2025", "--focus", "NWT", "--entity", "NWT", "--category", "conflict_minerals", "--format", "csv",
    ])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0].hasSuffix(",rule,rule_score,evidence,file,line,sheet,cell,pointer"))
    // The source's rule row, then the CMRT hop with its sheet and cell.
    #expect(lines[1] == "NWT,conflict_minerals,0.5527124999999999,medium,CID900358,rule,,,,,,,,,,smelter-status,1.0,cid=CID900358; status=non-conformant; reference_status=non-conformant; status_from=reference,SampleData/2025/reference/smelter-reference.csv,4,,,")
    #expect(lines[2].hasSuffix(",SampleData/2025/cmrt/Penang-Kinta-Electronics_RMI_CMRT_6.4.xlsx,7,Smelter List,F7,"))
    let md = try TierscanBinary.run(["paths", "SampleData/2025", "--focus", "NWT", "--entity", "NWT", "--format", "md"])
    #expect(md.stdout.contains("## NWT — conflict\\_minerals: 0.553 (medium)"))
    #expect(!md.stdout.contains("0.5527124999999999"))
  }

  @Test func pathsMarkdownTracesEveryHopToItsRow() throws {
    let result = try TierscanBinary.run([
      "paths", "SampleData/2025", "--focus", "NWT", "--entity", "NWT", "--category", "conflict_minerals", "--format", "md",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("CID900358"))
    #expect(result.stdout.contains("Penang-Kinta-Electronics\\_RMI\\_CMRT\\_6.4.xlsx:7"))
    #expect(result.stdout.contains("SampleData/2025/supplier-list.csv:2"))
  }
}
