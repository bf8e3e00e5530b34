import Foundation
import Testing
import TierscanCore
@testable import TierscanReport

@Suite struct DiffTests {
  typealias Row = ScanSnapshot.ExposureRow

  static func row(_ id: String, _ category: String, _ score: Double, _ level: String, kind: String = "company", hops: Int = 1) -> Row {
    Row(entityID: id, name: id, kind: kind, country: "", tier: 1, category: category, score: score, level: level, hops: hops, sourceID: id)
  }

  @Test func handMadeChanges() {
    let old = ScanSnapshot(
      exposures: [Self.row("A", "forced_labour", 0.7, "high"), Self.row("B", "child_labour", 0.4, "medium"),
                  Self.row("C", "forced_labour", 0.2, "low"), Self.row("D", "forced_labour", 0.5, "medium")],
      tiers: [.init(tier: 1, entities: 2, unmapped: 1, disclosed: 1, disclosedShare: 0.5)],
      entities: [.init(id: "A", name: "A", kind: "company"), .init(id: "X", name: "Gone", kind: "facility")],
      relationships: [.init(from: "A", to: "F", type: "supplies", commodity: "tin")])
    let new = ScanSnapshot(
      exposures: [Self.row("A", "forced_labour", 0.5, "medium"), Self.row("B", "child_labour", 0.9, "critical"),
                  Self.row("D", "forced_labour", 0.45, "medium"), Self.row("E", "conflict_minerals", 0.3, "low")],
      tiers: [.init(tier: 1, entities: 3, unmapped: 0, disclosed: 3, disclosedShare: 1), .init(tier: 2, entities: 1, unmapped: 1, disclosed: 0, disclosedShare: 0)],
      entities: [.init(id: "A", name: "A", kind: "company"), .init(id: "N", name: "New", kind: "company")],
      relationships: [.init(from: "A", to: "F", type: "supplies", commodity: "gold")])
    let diff = ScanDiff(old: old, new: new)
    #expect(diff.comparesGraphs)
    #expect(diff.entitiesAdded.map(\.id) == ["N"])
    #expect(diff.entitiesRemoved.map(\.id) == ["X"])
    #expect(diff.relationshipsAdded.map(\.commodity) == ["gold"])
    #expect(diff.relationshipsRemoved.map(\.commodity) == ["tin"])
    #expect(diff.exposures.map { "\($0.entityID) \($0.change.rawValue)" } == ["A fell", "B rose", "C disappeared", "E appeared"])
    #expect(diff.coverage.map(\.tier) == [1, 2])
    #expect(diff.coverage[0].isChanged && diff.coverage[1].old == nil)
    let csv = diff.render(.csv)
    #expect(csv.hasPrefix("change,subject,name,category,tier,old,new,old_score,new_score\n"))
    #expect(csv.contains("exposure-rose,B,B,child_labour,1,medium,critical,0.4,0.9\n"))
    #expect(csv.contains("coverage-unmapped,1,,,1,1,0,,\n"))
    let json = try? JSONParser.parse(diff.render(.json))
    #expect(json?["exposures"]?.arrayValue?.count == 4)
    #expect(diff.render(.text).contains("exposures: 1 appeared, 1 disappeared, 1 rose, 1 fell"))
  }

  @Test func withoutGraphsEntitiesAreNotCompared() {
    let a = ScanSnapshot(exposures: [Self.row("S", "conflict_minerals", 0.3, "low", kind: "smelter", hops: 0)], tiers: [])
    let b = ScanSnapshot(exposures: [], tiers: [])
    let diff = ScanDiff(old: a, new: b)
    #expect(!diff.comparesGraphs && diff.entitiesAdded.isEmpty)
    #expect(diff.smelterBasis == "exposures")
    #expect(diff.smelters.map { "\($0.id) \($0.old ?? "-") \($0.new ?? "-")" } == ["S score 0.3 -"])
  }

  @Test func sample2024To2025() throws {
    let temp = StatementSample.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let old = temp.appendingPathComponent("2024")
    let new = temp.appendingPathComponent("2025")
    try StatementSample.write(year: 2024, to: old)
    let run = try StatementSample.write(year: 2025, to: new, previous: old.path)
    let diff = ScanDiff(old: try ScanSnapshot(directory: old.path), new: try ScanSnapshot(directory: new.path))
    // docs/sample-data.md: GAR-BD2 dropped; GAR-TR and its 5 upstream entities new.
    #expect(diff.entitiesRemoved.map(\.id).contains("GAR-BD2"))
    for id in ["GAR-TR", "SPIN-TR", "GIN-TM", "FARM-TM"] { #expect(diff.entitiesAdded.map(\.id).contains(id)) }
    // 85 → 90 entities.
    #expect(90 - 85 == diff.entitiesAdded.count - diff.entitiesRemoved.count)
    let gww = diff.exposures.first { $0.entityID == "GWW" && $0.category == "forced_labour" }
    #expect(gww?.change == .fell && gww?.oldLevel == "high" && gww?.newLevel == "medium")
    #expect(diff.exposures.contains { $0.entityID == "GAR-BD2" && $0.change == .disappeared && $0.oldLevel == "critical" })
    #expect(diff.exposures.contains { $0.entityID == "FAB-IN" && $0.category == "child_labour" && $0.change == .appeared })
    let bwn = diff.exposures.first { $0.entityID == "BWN" && $0.category == "conflict_minerals" }
    #expect(bwn?.change == .rose)
    // Coverage tier 3: 15 → 22 entities (sample-data.md counts).
    let tier3 = diff.coverage.first { $0.tier == 3 }
    #expect(tier3?.old?.entities == 15 && tier3?.new?.entities == 22)
    #expect(diff.smelterBasis == "statement")
    #expect(diff.smelters.contains { $0.id == "CID900516" && $0.old == "active" && $0.new == "conformant" })
    // The statement's own change figure equals the directory diff.
    #expect(run.document.change?.object() == diff.object())
  }

  @Test func missingDirectoryAndFiles() {
    #expect(throws: DiffError.notADirectory(path: "/nonexistent/tierscan")) { try ScanSnapshot(directory: "/nonexistent/tierscan") }
    let temp = StatementSample.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    #expect(throws: DiffError.missingFile(directory: temp.path, name: "exposures.csv")) { try ScanSnapshot(directory: temp.path) }
    #expect(FileManager.default.createFile(atPath: temp.appendingPathComponent("exposures.csv").path, contents: Data("a,b\n".utf8)))
    #expect(FileManager.default.createFile(atPath: temp.appendingPathComponent("coverage.json").path, contents: Data("{}".utf8)))
    do {
      _ = try ScanSnapshot(directory: temp.path)
      Issue.record("expected an error")
    } catch { #expect(!error.isUsageError) }
  }
}
