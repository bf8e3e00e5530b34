import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

/// S3 → S2 → S1 → F (declared supplies, t = 0.9 × 0.85 = 0.765), S3 listed by LEI; `-X` listed by
/// name only and outside the chain.
func scenario() -> RiskAnalysis {
  var findings = FindingLog()
  let p = { (line: Int) in Provenance(file: "in/entities.csv", line: line) }
  let entities = [
    EntityRecord(id: "F", name: "Focus Ltd", country: "GB", provenance: p(2)),
    EntityRecord(id: "S1", name: "=Evil, Inc", country: "CN", provenance: p(3)),
    EntityRecord(id: "S2", provenance: p(4)),
    EntityRecord(id: "S3", name: "Listed Smelting", identifiers: Identifiers(lei: "5493001KJTIIGC8Y1R12"), provenance: p(5)),
    EntityRecord(id: "-X", name: "Dash Co", provenance: p(6)),
  ]
  let r = { (from: String, to: String, line: Int) in
    RelationshipRecord(from: from, to: to, type: .supplies, commodity: "cotton", provenance: Provenance(file: "in/rel.csv", line: line))
  }
  let graph = GraphBuilder().build(
    entityRecords: entities, relationshipRecords: [r("S3", "S2", 2), r("S2", "S1", 3), r("S1", "F", 4)],
    findings: &findings)
  let list = [
    RiskListEntry(
      list: "UFLPA", name: "Listed", category: "forced_labour", identifiers: Identifiers(lei: "5493001KJTIIGC8Y1R12"),
      reference: "R-1", provenance: Provenance(file: "in/list.csv", line: 2)),
    RiskListEntry(list: "Own", name: "dash", category: "forced_labour", provenance: Provenance(file: "in/list.csv", line: 3)),
  ]
  return RiskEngine().analyze(
    graph: graph, riskList: list, countryRisk: [], smelterReferences: [], focus: graph.index(of: "F")!)
}

let manifestData = ScanManifest(
  toolVersion: "0.1.0", inputs: [.init(path: "in/entities.csv", sha256: String(repeating: "a", count: 64))],
  configSHA256: SHA256.hexDigest(of: Array(DefaultRiskConfig.json.utf8)))

@Suite struct ScanOutputTests {
  @Test func exposuresCSVIsExact() {
    // Scores: S3 1.0 (identifier), S2 0.765, S1 0.765² = 0.585225, F 0.765³ = 0.447697125 (the
    // double product prints as 0.44769712500000003); -X name-only 0.7 ≥ 0.6 → high, no tier.
    let expected = """
      entity_id,name,kind,country,tier,category,score,level,hops,source_id
      '-X,Dash Co,company,,,forced_labour,0.7,high,0,'-X
      F,Focus Ltd,company,GB,0,forced_labour,0.44769712500000003,medium,3,S3
      S1,"'=Evil, Inc",company,CN,1,forced_labour,0.585225,medium,2,S3
      S2,S2,company,,2,forced_labour,0.765,high,1,S3
      S3,Listed Smelting,company,,3,forced_labour,1.0,critical,0,S3

      """
    #expect(ExposuresCSV.render(scenario()) == expected)
  }

