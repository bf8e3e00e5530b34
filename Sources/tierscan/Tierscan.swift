import ArgumentParser
import Foundation

/// The `tierscan` root command. Subcommands live one per file in `Commands/`.
@main
struct Tierscan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tierscan",
    abstract: "Supply-chain graph analyzer for modern slavery and conflict-minerals due diligence.",
    version: "0.1.0",
    subcommands: [Validate.self, Scan.self, Paths.self, CMRT.self, Statement.self, Diff.self, Export.self]
  )

  /// Parses and runs, mapping every usage error to exit code 64 (model §4).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
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
}
