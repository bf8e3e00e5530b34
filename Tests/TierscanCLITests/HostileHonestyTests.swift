import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, classes 8 and 9: input errors are never hidden behind a usage error, no value can
/// forge a finding line or flood stderr, a failed write to stdout is an error exit, and
/// `statement --year` takes reporting years only.
@Suite struct HostileHonestyTests {
  private let hostile = "Tests/Fixtures/hostile/"

  /// The focus's own row rejected, or every input failing: the findings that explain the unknown
  /// focus are printed before it, and the exit code is 2 (input errors), not 64.
  @Test(arguments: [
    ["scan", "Tests/Fixtures/hostile/csv/r2-focus-ragged.csv", "--focus", "ACME"],
    ["paths", "Tests/Fixtures/hostile/csv/r2-focus-ragged.csv", "--focus", "ACME"],
    ["scan", "Tests/Fixtures/hostile/csv/r2-focus-bad-quote.csv", "--focus", "ACME"],
    ["paths", "Tests/Fixtures/hostile/csv/r2-focus-bad-quote.csv", "--focus", "ACME", "--format", "csv"],
    ["scan", "Tests/Fixtures/hostile/xml/truncated.xml", "Tests/Fixtures/hostile/xlsx/not-a-zip.xlsx", "--focus", "ACME"],
    ["paths", "Tests/Fixtures/hostile/csv/empty.csv", "Tests/Fixtures/hostile/nothing-here.csv", "--focus", "ACME"],
  ])
  func inputErrorsExplainAnUnknownFocus(_ arguments: [String]) throws {
    let result = try HostileRunner.run(arguments)
    #expect(result.status == 2, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    let focusLine = try #require(lines.firstIndex { $0.hasPrefix("error: focus:") }, "\(result.stderr)")
    let inputErrors = lines.indices.filter { lines[$0].hasPrefix(hostile) && lines[$0].contains(": error: ") }
    #expect(!inputErrors.isEmpty, "\(result.stderr)")
    #expect(inputErrors.allSatisfy { $0 < focusLine })
  }

  @Test func anUnknownFocusWithCleanInputsIsStillAUsageError() throws {
    let result = try HostileRunner.run(["scan", HostileCorpus.validInputs, "--focus", "NOBODY"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("error: focus: no entity has the id 'NOBODY'"))
  }

  /// Newlines, carriage returns, escape sequences and separators inside values reach stderr
  /// escaped: every line starts with a real location, none with the forged `fake.csv`.
  @Test(arguments: ["csv/r2-newline-forgery.csv", "csv/r2-escape-sequences.csv"])
  func noValueForgesAFindingLine(_ file: String) throws {
    let result = try HostileRunner.run(["validate", hostile + file])
    #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\r") && !result.stderr.contains("\u{2028}"))
    for line in result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      #expect(line.hasPrefix(hostile + file + ":"), "forged or broken line: \(line)")
    }
    if file.contains("newline") {
      #expect(result.stderr.contains("country 'GB\\nfake.csv:9: error: forged-rule: gotcha'"))
      #expect(result.stderr.contains("'CN\\rfake.csv:10: error: forged-rule: carriage return'"))
    } else {
      #expect(result.stderr.contains("country ']0;titleGB'"))
    }
  }

  /// A 200,000-character value and a 20 MB unknown config key are cut in messages.
  @Test func longValuesAreCutInMessages() throws {
    let value = try HostileRunner.run(["validate", hostile + "csv/r2-long-value.csv"])
    #expect(value.status == 0)
    #expect(value.stderr.utf8.count < 5_000)
    #expect(value.stderr.contains("… (196"))
    let work = TestScratch.directory.appendingPathComponent("tierscan-longkey-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: work) }
    try Data(("{\"" + String(repeating: "k", count: 20 << 20) + "\": 1}\n").utf8).write(to: work)
    let config = try HostileRunner.run(["scan", HostileCorpus.validInputs, "--focus", "ACME", "--config", work.path], seconds: 60)
    #expect(config.status == 2)
    #expect(config.stderr.contains("error: config:"))
    #expect(config.stderr.utf8.count < 10_000, "\(config.stderr.utf8.count) bytes of stderr")
  }

  /// `/dev/full` and a pipe closed by the reader: exit 74 with a sentence, never 0.
  @Test func aFailedWriteToStdoutIsAnErrorExit() throws {
    guard let binary = TierscanBinary.url else { throw CocoaError(.fileNoSuchFile) }
    let full = Process()
    full.executableURL = binary
    full.arguments = ["validate", HostileCorpus.validInputs]
    full.currentDirectoryURL = TierscanBinary.root
    full.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    let fullErrors = Pipe()
    full.standardError = fullErrors
    try full.run()
    let fullMessage = String(decoding: fullErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    full.waitUntilExit()
    #expect(full.terminationStatus == 74)
    #expect(fullMessage.contains("error: output: cannot write to standard output (No space left on device)"))

    // A reader that closes at once: the export (about 50 KB of GraphML) meets a closed pipe.
    let closed = Process()
    closed.executableURL = binary
    closed.arguments = ["export", "SampleData/2025", "--format", "graphml"]
    closed.currentDirectoryURL = TierscanBinary.root
    let pipe = Pipe()
    closed.standardOutput = pipe
    closed.standardError = FileHandle.nullDevice
    try pipe.fileHandleForReading.close()
    try closed.run()
    closed.waitUntilExit()
    #expect(closed.terminationReason == .exit)
    #expect(closed.terminationStatus == 74)
  }

  /// Findings written to a full stderr (`/dev/full`): exit 74, never a runtime trap (Foundation's
  /// `FileHandle.write` traps on ENOSPC, which once ended a suite run on a full disk).
  @Test(arguments: [["validate", "Tests/Fixtures/hostile/csv"], ["scan", "Tests/Fixtures/hostile/csv", "--focus", "ACME"]])
  func aFailedWriteToStderrIsAnErrorExit(_ arguments: [String]) throws {
    guard let binary = TierscanBinary.url else { throw CocoaError(.fileNoSuchFile) }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = TierscanBinary.root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "ended by signal \(process.terminationStatus)")
    #expect(process.terminationStatus == 74)
  }

  @Test(arguments: ["-1", "0", "1899", "2201", "99999", "9223372036854775807"])
  func statementYearOutsideTheRangeIsAUsageError(_ year: String) throws {
    let work = TestScratch.directory.appendingPathComponent("tierscan-year-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let result = try HostileRunner.run([
      "statement", HostileCorpus.validInputs, "--focus", "ACME", "--year=\(year)", "--out", work.path,
    ])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("is not a reporting year in 1900...2200"))
    #expect(!FileManager.default.fileExists(atPath: work.path))
  }
}
