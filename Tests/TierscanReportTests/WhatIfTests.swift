import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

/// What-if and attribution on SampleData/2025: NWT's forced-labour argmax path is
/// `PCB-GZ → BWN → NWT` (0.65025); without `BWN` the next best is `PCB-GZ → EMS-HN → KMD → NWT`.
@Suite struct WhatIfTests {
  static func sample() throws -> (ScanPipeline.Prepared, RiskAnalysis) {
    let pipeline = ScanPipeline()
    let input = StatementSample.root.appendingPathComponent("SampleData/2025").path
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input], focus: "NWT"))
    return (prepared, pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph)))
  }

  static func ids(_ path: ExposurePath, _ graph: SupplyGraph) -> [String] {
    [graph[path.source].id] + path.hops.map { graph[$0.to].id }
  }

  @Test func withoutBWNRemovesThePathThroughItAndReportsTheNextBest() throws {
    let (prepared, base) = try Self.sample()
    let before = try #require(base.exposure(of: base.focus, in: "forced_labour"))
    #expect(Self.ids(before.path, base.graph) == ["PCB-GZ", "BWN", "NWT"] && before.score == 0.65025)
    let analysis = try WhatIf(without: ["BWN"]).analyze(prepared, focus: base.focus)
    let graph = analysis.graph
    #expect(graph.index(of: "BWN") == nil && graph.entityCount == base.graph.entityCount - 1)
    let after = try #require(analysis.exposure(of: analysis.focus, in: "forced_labour"))
    // 1.0 (PCB-GZ, ownership-aggregate) × 0.765 (→ EMS-HN, declared) × 0.85 (→ KMD, observed) × 0.85 (→ NWT, observed).
    #expect(Self.ids(after.path, graph) == ["PCB-GZ", "EMS-HN", "KMD", "NWT"])
    #expect(abs(after.score - 0.765 * 0.85 * 0.85) < 1e-12 && after.level == .medium)
    // No exposure path anywhere still runs through BWN (it is gone with all its relationships).
    #expect(analysis.exposures.allSatisfy { e in !Self.ids(e.path, graph).contains("BWN") })
    // The diff in the `diff` format names the removal and the focus's fall.
    let manifest = ScanPipeline().manifest(for: prepared)
    let (diff, files) = try WhatIf.diffFiles(
      base: ScanOutputWriter.files(analysis: base, findings: [], manifest: manifest, options: .init(withGraph: true)),
      whatIf: ScanOutputWriter.files(analysis: analysis, findings: [], manifest: manifest, options: .init(withGraph: true)))
    #expect(diff.entitiesRemoved.map(\.id) == ["BWN"] && diff.relationshipsRemoved.count == 8)
    #expect(files.map(\.name) == ["whatif-diff.json", "whatif-diff.txt"])
    let text = String(decoding: files[1].bytes, as: UTF8.self)
    #expect(text.contains("  v  NWT     0     forced_labour      high 0.650    medium 0.553"))
    // `scan --without` renders only the files the diff reads: the same diff, byte for byte.
    let (_, direct) = try WhatIf.diffFiles(base: base, whatIf: analysis)
    #expect(direct.map(\.name) == files.map(\.name))
    #expect(zip(direct, files).allSatisfy { $0.bytes == $1.bytes })
  }

  /// The files a what-if renders for its diff are exactly those files of the full scan output.
  @Test func diffedFilesAreTheFullOutputsFiles() throws {
    let (prepared, base) = try Self.sample()
    let analysis = try WhatIf(without: ["KMD"]).analyze(prepared, focus: base.focus)
    let manifest = ScanPipeline().manifest(for: prepared)
    for scan in [base, analysis] {
      let all = ScanOutputWriter.files(analysis: scan, findings: [], manifest: manifest, options: .init(withGraph: true))
      let diffed = ScanOutputWriter.diffedFiles(analysis: scan)
      #expect(diffed.map(\.name) == ["exposures.csv", "coverage.json", "graph.json"])
      for file in diffed {
        let full = try #require(all.first { $0.name == file.name })
        #expect(full.bytes == file.bytes, "\(file.name)")
        #expect(!file.bytes.isEmpty)
      }
    }
  }

  @Test func attributionNamesTheCarrierAndAgreesWithTheWhatIf() throws {
    let (prepared, base) = try Self.sample()
    let rows = AttributionCSV.rows(base, ExposureAttribution(analysis: base)).filter { $0[1] == "forced_labour" }
    #expect(rows.map { $0[2] } == ["BWN", "KMD", "GWW", "SCE"])
    let bwn = rows[0]
    #expect(bwn[6] == "0.65025" && bwn[8] == "PCB-GZ" && bwn[9] == "2" && bwn[10] == "true")
    // Without BWN: the same score, source and entry as a real re-scan without it.
    let whatIf = try WhatIf(without: ["BWN"]).analyze(prepared, focus: base.focus)
    let after = try #require(whatIf.exposure(of: whatIf.focus, in: "forced_labour"))
    #expect(bwn[11] == CSVWriter.score(after.score) && bwn[13] == "PCB-GZ" && bwn[14] == "KMD")
    // A supplier off the best path leaves the focus's exposure unchanged.
    #expect(rows[2][10] == "false" && rows[2][11] == "0.65025" && rows[2][14] == "BWN")
    #expect(rows[2][8] == "GAR-BD-F1" && rows[2][5] == "7")
  }

  @Test func replaceMovesTheBuyersToTheNewSupplierAndDropsTheOldSubTree() throws {
    let pipeline = ScanPipeline()
    let prepared = try pipeline.prepare(ScanRequest(inputs: [AuditFindingScanTests.fixture], focus: "BUY"))
    let focus = try pipeline.focusIndex("BUY", in: prepared.graph)
    let base = pipeline.analyze(prepared, focus: focus, periodEnd: ISODate("2025-12-31"))
    #expect(base.exposure(of: focus, in: "forced_labour")?.source == prepared.graph.index(of: "T2-F1"))
    let analysis = try WhatIf(replace: [("T2", "T1B")]).analyze(prepared, focus: focus, periodEnd: ISODate("2025-12-31"))
    let g = analysis.graph
    #expect(g.index(of: "T2") == nil)
    let moved = (0..<g.relationshipCount).map { g.relationships[$0] }.filter { g[$0.from].id == "T1B" && g[$0.to].id == "T1A" }
    #expect(moved.count == 1 && moved[0].commodity == "fabric")
    // T2-F1 (the audited site) no longer reaches the buyer; T1B's finding has decayed by 2025-12-31.
    #expect(analysis.exposure(of: analysis.focus, in: "forced_labour") == nil)
    #expect(throws: ScanPipelineError.self) { try WhatIf(without: ["NOPE"]).analyze(prepared, focus: focus) }
    #expect(throws: ScanPipelineError.self) { try WhatIf(without: ["BUY"]).analyze(prepared, focus: focus) }
  }
}
