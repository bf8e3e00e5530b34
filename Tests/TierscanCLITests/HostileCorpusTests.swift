import Foundation
import Testing

/// Every hostile file through `validate` and `scan` (and every hostile config through
/// `scan --config`): bounded in time (60 s) and address space (2 GiB), no crash, the expected
/// exit code and the expected finding at the file's location (docs/reliability.md).
@Suite struct HostileCorpusTests {
  @Test func manifestCoversEveryFile() throws {
    let cases = HostileCorpus.cases
    #expect(cases.count >= 120)
    for file in HostileCorpus.committedFiles() {
      let commands = Set(cases.filter { $0.file == file }.map(\.command))
      let wanted: Set<String> = file.hasPrefix("config/") ? ["config"] : ["validate", "scan"]
      #expect(wanted.isSubset(of: commands), "EXPECTED.tsv has no \(wanted.subtracting(commands).sorted()) row for \(file)")
    }
    for testCase in cases where !testCase.file.hasPrefix("generated/") {
      #expect(HostileCorpus.committedFiles().contains(testCase.file), "EXPECTED.tsv names a missing file \(testCase.file)")
    }
  }

  @Test(arguments: HostileCorpus.cases)
  func hostileInput(_ testCase: HostileCorpus.Case) throws {
    let result = try HostileRunner.run(HostileCorpus.arguments(for: testCase))
    #expect(!result.timedOut, "killed after \(result.seconds) s")
    #expect(!result.signalled, "ended by a signal (crash): \(result.stderr.suffix(2000))")
    #expect(result.status == testCase.expectedStatus, "stderr: \(result.stderr.prefix(2000))")
    // Nothing reaches stderr outside the finding format (libxml2's own messages included).
    let stray = result.stderr.split(separator: "\n").filter { line in
      ![": error: ", ": warning: ", ": info: "].contains { line.contains($0) }
    }
    #expect(stray.isEmpty, "stderr lines outside the finding format: \(stray.prefix(3))")
    let path = HostileCorpus.path(of: testCase.file)
    let located = result.stderr.split(separator: "\n").compactMap { Self.finding(in: String($0), at: path) }
    if let (severity, rule) = testCase.expectedFinding {
      #expect(
        located.contains { $0.severity == severity && $0.rule == rule },
        "no '\(severity): \(rule)' at \(path); stderr: \(result.stderr.prefix(2000))")
    } else {
      #expect(!located.contains { $0.severity == "error" }, "unexpected error: \(result.stderr.prefix(2000))")
    }
  }

  /// `(severity, rule)` of a `path[:line[:column]][ [Sheet!A1]]: severity: rule: message` line.
  static func finding(in line: String, at path: String) -> (severity: String, rule: String)? {
    guard line.hasPrefix(path) else { return nil }
    var rest = line.dropFirst(path.count)
    while rest.first == ":", let next = rest.dropFirst().first, next.isNumber {
      rest = rest.dropFirst().drop { $0.isNumber }
    }
    if rest.hasPrefix(" ["), let close = rest.firstIndex(of: "]") { rest = rest[rest.index(after: close)...] }
    guard rest.hasPrefix(": ") else { return nil }
    let parts = rest.dropFirst(2).split(separator: ":", maxSplits: 2)
    guard parts.count >= 2 else { return nil }
    let severity = String(parts[0])
    guard ["error", "warning", "info"].contains(severity) else { return nil }
    return (severity, parts[1].trimmingCharacters(in: .whitespaces))
  }
}
