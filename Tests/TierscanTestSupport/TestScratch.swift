import Foundation

/// One scratch folder per test process, removed when the process exits.
///
/// Tests write inputs and outputs into folders of their own under `TestScratch.directory`
/// (`/tmp/tierscan-tests-PID/…`). Many of them used to leave those folders in `/tmp` — about
/// 40 folders and 3.5 GB per `swift test` (the hostile corpus alone is 173 MB) — because
/// Swift Testing has no per-suite teardown and a failing `#require` skips a test's own cleanup.
/// The whole folder is removed by an `atexit` handler, so a passing or failing run leaves nothing
/// behind; only a crashed process leaves its folder (named by its pid, for the post-mortem).
public enum TestScratch {
  /// The process's scratch folder, created on first use.
  public static var directory: URL { root.url }

  private static let root: Root = Root()

  /// Creates the folder and registers its removal once, on first use (a `static let` is
  /// initialised exactly once, thread-safely).
  private final class Root: Sendable {
    let url: URL

    init() {
      url = FileManager.default.temporaryDirectory
        .appendingPathComponent("tierscan-tests-\(ProcessInfo.processInfo.processIdentifier)")
      try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      atexit { TestScratch.removeAll() }
    }
  }

  /// Removes the scratch folder and everything in it.
  static func removeAll() {
    try? FileManager.default.removeItem(at: root.url)
  }
}
