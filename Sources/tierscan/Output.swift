#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
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

  /// Flushes standard output and exits with `exitCode`, or with 74 and an error line when any
  /// write to standard output failed (`EPIPE` from a closed pipe, `ENOSPC` from `/dev/full`).
  static func finishStandardOutput(exitCode: Int32) -> Never {
    errno = 0
    let flushed = fflush(stdout)
    let code = errno
    if flushed != 0 || ferror(stdout) != 0 {
      let reason = code != 0 ? String(cString: strerror(code)) : "an earlier write failed"
      printError("tierscan: error: output: cannot write to standard output (\(reason)); the output is incomplete")
      exit(ExitStatus.outputFailed)
    }
    exit(exitCode)
  }

  /// Writes one line to stderr.
  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((MessageText.printable(message) + "\n").utf8))
  }

  /// Writes a progress line to stderr, only when stderr is a terminal (model §4), so logs and
  /// captured output stay exactly the findings.
  static func progress(_ message: String) {
    guard isatty(STDERR_FILENO) == 1 else { return }
    FileHandle.standardError.write(Data("tierscan: \(message)\n".utf8))
  }
}
