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
    writeStandardError(text)
  }

  /// Writes `bytes` to standard output through the C stream `print` uses, so a failure is seen
  /// by ``finishStandardOutput(exitCode:)`` (never a trap, as `FileHandle.write(_:)` would be).
  static func writeStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      _ = fwrite(base, 1, buffer.count, stdout)
    }
  }

  /// Whether a write to standard error failed (a full disk, a closed pipe); the process then
  /// ends with ``ExitStatus/outputFailed`` instead of its own status.
  nonisolated(unsafe) private static var standardErrorFailed = false

  /// Writes `text` to stderr whole, retrying short and interrupted writes. A failure is
  /// remembered (see ``finishStandardOutput(exitCode:)``), never a trap: Foundation's
  /// `FileHandle.write(_:)` ends the process with a runtime error when the write fails.
  static func writeStandardError(_ text: String) {
    guard !standardErrorFailed else { return }
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          standardErrorFailed = true
          return
        }
      }
    }
  }

  /// Flushes standard output and exits with `exitCode`, or with 74 and an error line when any
  /// write to standard output failed (`EPIPE` from a closed pipe, `ENOSPC` from `/dev/full`);
  /// with 74 and no line (there is nowhere to write it) when a write to standard error failed.
  static func finishStandardOutput(exitCode: Int32) -> Never {
    errno = 0
    let flushed = fflush(stdout)
    let code = errno
    if flushed != 0 || ferror(stdout) != 0 {
      let reason = code != 0 ? String(cString: strerror(code)) : "an earlier write failed"
      printError("tierscan: error: output: cannot write to standard output (\(reason)); the output is incomplete")
      exit(ExitStatus.outputFailed)
    }
    exit(standardErrorFailed ? ExitStatus.outputFailed : exitCode)
  }

  /// Writes one line to stderr.
  static func printError(_ message: String) {
    writeStandardError(MessageText.printable(message) + "\n")
  }

  /// Writes a progress line to stderr, only when stderr is a terminal (model §4), so logs and
  /// captured output stay exactly the findings.
  static func progress(_ message: String) {
    guard isatty(STDERR_FILENO) == 1 else { return }
    writeStandardError("tierscan: \(message)\n")
  }
}
