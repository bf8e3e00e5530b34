import ArgumentParser
import CTierscanMalloc
import Foundation

/// The `tierscan` root command. Subcommands live one per file in `Commands/`.
@main
struct Tierscan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tierscan",
    abstract: "Supply-chain graph analyzer for modern slavery and conflict-minerals due diligence.",
    version: "0.1.0",
    subcommands: [
      Validate.self, Scan.self, Paths.self, CMRT.self, Statement.self, Diff.self, Export.self, Resolve.self,
      WorkspaceCommand.self,
    ]
  )

  /// glibc malloc arenas (`MALLOC_ARENA_MAX`, when the user did not set it): measured at 1M
  /// (realistic shape), one arena peaks at 835 MB, two at 865 MB, glibc's default at 912 MB.
  static let mallocArenas = 1

  /// Parses and runs, mapping every usage error to exit code 64 (model §4) and a failed write to
  /// standard output (a closed pipe, a full disk) to 74.
  static func main() {
    // A closed pipe is then a write error that is reported, not a silent death by SIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    do {
      var command = try parseAsRoot()
      // One malloc arena for every thread: the threads of nested splits (``ParallelWork``) would
      // otherwise each keep a heap of their own (ctierscan_malloc.h); a command that allocates
      // on both cores at once chooses its own count (``ChoosesMallocArenas``). Set before the
      // command starts a thread: glibc fixes the limit when the first thread asks for an arena.
      let arenas = (type(of: command) as? ChoosesMallocArenas.Type)?.mallocArenas ?? Self.mallocArenas
      _ = tierscan_limit_malloc_arenas(Int32(arenas))
      try command.run()
      Output.finishStandardOutput(exitCode: ExitStatus.done)
    } catch let code as ExitCode {
      Output.finishStandardOutput(exitCode: code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Output.finishStandardOutput(exitCode: 0)
      }
      Output.writeStandardError((fullMessage(for: error) + "\n"))
      Foundation.exit(ExitStatus.usage)
    }
  }
}

/// The process exit codes of model §4.
enum ExitStatus {
  static let done: Int32 = 0
  static let failOn: Int32 = 1
  static let inputErrors: Int32 = 2
  static let usage: Int32 = 64
  /// Standard output could not be written (`EX_IOERR`): the output is incomplete.
  static let outputFailed: Int32 = 74
}
