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
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
