import Foundation
import TierscanCore
import TierscanIngest
@testable import TierscanReport
import TierscanRisk
import TierscanTestSupport

/// Runs the pipeline and the statement pack on a SampleData year, in process (cached per year).
enum StatementSample {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Run {
    var prepared: ScanPipeline.Prepared
    var analysis: RiskAnalysis
    var document: StatementDocument
    var files: [(name: String, bytes: [UInt8])]

    func text(_ name: String) -> String { String(decoding: files.first { $0.name == name }!.bytes, as: UTF8.self) }
  }

  static func run(year: Int, previous: String? = nil, regime: StatementRegimes = .both) throws -> Run {
    let pipeline = ScanPipeline()
    let input = root.appendingPathComponent("SampleData/\(year)").path
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input], focus: "NWT"))
    let analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph))
    let pack = try StatementPack.build(
      prepared: prepared, analysis: analysis, manifest: pipeline.manifest(for: prepared), year: year, regimes: regime,
      previous: previous)
    return Run(prepared: prepared, analysis: analysis, document: pack.document, files: pack.files)
  }

  /// Writes a pack for `year` into `directory` and returns the run.
  @discardableResult
  static func write(year: Int, to directory: URL, previous: String? = nil) throws -> Run {
    let run = try run(year: year, previous: previous)
    try StatementPack.write(run.files, to: directory, inputs: [root.appendingPathComponent("SampleData/\(year)")])
    return run
  }

  static func temporaryDirectory() -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-statement-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// exposures.csv rows as field arrays (header dropped), parsed with the ingest CSV reader.
  static func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    CSVReader().read(Data(text.utf8)) { if case .record(let r) = $0 { rows.append(r.fields) } }
    return Array(rows.dropFirst())
  }
}
