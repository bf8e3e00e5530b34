import Foundation
import TierscanCore

/// Printing helpers: the executable's only job besides parsing arguments.
enum Output {
  /// Writes every finding to stderr as `file:line[:column]: severity: rule: message`.
  static func printFindings(_ findings: [Finding]) {
    guard !findings.isEmpty else { return }
    var text = ""
    for finding in findings { text += finding.description + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes one line to stderr.
  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }

  /// Writes a progress line to stderr, only when stderr is a terminal (model §4), so logs and
  /// captured output stay exactly the findings.
  static func progress(_ message: String) {
    guard isatty(STDERR_FILENO) == 1 else { return }
    FileHandle.standardError.write(Data("tierscan: \(message)\n".utf8))
  }
}
