import Foundation
import Testing
import TierscanTestSupport

/// The test runner of the built tool: a run that writes far more than a pipe's buffer to both
/// outputs ends, with everything it wrote.
@Suite struct TierscanBinaryTests {
  /// 3,000 rows with an unknown country: ~670 KB of warnings on stderr, ten times a pipe's buffer.
  /// Read stdout first and stderr after, the run never ends: the test then fails after its wait
  /// (the blocked tool ends when the test process closes the pipe).
  @Test func manyFindingsOnStandardErrorAreAllRead() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-binary-stderr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var rows = "id,name,country\n"
    for i in 0..<3_000 { rows += "E\(i),Company \(i),Atlantis\(i)\n" }
    try rows.write(to: directory.appendingPathComponent("entities.csv"), atomically: true, encoding: .utf8)
    let run = Finished()
    Thread.detachNewThread { run.finish(try? TierscanBinary.run(["validate", "entities.csv"], in: directory)) }
    guard let result = run.wait(seconds: 120) else {
      Issue.record("tierscan validate with ~670 KB on stderr did not end within 120 s")
      return
    }
    #expect(result.status == 0)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 3_000)
    #expect(lines.first?.hasPrefix("entities.csv:2: warning: unknown-country: country 'Atlantis0'") == true)
    #expect(lines.last?.hasPrefix("entities.csv:3001: warning: unknown-country: country 'Atlantis2999'") == true)
    #expect(result.stdout.contains("entities.csv  entities     3000      3000         0       0      3000"))
  }
}

/// A run's output handed from the thread that waits for it.
private final class Finished: @unchecked Sendable {
  private var output: TierscanBinary.Output?
  private let done = DispatchSemaphore(value: 0)

  func finish(_ output: TierscanBinary.Output?) {
    self.output = output
    done.signal()
  }

  /// The output, or `nil` when the run did not end within `seconds` (or failed to start).
  func wait(seconds: Int) -> TierscanBinary.Output? {
    done.wait(timeout: .now() + .seconds(seconds)) == .success ? output : nil
  }
}
