import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan scan INPUT… --focus ID [--config F] [--out DIR] [--fail-on LEVEL]
/// [--paths-min-level LEVEL] [--with-graph] [--smelter-lookup F]`.
struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Propagate risk to the focus company and write exposures, paths, coverage, quality and manifest.")

  @OptionGroup var input: InputOptions
  @Option(help: "The focus company's id (tiers are counted from it).") var focus: String
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for the output files (written atomically).") var out: String?
  @Option(name: .customLong("fail-on"), help: "Exit 1 when an entity with a tier reaches this level.")
  var failOn: RiskLevel?
  @Option(name: .customLong("paths-min-level"), help: "Lowest level written to paths.json.")
  var pathsMinLevel: RiskLevel = .low
  @Flag(name: .customLong("with-graph"), help: "Also write graph.json (needed by diff).") var withGraph = false

  func run() throws {
    guard ProcessInfo.processInfo.environment["TIERSCAN_TIMINGS"] == "1" else { return try scanAndWrite() }
    let timings = PhaseTimings()
    defer { FileHandle.standardError.write(Data(timings.report.utf8)) }
    try timings.measure("total") { try PhaseTimings.$current.withValue(timings) { try scanAndWrite() } }
  }

  private func scanAndWrite() throws {
    let pipeline = ScanPipeline()
    let prepared: ScanPipeline.Prepared
    let analysis: RiskAnalysis
    do {
      prepared = try pipeline.prepare(scan.request(inputs: input.inputs, focus: focus))
      analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex(focus, in: prepared.graph))
    } catch {
      Output.printError(error.description)
      switch error {
      case .invalidConfig, .unreadableConfig: throw ExitCode(ExitStatus.inputErrors)
      default: throw ExitCode(ExitStatus.usage)
      }
    }
    let findings = prepared.findings + analysis.findings.findings
    Output.printFindings(findings)
    if let out {
      let options = ScanOutputWriter.Options(pathsMinLevel: pathsMinLevel, withGraph: withGraph)
      do {
        let timings = PhaseTimings.current
        let manifest = timings.map { $0.measure("input digests") { pipeline.manifest(for: prepared) } }
          ?? pipeline.manifest(for: prepared)
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings?.record("write outputs", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        try ScanOutputWriter.write(
          analysis: analysis, findings: prepared.findings, manifest: manifest, options: options,
          to: URL(fileURLWithPath: out), inputs: input.inputs.map { URL(fileURLWithPath: $0) })
      } catch {
        Output.printError("error: output: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    print(ScanSummary.text(analysis), terminator: "")
    if findings.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.inputErrors) }
    if let failOn, let highest = analysis.highestTieredLevel, highest >= failOn { throw ExitCode(ExitStatus.failOn) }
  }
}
