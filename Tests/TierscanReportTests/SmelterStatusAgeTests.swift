import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanRisk
@testable import TierscanReport

/// The smelter reference's optional `as_of` column: the statement says how old the status data
/// is, and each flagged smelter's reason cites the date.
@Suite struct SmelterStatusAgeTests {
  /// SampleData/2025 with `as_of` added to the smelter reference: CID900358 (the non-conformant
  /// source) dated 2025-06-30, one row with a bad date, the rest 2025-03-31.
  static func datedSample() throws -> URL {
    let dir = StatementSample.temporaryDirectory()
    let copy = dir.appendingPathComponent("2025")
    try FileManager.default.copyItem(at: StatementSample.root.appendingPathComponent("SampleData/2025"), to: copy)
    let reference = copy.appendingPathComponent("reference/smelter-reference.csv")
    let lines = try String(contentsOf: reference, encoding: .utf8).split(separator: "\n").map(String.init)
    var out = [lines[0] + ",as_of"]
    for line in lines.dropFirst() {
      let date = line.hasPrefix("CID900358,") ? "2025-06-30" : line.hasPrefix("CID900719,") ? "30/06/2025" : "2025-03-31"
      out.append(line + "," + date)
    }
    try Data((out.joined(separator: "\n") + "\n").utf8).write(to: reference)
    return copy
  }

  @Test func statementSaysHowOldTheStatusDataIs() throws {
    let input = try Self.datedSample()
    defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
    let pipeline = ScanPipeline()
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input.path], focus: "NWT"))
    // The bad date is reported and dropped, the row kept.
    #expect(prepared.findings.contains { $0.rule == .invalidDate && $0.message.contains("as_of '30/06/2025'") })
    #expect(prepared.inputs.smelterReferences.first { $0.cid == "CID900358" }?.asOf == ISODate("2025-06-30"))
    let analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph), periodEnd: ISODate("2025-12-31"))
    let pack = try StatementPack.build(
      prepared: prepared, analysis: analysis, manifest: pipeline.manifest(for: prepared), year: 2025, regimes: .both)
    let age = pack.document.figures.statusAge
    #expect(age.rows == 11 && age.dated == 10)
    #expect(age.oldest == ISODate("2025-03-31") && age.newest == ISODate("2025-06-30"))
    // 2025-06-30 → 2025-12-31 is 184 days; 2025-03-31 → 2025-12-31 is 275 days.
    #expect(age.newestAgeDays == 184 && age.oldestAgeDays == 275)
    let md = String(decoding: pack.files.first { $0.name == "statement.md" }!.bytes, as: UTF8.self)
    #expect(md.contains("Smelter status data as of 2025-03-31 to 2025-06-30 (184 to 275 day(s) before the period end 2025-12-31); 1 of 11 reference row(s) give no date."))
    #expect(md.contains("| CID900358 | Fundición Altiplano Sur S.A. | BO | 3 | non-conformant | 2025-06-30 |"))
    // The flagged smelter's reason cites the reference's date; paths.json carries it as evidence.
    #expect(pack.document.figures.sourceReasons.contains {
      $0.sourceID == "CID900358" && $0.detail == "status non-conformant ('non-conformant') in the status reference, as of 2025-06-30"
    })
    let paths = String(decoding: pack.files.first { $0.name == "paths.json" }!.bytes, as: UTF8.self)
    #expect(paths.contains("\"as_of\": \"2025-06-30\""))
  }

  @Test func withoutDatesTheAgeIsSaidToBeUnknown() {
    let age = SmelterStatusAge(
      references: [SmelterReference(cid: "CID000001", status: .conformant, provenance: Provenance(file: "r.csv", line: 2))],
      periodEnd: ISODate("2025-12-31"))
    #expect(age.sentence.contains("gives no as_of date for any of its 1 row(s), so the age of the statuses is unknown"))
    #expect(SmelterStatusAge(references: [], periodEnd: nil).sentence.contains("no status reference among the inputs"))
  }
}
