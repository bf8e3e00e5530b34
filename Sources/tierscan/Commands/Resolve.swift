import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport

/// `tierscan resolve INPUT… [--config F] --out DIR`: candidate pairs for entity resolution
/// (docs/entity-resolution.md §8).
struct Resolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List entities that may be one (and risk-list rows that may name them) for review.")

  @OptionGroup var input: InputOptions
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for candidates.csv, blocks.csv, review.html and summary.txt (written atomically).")
  var out: String

  func validate() throws { try OutputPath.check(out) }

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: nil)
    let prepared = run.prepared
    let report = ResolveReport(
      graph: prepared.graph, riskList: prepared.inputs.riskList, judgements: prepared.judgements,
      config: prepared.config.config.matching, declarerPairs: prepared.declarerLinks.reviewPairs)
    do {
      try ResolveOutput.write(
        report, to: URL(fileURLWithPath: out), inputs: input.inputs.map { URL(fileURLWithPath: $0) })
    } catch {
      Output.printError("error: output: \(error.description)")
      throw ExitCode(ExitStatus.usage)
    }
    print(ResolveOutput.summary(report), terminator: "")
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}
