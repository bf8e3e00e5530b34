import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan cmrt INPUT… [--focus ID] [--smelter-lookup F] [--config F] [--out DIR]`: the
/// company-level CMRT roll-up (docs/cmrt-rollup.md).
struct CMRT: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cmrt",
    abstract: "Roll up CMRT workbooks: smelters by metal and status, supplier responses, response rate.")

  @OptionGroup var input: InputOptions
  @Option(help: "The focus company's id: adds the response rate of its chain.") var focus: String?
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for smelters.csv, suppliers.csv, summary.json and rollup.md (written atomically).")
  var out: String?

  func validate() throws { try OutputPath.check(out) }

  func run() throws {
    let run = try ScanRun(options: scan, input: input, focus: focus)
    let (prepared, analysis, findings) = (run.prepared, run.analysis, run.findings)
    let rollup = CMRTRollup(inputs: prepared.inputs, graph: prepared.graph, analysis: analysis, findings: findings)
    if let out {
      let inputs = (input.inputs + scan.smelterLookups).map { URL(fileURLWithPath: $0) }
      do {
        try CMRTOutputWriter.write(rollup, to: URL(fileURLWithPath: out), inputs: inputs)
      } catch {
        Output.printError("error: output: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    print(CMRTRollupMarkdown.render(rollup), terminator: "")
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}
