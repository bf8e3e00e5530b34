import ArgumentParser
import Foundation
import TierscanCore
import TierscanIngest
import TierscanRisk

/// `tierscan validate INPUT… [--strict] [--format text|json]`: reads the inputs, prints one
/// line per file and a summary on stdout and every finding on stderr.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check inputs: one line per file, a summary, and every finding on stderr.")

  @OptionGroup var input: InputOptions

  @OptionGroup var limits: LimitOptions

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "Report format: text or json.")
  var format: ReportFormat = .text

  func run() throws {
    let report = ValidationReport.validate(
      arguments: input.inputs, strict: strict, options: IngestOptions(limits: limits.limits, validatesSchema: true)
    ) { inputs, graph in
      RiskInputCheck.findings(graph: graph, riskList: inputs.riskList, countryRisk: inputs.countryRisk)
    }
    var errors = ""
    for finding in report.findings { errors += finding.description + "\n" }
    FileHandle.standardError.write(Data(errors.utf8))
    switch format {
    case .text: print(report.text, terminator: "")
    case .json: print(JSONWriter.string(report.json), terminator: "")
    }
    if report.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}