  @Test func pathsJSONHasTheSpecKeys() throws {
    let analysis = scenario()
    let value = try JSONParser.parse(PathsJSON.render(analysis))
    let items = try #require(value.arrayValue)
    // -X has no tier: not listed.
    #expect(items.map { $0["entity_id"]!.stringValue! } == ["F", "S1", "S2", "S3"])
    let f = items[0]
    #expect(f.objectValue!.map(\.0) == ["entity_id", "category", "score", "level", "source_id", "rules", "hops"])
    #expect(f["source_id"] == .string("S3"))
    let rule = f["rules"]!.arrayValue![0]
    #expect(rule["rule"] == .string("identifier"))
    #expect(rule["file"] == .string("in/list.csv"))
    #expect(rule["line"] == .number(2))
    #expect(rule["list"] == .string("UFLPA"))
    #expect(rule["reference"] == .string("R-1"))
    let hops = f["hops"]!.arrayValue!
    #expect(hops.map { $0["from"]!.stringValue! + ">" + $0["to"]!.stringValue! } == ["S3>S2", "S2>S1", "S1>F"])
    #expect(hops[0].objectValue!.map(\.0) == [
      "from", "to", "reversed", "type", "commodity", "basis", "confidence", "transmission", "file", "line",
    ])
    #expect(hops[0]["reversed"] == .bool(false))
    #expect(hops[0]["confidence"] == .number(0.9))
    #expect(hops[0]["transmission"] == .number(0.765))
    #expect(hops[2]["line"] == .number(4))
    // --paths-min-level high keeps S2 (0.765) and S3 (1.0).
    let high = try JSONParser.parse(PathsJSON.render(analysis, minLevel: .high)).arrayValue!
    #expect(high.map { $0["entity_id"]!.stringValue! } == ["S2", "S3"])
  }

  @Test func manifestRecordsDigestsAndCompleteness() throws {
    let analysis = scenario()
    let files = ScanOutputWriter.files(analysis: analysis, findings: [], manifest: manifestData)
    #expect(files.map(\.name) == ["attribution.csv", "coverage.json", "exposures.csv", "manifest.json", "paths.json", "quality.json"])
    let manifest = try JSONParser.parse(bytes: files[3].bytes)
    #expect(manifest["complete"] == .bool(true))
    #expect(manifest["counts"]!["entities"] == .number(5))
    #expect(manifest["counts"]!["relationships"] == .number(3))
    #expect(manifest["config"]!["sha256"] == .string(SHA256.hexDigest(of: Array(DefaultRiskConfig.json.utf8))))
    let outputs = manifest["outputs"]!.arrayValue!
    #expect(outputs.map { $0["file"]!.stringValue! } == ["attribution.csv", "coverage.json", "exposures.csv", "paths.json", "quality.json"])
    #expect(outputs[1]["sha256"] == .string(SHA256.hexDigest(of: files[1].bytes)))
    let error = Finding(.error, .raggedRow, at: Provenance(file: "in/rel.csv", line: 9), "row has 3 fields, header 4")
    let withError = ScanOutputWriter.files(
      analysis: analysis, findings: [error], manifest: manifestData, options: .init(withGraph: true))
    #expect(withError.map(\.name).contains("graph.json"))
    let manifest2 = try JSONParser.parse(bytes: withError.first { $0.name == "manifest.json" }!.bytes)
    #expect(manifest2["complete"] == .bool(false))
    let quality = try JSONParser.parse(bytes: withError.first { $0.name == "quality.json" }!.bytes)
    #expect(quality.arrayValue!.first!["rule"] == .string("ragged-row"))
    #expect(quality.arrayValue!.first!.objectValue!.map(\.0) == [
      "severity", "rule", "file", "line", "column", "sheet", "cell", "message", "evidence",
    ])
  }

  @Test func outputsAreByteIdenticalAcrossRuns() {
    let a = ScanOutputWriter.files(analysis: scenario(), findings: [], manifest: manifestData, options: .init(withGraph: true))
    let b = ScanOutputWriter.files(analysis: scenario(), findings: [], manifest: manifestData, options: .init(withGraph: true))
    #expect(a.map(\.name) == b.map(\.name))
    #expect(a.map(\.bytes) == b.map(\.bytes))
  }

  @Test(arguments: [(1, 1), (2, 3), (3, 2), (100, 100)])
  func anyPartSizesGiveTheSameFilesOnDiskAndInMemory(exposureRows: Int, paths: Int) throws {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("tierscan-parts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? fm.removeItem(at: root) }
    let analysis = scenario()
    let expected = ScanOutputWriter.files(analysis: analysis, findings: [], manifest: manifestData, options: .init(withGraph: true))
    let plan = ScanOutputWriter.planned(
      analysis: analysis, findings: [], options: .init(withGraph: true), extraFiles: [("whatif-diff.txt", Array("x\n".utf8))],
      exposureRowsPerPart: exposureRows, pathsPerPart: paths)
    #expect(plan.files.first { $0.name == "exposures.csv" }!.parts.count == (5 + exposureRows - 1) / exposureRows)
    #expect(plan.files.first { $0.name == "paths.json" }!.parts.count == (4 + paths - 1) / paths)
    let out = root.appendingPathComponent("out")
    try fm.createDirectory(at: root, withIntermediateDirectories: true)
    try ScanOutputWriter.write(plan, manifest: manifestData, to: out, inputs: [])
    let written = try fm.contentsOfDirectory(atPath: out.path).sorted()
    #expect(written == (expected.map(\.name) + ["whatif-diff.txt"]).sorted())
    for file in expected where file.name != "manifest.json" {
      #expect(try Array(Data(contentsOf: out.appendingPathComponent(file.name))) == file.bytes, "\(file.name)")
    }
    // The manifest lists the written bytes' digests (and the extra file's).
    let manifest = try JSONParser.parse(bytes: Array(Data(contentsOf: out.appendingPathComponent("manifest.json"))))
    for output in manifest["outputs"]!.arrayValue! {
      let name = output["file"]!.stringValue!
      let bytes = try Array(Data(contentsOf: out.appendingPathComponent(name)))
      #expect(output["sha256"] == .string(SHA256.hexDigest(of: bytes)), "\(name)")
    }
  }

  /// The files of one part are rendered first: one rendered after the parted files ran on one
  /// core while the other idled (the manifest lists the files by name, whatever the plan's order).
  @Test func filesOfOnePartComeFirstInThePlan() {
    let plan = ScanOutputWriter.planned(
      analysis: scenario(), findings: [], options: .init(withGraph: true), extraFiles: [("whatif-diff.txt", Array("x\n".utf8))],
      exposureRowsPerPart: 1, pathsPerPart: 1)
    #expect(
      plan.files.map(\.name) == [
        "attribution.csv", "quality.json", "coverage.json", "graph.json", "exposures.csv", "paths.json", "whatif-diff.txt",
      ])
  }

  @Test func oneSelectedPathIsOnePartThatOpensAndClosesTheArray() throws {
    // At `critical` only S3 is listed.
    let plan = ScanOutputWriter.planned(
      analysis: scenario(), findings: [], options: .init(pathsMinLevel: .critical), extraFiles: [], pathsPerPart: 1)
    let paths = plan.files.first { $0.name == "paths.json" }!
    #expect(paths.parts.count == 1)
    let bytes = OrderedPartRenderer.collect([paths])[0].parts.joined()
    let items = try JSONParser.parse(bytes: Array(bytes)).arrayValue!
    #expect(items.map { $0["entity_id"]!.stringValue! } == ["S3"])
  }

  @Test func writesAtomicallyAndRefusesInputs() throws {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("tierscan-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    defer { try? fm.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let input = root.appendingPathComponent("data/entities.csv")
    try fm.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("id,name\n".utf8).write(to: input)
    let analysis = scenario()
    try ScanOutputWriter.write(analysis: analysis, findings: [], manifest: manifestData, to: out, inputs: [input])
    let first = try fm.contentsOfDirectory(atPath: out.path).sorted()
    #expect(first == ["attribution.csv", "coverage.json", "exposures.csv", "manifest.json", "paths.json", "quality.json"])
    let bytes1 = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
    // A second run replaces the outputs in place, byte-identical, and leaves no temporary directory.
    try ScanOutputWriter.write(analysis: analysis, findings: [], manifest: manifestData, to: out, inputs: [input])
    #expect(try Data(contentsOf: out.appendingPathComponent("manifest.json")) == bytes1)
    #expect(try fm.contentsOfDirectory(atPath: root.path).sorted() == ["data", "out"])
    // Refusals.
    let data = root.appendingPathComponent("data")
    #expect(throws: ScanOutputError.outputIsInput(path: data.path)) {
      try ScanOutputWriter.write(analysis: analysis, findings: [], manifest: manifestData, to: data, inputs: [data])
    }
    #expect(throws: ScanOutputError.outputContainsInput(output: root.path, input: input.path)) {
      try ScanOutputWriter.write(analysis: analysis, findings: [], manifest: manifestData, to: root, inputs: [input])
    }
    try Data("x".utf8).write(to: out.appendingPathComponent("notes.txt"))
    #expect(throws: ScanOutputError.foreignFiles(path: out.path, names: ["notes.txt"])) {
      try ScanOutputWriter.write(analysis: analysis, findings: [], manifest: manifestData, to: out, inputs: [input])
    }
  }

  @Test func graphJSONIsSorted() throws {
    let value = try JSONParser.parse(GraphJSON.render(scenario().graph))
    #expect(value["entities"]!.arrayValue!.map { $0["id"]!.stringValue! } == ["-X", "F", "S1", "S2", "S3"])
    let rels = value["relationships"]!.arrayValue!
    #expect(rels.map { $0["from"]!.stringValue! } == ["S1", "S2", "S3"])
    #expect(value["entities"]!.arrayValue![4]["identifiers"] == .object([("lei", .string("5493001KJTIIGC8Y1R12"))]))
    #expect(rels[0].objectValue!.map(\.0) == [
      "from", "to", "type", "commodity", "hs_code", "share", "basis", "confidence", "reporting_year", "attributes",
      "file", "line",
    ])
  }

  @Test func pathsReportFormats() throws {
    let analysis = scenario()
    let f = analysis.graph.index(of: "F")!
    let csv = PathsReport.render(analysis, entity: f, format: .csv)
    let rule = try #require(analysis.exposure(of: f, in: "forced_labour")?.rules.first)
    let place = rule.provenance!
    let ruleRow = "F,forced_labour,0.44769712500000003,medium,S3,rule,,,,,,,,,,\(rule.rule),\(CSVWriter.score(rule.score)),"
      + PathsReport.evidenceText(rule) + ",\(place.file),\(place.line.map(String.init) ?? ""),,,"
    #expect(csv == """
      entity_id,category,score,level,source_id,record,hop,from,to,type,reversed,commodity,basis,confidence,transmission,rule,rule_score,evidence,file,line,sheet,cell,pointer
      \(ruleRow)
      F,forced_labour,0.44769712500000003,medium,S3,hop,1,S3,S2,supplies,false,cotton,declared,0.9,0.765,,,,in/rel.csv,2,,,
      F,forced_labour,0.44769712500000003,medium,S3,hop,2,S2,S1,supplies,false,cotton,declared,0.9,0.765,,,,in/rel.csv,3,,,
      F,forced_labour,0.44769712500000003,medium,S3,hop,3,S1,F,supplies,false,cotton,declared,0.9,0.765,,,,in/rel.csv,4,,,

      """)
    let md = PathsReport.render(analysis, entity: f, category: "forced_labour", format: .md)
    // Rounded to 3 decimals in Markdown; JSON keeps the exact value.
    #expect(md.contains("## F — forced\\_labour: 0.448 (medium)"))
    #expect(!md.contains("0.44769712500000003"))
    #expect(md.contains("| 3 | S1 | F | supplies | no | cotton | declared | 0.900 | 0.765 | in/rel.csv:4 |"))
    #expect(PathsReport.render(analysis, entity: f, category: "forced_labour", format: .json).contains("0.44769712500000003"))
    #expect(PathsReport.render(analysis, category: "child_labour", format: .json) == "[]\n")
  }

  @Test func summaryNamesTheTierOneSupplier() {
    let text = ScanSummary.text(scenario())
    #expect(text.contains("forced_labour: 0.448 medium, source S3, 3 hop(s), via tier-1 supplier S1"))
    #expect(text.contains("exposures in the chain: critical 1, high 1, medium 2, low 0"))
    #expect(text.contains("tier 1: 1 entities, 0 unmapped, 100% disclosed sub-tiers"))
    #expect(text.contains("tier 3: 1 entities, 1 unmapped, 0% disclosed sub-tiers"))
  }
}
