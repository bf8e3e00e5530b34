import Foundation
import Testing
import TierscanCore
@testable import TierscanReport

/// Every kind of export tierscan writes validates against the published OMTS 0.1.0 JSON Schema
/// (`../shared/realdata/omts/schema`, draft 2020-12, checked by Python's `jsonschema`).
@Suite(.enabled(if: OMTSRoundTrip.hasRealData && OMTSRoundTrip.hasSchemaValidator, "needs ../shared and python3 -m jsonschema"))
struct OMTSSchemaTests {
  @Test func everyExportValidatesAgainstTheOMTSSchema() throws {
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var files: [URL] = []
    func write(_ bytes: [UInt8], _ name: String) throws {
      let url = directory.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      files.append(url)
    }
    let date = OMTSExportOptions(snapshotDate: "2026-01-31")
    for seed in 0..<30 {
      var generator = OMTSGraphGenerator(seed: UInt64(seed))
      let (g, declared) = generator.graphWithDeclaredTiers()
      let evidence = OMTSExportEvidence(declaredTiers: declared, smelterReferences: generator.smelterReferences(for: g))
      try write(try OMTSExport.render(g, options: date, evidence: evidence), "random-\(seed).omts")
      for scope in [OMTSExportOptions.Scope.partner, .public] {
        var options = date
        options.scope = scope
        try write(try OMTSExport.render(g, options: options, evidence: evidence), "random-\(seed)-\(scope).omts")
      }
    }
    for year in ["2024", "2025"] {
      let prepared = try ScanPipeline().prepare(ScanRequest(inputs: [OMTSRoundTrip.root.appendingPathComponent("SampleData/\(year)").path]))
      let g = prepared.graph
      // With the samples' declared tiers and RMAP statuses (attestation nodes, attested_by edges).
      let evidence = OMTSExportEvidence(
        declaredTiers: prepared.inputs.declaredTiers, smelterReferences: prepared.inputs.smelterReferences)
      if year == "2025" { #expect(!evidence.declaredTiers.isEmpty && !evidence.smelterReferences.isEmpty) }
      try write(try OMTSExport.render(g, options: OMTSExportOptions(), evidence: evidence), "sample-\(year).omts")
      let focus = try #require(g.index(of: "NWT"))
      let analysis = ScanPipeline().analyze(prepared, focus: focus)
      let subgraph = GraphSelection(around: focus, depth: 1, in: g)
      try write(
        try OMTSExport.render(
          g, subgraph: subgraph, options: OMTSExportOptions(salt: OMTSExportTests.salt, reportingEntity: focus), analysis: analysis,
          evidence: evidence),
        "sample-\(year)-subgraph.omts")
      try write(try OMTSExport.render(g, options: OMTSExportOptions(scope: .public), evidence: evidence), "sample-\(year)-public.omts")
    }
    let valid = try FileManager.default.contentsOfDirectory(atPath: OMTSRoundTrip.realdata.appendingPathComponent("valid").path)
    for name in valid.sorted() where name.hasSuffix(".omts") {
      let prepared = try ScanPipeline().prepare(
        ScanRequest(inputs: [OMTSRoundTrip.realdata.appendingPathComponent("valid/" + name).path]))
      try write(try OMTSExport.render(prepared.graph, options: date), "roundtrip-" + name)
    }
    let check = try #require(try OMTSRoundTrip.schemaCheck(files))
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("\(files.count) of \(files.count) file(s) valid"))
  }

  /// The validator is not vacuous: an export with a required field removed fails.
  @Test func theValidatorRejectsABrokenExport() throws {
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var generator = OMTSGraphGenerator(seed: 3)
    let text = String(decoding: try OMTSExport.render(generator.graph(), options: OMTSExportOptions(snapshotDate: "2026-01-31")), as: UTF8.self)
    let broken = directory.appendingPathComponent("broken.omts")
    try Data(text.replacingOccurrences(of: "\"snapshot_date\"", with: "\"snapshot\"").utf8).write(to: broken)
    let check = try #require(try OMTSRoundTrip.schemaCheck([broken]))
    #expect(check.status == 1)
    #expect(check.output.contains("'snapshot_date' is a required property"))
  }
}
