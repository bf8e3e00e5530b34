import ArgumentParser
import Foundation
import TierscanReport

/// `tierscan diff OLD_DIR NEW_DIR [--format text|json|csv]`: what changed between two scan or
/// statement output directories. Exit 0 done; 64 when a directory is missing or is not an output
/// directory; 2 when an output file in it is malformed.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two scan or statement output directories (exposures, coverage, graph, smelters).")

  @Argument(help: "The earlier output directory.") var old: String
  @Argument(help: "The later output directory.") var new: String
  @Option(help: "Output format: text, json or csv.") var format: ScanDiff.Format = .text

  func run() throws {
    do {
      let diff = ScanDiff(old: try ScanSnapshot(directory: old), new: try ScanSnapshot(directory: new))
      print(diff.render(format), terminator: "")
    } catch {
      Output.printError(error.description)
      throw ExitCode(error.isUsageError ? ExitStatus.usage : ExitStatus.inputErrors)
    }
  }
}

extension ScanDiff.Format: ExpressibleByArgument {}
