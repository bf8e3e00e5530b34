import Foundation

/// Runs the built `tierscan` executable from the same products directory as the test bundle.
enum TierscanBinary {
  /// The repository root, from this file's location.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `tierscan` executable next to the test bundle (`.build/<config>/tierscan`).
  static let url: URL? = {
    var candidates: [URL] = []
    for start in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()] {
      var directory = start.deletingLastPathComponent()
      for _ in 0..<4 {
        candidates.append(directory.appendingPathComponent("tierscan"))
        directory = directory.deletingLastPathComponent()
      }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// The result of one run.
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `tierscan arguments…` in `directory` and collects its output.
  static func run(_ arguments: [String], in directory: URL = root) throws -> Output {
    guard let url else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Both pipes drained at once: read one after the other, a tool that fills the second pipe's
    // buffer (~64 KB of findings on stderr) while the first is read would wait forever.
    let stderr = Drained(err.fileHandleForReading)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr.data, as: UTF8.self))
  }
}

/// Everything a pipe gives until its end, read on a thread of its own.
private final class Drained: @unchecked Sendable {
  private var collected = Data()
  private let done = DispatchSemaphore(value: 0)

  /// Starts reading `handle` to its end.
  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      collected = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// What was read (waits for the pipe's end).
  var data: Data {
    done.wait()
    return collected
  }
}
