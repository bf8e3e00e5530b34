import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanWorkspace

/// `tierscan diff OLD_DIR NEW_DIR [--format text|json|csv] [--judgements F]…`: what changed between two scan or
/// statement output directories. Exit 0 done; 64 when a directory is missing or is not an output
/// directory; 2 when an output file in it is malformed. With `--workspace FILE`, OLD and NEW are
/// periods of the workspace, compared entity by workspace id (docs/workspace.md).
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two scan or statement output directories (exposures, coverage, graph, smelters).")

  @Argument(help: "The earlier output directory.") var old: String
  @Argument(help: "The later output directory.") var new: String
  @Option(help: "Output format: text, json or csv.") var format: ScanDiff.Format = .text
  @Option(help: "Compare two periods of this workspace file (OLD and NEW are period labels; text only).")
  var workspace: String?
  @Option(
    name: .customLong("judgements"),
    help: "A judgements CSV whose same / not_same lines tie (or keep apart) renumbered entities; repeatable.")
  var judgements: [String] = []

  func run() throws {
    if let workspace {
      let diff = try WorkspaceCommand.run { () throws(WorkspaceError) in try Workspace.open(at: workspace).diff(old, new) }
      print(diff.text, terminator: "")
      return
    }
    do {
      var judged: [Judgement] = []
      if !judgements.isEmpty {
        let read = try DiffJudgements(paths: judgements)
        Output.printFindings(read.findings)
        judged = read.judgements
      }
      let diff = ScanDiff(
        old: try ScanSnapshot(directory: old), new: try ScanSnapshot(directory: new), judgements: judged)
      print(diff.render(format), terminator: "")
    } catch {
      Output.printError(error.description)
      throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.inputErrors)
    }
  }
}

extension ScanDiff.Format: ExpressibleByArgument {}
