import Foundation
import Testing
import TierscanCore
import TierscanReport
import TierscanTestSupport

@testable import tierscan

/// Every command runs the same pipeline, so every command reports the same findings for the
/// same inputs (issue 13). In process: `validate` and `scan` are parsed as the CLI parses them
/// and run through the library; end to end: the binary's stderr lines are compared.
@Suite struct FindingParityTests {
  /// Every sample and fixture directory the repository ships.
  static let directories = [
    "SampleData/2024", "SampleData/2025", "SampleData/broken", "Tests/Fixtures/csv/valid", "Tests/Fixtures/csv/bad",
    "Tests/Fixtures/xml", "Tests/Fixtures/xlsx",
  ]

  @Test(arguments: directories)
  func validateAndScanReportTheSameFindings(directory: String) throws {
    let root = TierscanBinary.root
    let path = root.appendingPathComponent(directory).path
    let validate = try Validate.parse([path])
    let report = try ScanPipeline().validate(validate.options.request(inputs: validate.input.inputs, focus: nil), strict: false)

    let scan = try Scan.parse([path, "--focus", "any"])
    let pipeline = ScanPipeline()
    let prepared = try pipeline.prepare(scan.scan.request(inputs: scan.input.inputs, focus: nil))
    var scanFindings = prepared.findings
    // The risk stage's findings do not depend on the focus: analyse from the first entity.
    if prepared.graph.entityCount > 0 {
      scanFindings += pipeline.analyze(prepared, focus: EntityIndex(0)).findings.findings
    }
    #expect(report.findings.map(\.description) == scanFindings.map(\.description))
    // A directory that holds data at all produces findings or records: the comparison is not vacuous.
    #expect(!report.files.isEmpty)
  }

  @Test(arguments: ["SampleData/2024", "SampleData/2025"])
  func theBinaryPrintsTheSameFindingsForValidateAndScan(directory: String) throws {
    let out = TestScratch.directory.appendingPathComponent("parity-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let validate = try TierscanBinary.run(["validate", directory])
    let scan = try TierscanBinary.run(["scan", directory, "--focus", "NWT", "--out", out.path])
    let lines = { (text: String) in text.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") } }
    #expect(lines(validate.stderr) == lines(scan.stderr))
    #expect(!lines(scan.stderr).isEmpty)
  }

  @Test func validateReadsTheConfigItIsGiven() throws {
    // A configuration without `forced_labour` makes a forced-labour risk-list row an
    // `unknown-category` warning; validate must see it exactly as scan does.
    let config = TestScratch.directory.appendingPathComponent("parity-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: config) }
    try Data(#"{"categories": ["child_labour", "conflict_minerals"]}"#.utf8).write(to: config)
    let sample = TierscanBinary.root.appendingPathComponent("SampleData/2025").path
    let command = try Validate.parse([sample, "--config", config.path])
    let report = try ScanPipeline().validate(command.options.request(inputs: command.input.inputs, focus: nil), strict: false)
    #expect(report.findings.contains { $0.rule == .unknownCategory })
    let defaults = try ScanPipeline().validate(Validate.parse([sample]).options.request(inputs: [sample], focus: nil), strict: false)
    #expect(!defaults.findings.contains { $0.rule == .unknownCategory })
  }
}
