import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport

/// `tierscan validate INPUT… [--strict] [--format text|json]`: reads the inputs through the same
/// pipeline as `scan`, prints one line per file and a summary on stdout and every finding on stderr.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check inputs: one line per file, a summary, and every finding on stderr.")

  @OptionGroup var input: InputOptions

  @OptionGroup var options: ScanOptions

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "Report format: text or json.")
  var format: ReportFormat = .text

  func run() throws {
    guard ProcessInfo.processInfo.environment["TIERSCAN_TIMINGS"] == "1" else { return try validateAndPrint() }
    let timings = PhaseTimings()
    defer { Output.writeStandardError(timings.report) }
    try timings.measure("total") { try PhaseTimings.$current.withValue(timings) { try validateAndPrint() } }
  }

  private func validateAndPrint() throws {
    let report: ValidationReport
    if let workspace = input.workspace, let period = input.period {
      let pipeline = ScanPipeline()
      let prepared = try ScanRun.prepare(workspace: workspace, period: period, options: options)
      report = ValidationReport(
        files: prepared.inputs.files, graph: prepared.graph, findings: prepared.findings + pipeline.inputChecks(prepared),
        strict: strict)
    } else {
      do {
        report = try ScanPipeline().validate(options.request(inputs: input.inputs, focus: nil), strict: strict)
      } catch {
        Output.printError(error.description)
        throw ExitCode(ExitStatus.inputErrors)
      }
    }
    // Written in pieces of about 1 MiB: a million findings never become one string.
    var errors = ""
    report.findingLog.forEach { finding in
      errors += finding.description + "\n"
      if errors.utf8.count >= 1 << 20 {
        Output.writeStandardError(errors)
        errors = ""
      }
    }
    Output.writeStandardError(errors)
    switch format {
    case .text: print(report.text, terminator: "")
    case .json: print(JSONWriter.string(report.json), terminator: "")
    }
    if report.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}
