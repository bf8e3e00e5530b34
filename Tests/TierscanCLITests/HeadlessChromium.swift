import Foundation
import TierscanTestSupport

/// Headless Chromium for tests that check an HTML page after its scripts ran
/// (`chromium --headless --dump-dom`). Absent on a machine without Chromium: the tests that need
/// it are then disabled with a message saying how to install it (`.ci/run` does).
enum HeadlessChromium {
  /// The first of `chromium`, `chromium-browser`, `google-chrome` on the PATH.
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
        return directory + "/" + name
      }
    }
    return nil
  }()

  static let isAvailable = path != nil
  static let skipMessage = "headless Chromium not found (apt-get install -y chromium; .ci/run installs it)"

  /// The DOM of `url` after its scripts ran, or `nil` when Chromium failed or took over `timeout` seconds.
  static func dumpDOM(_ url: String, timeout: Double = 90) throws -> String? {
    guard let path else { return nil }
    let profile = TestScratch.directory.appendingPathComponent("tierscan-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
      "--dump-dom", url,
    ]
    // stdout to a file: no reader thread, and a page of any size never blocks the pipe.
    let dump = profile.appendingPathExtension("html")
    defer { try? FileManager.default.removeItem(at: dump) }
    FileManager.default.createFile(atPath: dump.path, contents: nil)
    let handle = try FileHandle(forWritingTo: dump)
    defer { try? handle.close() }
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      return nil
    }
    let data = try Data(contentsOf: dump)
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
