import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, class 5: `validate` on millions of tiny rows. Its peak memory must stay linear in the
/// rows (no super-linear step) and within a documented number of bytes a row
/// (docs/reliability.md, "5 million tiny rows in validate"). Measured from the child itself:
/// `TIERSCAN_TIMINGS=1` makes `validate` print its peak resident set (`VmHWM` of
/// `/proc/self/status`) on stderr.
@Suite(.serialized) struct ValidateMemoryTests {
  /// Bytes of peak memory a tiny relationship row may add (each row makes a placeholder entity
  /// and an `unknown-entity` warning, the worst tiny row): about 900 in a release build, 1,040 in
  /// a debug build since round 5 (1,042 release before).
  static let maxBytesPerRow = 1_200

  /// `rows` relationship rows `i,i+1,supplies` (every id a placeholder) in a fresh directory.
  static func write(rows: Int) throws -> URL {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-vmem-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var text = "from,to,type\n"
    text.reserveCapacity(rows * 24)
    for i in 0..<rows { text += "\(i),\(i + 1),supplies\n" }
    try Data(text.utf8).write(to: directory.appendingPathComponent("relationships.csv"))
    return directory
  }

  /// Runs `validate` on `rows` rows; its stdout and its peak resident set in MB.
  static func validate(rows: Int) throws -> (stdout: String, stderr: String, peakMB: Int) {
    let directory = try write(rows: rows)
    defer { try? FileManager.default.removeItem(at: directory) }
    let process = Process()
    process.executableURL = try #require(TierscanBinary.url)
    process.arguments = ["validate", "relationships.csv"]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["TIERSCAN_TIMINGS"] = "1"
    process.environment = environment
    let (out, err) = (Pipe(), Pipe())
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once: a million warnings would fill the stderr pipe while stdout is read.
    nonisolated(unsafe) var stderrData = Data()
    let reader = Thread { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    let stderr = String(decoding: stderrData, as: UTF8.self)
    #expect(process.terminationStatus == 0)
    let total = try #require(stderr.split(separator: "\n").last { $0.hasPrefix("timing: total") })
    let peak = try #require(total.firstRange(of: /peak (\d+) MB/).map { Int(total[$0].split(separator: " ")[1])! })
    return (stdout, stderr, peak)
  }

  @Test func tinyRelationshipRowsStayLinearAndBounded() throws {
    let small = try Self.validate(rows: 100_000)
    let large = try Self.validate(rows: 300_000)
    // The report is right: every endpoint a placeholder, one warning each.
    #expect(large.stdout.contains("entities       300001\n"))
    #expect(large.stdout.contains("relationships  300000\n"))
    #expect(large.stdout.contains("warning   unknown-entity  300001\n"))
    #expect(large.stderr.contains("relationships.csv:300001: warning: unknown-entity: '300000' has no entity record"))
    // Linear: the 200,000 extra rows cost at most maxBytesPerRow each.
    let perRow = Double(large.peakMB - small.peakMB) * 1_048_576 / 200_000
    #expect(perRow <= Double(Self.maxBytesPerRow), "\(perRow) bytes a row (peaks \(small.peakMB) and \(large.peakMB) MB)")
    #expect(large.peakMB <= 100 + 300_000 * Self.maxBytesPerRow / 1_048_576, "peak \(large.peakMB) MB")
  }
}
