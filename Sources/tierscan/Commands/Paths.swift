import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan paths INPUT… --focus ID [--entity ID] [--category C] [--format json|csv|md]`:
/// the auditor's view of each flagged path, hop by hop, with the rows it came from.
struct Paths: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain flagged exposures as paths from the risk source, with per-hop evidence.")

  @OptionGroup var input: InputOptions
  @Option(help: "The focus company's id.") var focus: String
  @Option(help: "Only the path to this entity.") var entity: String?
  @Option(help: "Only this risk category.") var category: String?
  @Option(help: "Output format: json, csv or md.") var format: PathsReport.Format = .json
  @Option(name: .customLong("paths-min-level"), help: "Lowest level listed.") var pathsMinLevel: RiskLevel = .low
  @OptionGroup var pathHops: PathHopOptions
  @OptionGroup var scan: ScanOptions

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: focus)
    let analysis = run.analysis!
    let entityIndex = try entity.map { try run.entity($0, option: "entity") }
    if let category, !analysis.config.categories.contains(category) {
      Output.printError("error: category: '\(category)' is not a configured category")
      throw ExitCode(ExitStatus.usage)
    }
    if let finding = PathsReport.truncationFinding(
      analysis, entity: entityIndex, category: category, minLevel: pathsMinLevel, hopLimit: pathHops.limit)
    {
      Output.printFindings([finding])
    }
    print(
      PathsReport.render(
        analysis, entity: entityIndex, category: category, minLevel: pathsMinLevel, format: format, hopLimit: pathHops.limit),
      terminator: "")
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}
