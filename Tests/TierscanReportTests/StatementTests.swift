import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

@Suite struct StatementTests {
  @Test func figuresMatchTheScanOutputs() throws {
    let run = try StatementSample.run(year: 2025)
    let f = run.document.figures
    // Independent: exposures.csv rows with a tier, counted by level.
    let rows = StatementSample.csvRows(run.text("exposures.csv")).filter { !$0[4].isEmpty }
    for level in ["critical", "high", "medium", "low"] {
      #expect(f.flaggedByLevel.first { $0.key == level }?.count == rows.filter { $0[7] == level }.count)
    }
    #expect(f.flags.count == rows.count)
    // Per category and level.
    for category in ["forced_labour", "child_labour", "conflict_minerals"] {
      let levels = f.flaggedByCategory.first { $0.category == category }!.levels
      for level in levels { #expect(level.count == rows.filter { $0[5] == category && $0[7] == level.key }.count) }
    }
    // Coverage per tier from coverage.json.
    let coverage = try JSONParser.parse(run.text("coverage.json"))["tiers"]!.arrayValue!
    #expect(f.coverage.count == coverage.count)
    for (mine, theirs) in zip(f.coverage, coverage) {
      #expect(Double(mine.entities) == theirs["entities"]!.numberValue!)
      #expect(Double(mine.unmappedIDs.count) == theirs["unmapped"]!.numberValue!)
      #expect(mine.disclosedShare == theirs["disclosed_share"]!.numberValue!)
    }
    // docs/sample-data.md: 2025 tiers 1/8/18/22/16/10/1 → 75 suppliers below the focus.
    #expect(f.suppliersInChain == 8 + 18 + 22 + 16 + 10 + 1)
    #expect(f.byTier.map(\.entities) == [8, 18, 22, 16, 10, 1])
    let unmapped = coverage.reduce(0.0) { $0 + $1["unmapped"]!.numberValue! }
    #expect(f.unmappedShare == unmapped / Double(f.composition.canBeUnmapped))
    // Every paths.json reference points at the same entity and category.
    let paths = try JSONParser.parse(run.text("paths.json")).arrayValue!
    for flag in f.flags {
      #expect(paths[flag.pathIndex]["entity_id"]?.stringValue == flag.entityID)
      #expect(paths[flag.pathIndex]["category"]?.stringValue == flag.category)
    }
    // Planted risks: GIN-XJ critical at tier 4; FAB-IN child_labour name-only.
    #expect(f.flags.contains { $0.entityID == "GIN-XJ" && $0.category == "forced_labour" && $0.level == .critical && $0.tier == 4 })
    #expect(f.listMatches.contains { $0.entityID == "FAB-IN" && $0.rule == "name-only" && $0.category == "child_labour" })
    #expect(f.highRiskCountries.contains("CN") && f.highRiskCountries.contains("CD"))
    #expect(f.countryCommodityRisks.contains { $0.country == "CN" && $0.commodity == "polysilicon" && $0.entities == ["POLY-CN"] })
  }

  @Test func cmrtAndSmelterFigures() throws {
    let f = try StatementSample.run(year: 2025).document.figures
    // Four CMRTs in 2025 (Klang, Amberline, Grayrock, Penang).
    #expect(f.cmrt.responses.count == 4)
    #expect(Set(f.cmrt.responded) == ["CAP", "EMS-PEN", "SOLD", "TUNG"])
    #expect(f.cmrt.expected.contains("CONN"))  // gold smelters in the XML, no CMRT
    #expect(f.cmrt.responseRate == Double(f.cmrt.responded.count) / Double(f.cmrt.expected.count))
    #expect(f.cmrt.isAssessed)
    let status = Dictionary(uniqueKeysWithValues: f.cmrt.smelters.map { ($0.id, $0.status) })
    #expect(status["CID900516"] == "conformant")
    #expect(status["CID900358"] == "non-conformant")
    #expect(status["CID900643"] == "unknown")
  }

  @Test func everySectionIsPresentWithPlaceholders() throws {
    let run = try StatementSample.run(year: 2025)
    let provisions = run.document.sections.map { "\($0.regime.rawValue) \($0.provision)" }
    for letter in ["a", "b", "c", "d", "e", "f"] { #expect(provisions.contains("uk s.54(5)(\(letter))")) }
    for letter in ["a", "b", "c", "d", "e", "f", "g"] { #expect(provisions.contains("au s.16(1)(\(letter))")) }
    let json = try JSONParser.parse(run.text("statement.json"))
    let sections = json["sections"]!.arrayValue!
    #expect(sections.count == 15)
    let ids = sections.flatMap { $0["placeholders"]!.arrayValue!.map { $0["id"]!.stringValue! } }
    for id in ["uk.b.policies", "uk.f.training", "uk.approval", "au.f.consultation", "au.d.actions"] { #expect(ids.contains(id)) }
    for section in sections { for p in section["placeholders"]!.arrayValue! { #expect(p["text"] == .null) } }
    // Policies and training carry no figures: nothing the data cannot support.
    #expect(sections.first { $0["provision"]?.stringValue == "s.54(5)(b)" }?["figures"]?.arrayValue == [])
    let md = run.text("statement.md")
    #expect(md.components(separatedBy: StatementMarkdown.placeholderMarker).count - 1 >= 15)
    #expect(md.contains("### UK s.54(5)(f) Training"))
    // Reproducibility: input and config hashes.
    let inputs = json["reproducibility"]!["inputs"]!.arrayValue!
    #expect(inputs.count == run.prepared.inputs.files.count)
    #expect(inputs.allSatisfy { $0["sha256"]!.stringValue!.utf8.count == 64 })
    #expect(json["reproducibility"]!["config"]!["sha256"]!.stringValue == run.prepared.config.sha256)
    #expect(json["statement"]!["year"]!.numberValue == 2025)
  }

  @Test func regimeSelectsSections() throws {
    let uk = try StatementSample.run(year: 2025, regime: [.uk]).document.sections
    #expect(uk.count == 7 && uk.allSatisfy { $0.regime == .uk })
    #expect(StatementRegime.au.sections(hasPrevious: false).count == 8)
    #expect(StatementRegimes(parsing: "both") == [.uk, .au])
    #expect(StatementRegimes(parsing: "au, UK") == [.uk, .au])
    #expect(StatementRegimes(parsing: "uk,,au") == nil)
    #expect(StatementRegimes(parsing: "fr") == nil)
  }

  @Test func packIsDeterministic() throws {
    let a = try StatementSample.run(year: 2025).files
    let b = try StatementSample.run(year: 2025).files
    #expect(a.map(\.name) == b.map(\.name))
    for (x, y) in zip(a, b) { #expect(x.bytes == y.bytes, "\(x.name)") }
    #expect(a.map(\.name) == StatementPack.fileNames(for: .both))
  }

  @Test func writeRefusesAnOutputInsideOrContainingAnInput() throws {
    let run = try StatementSample.run(year: 2025)
    let temp = StatementSample.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let input = temp.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    #expect(throws: ScanOutputError.self) { try StatementPack.write(run.files, to: input, inputs: [input]) }
    #expect(throws: ScanOutputError.self) { try StatementPack.write(run.files, to: temp, inputs: [input]) }
    #expect(throws: ScanOutputError.self) { try StatementPack.write(run.files, to: input.appendingPathComponent("out"), inputs: [input]) }
    let out = temp.appendingPathComponent("out")
    try StatementPack.write(run.files, to: out, inputs: [input])
    try StatementPack.write(run.files, to: out, inputs: [input])  // replacing a pack is fine
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == StatementPack.fileNames(for: .both))
  }
}
