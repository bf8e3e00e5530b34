import Foundation
import Testing
import TierscanTestSupport

/// `statement --workspace FILE --period P --previous PERIOD` against the file-based way
/// (`statement … --previous DIR` on last year's statement output).
@Suite(.serialized) struct WorkspaceStatementCommandTests {
  /// A directory holding a copy of the sample years, so both ways run from it with the same
  /// relative paths (`SampleData/2025`, and `2024` as the previous label).
  private func sampleCopy() throws -> URL {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-ws-statement-\(UUID().uuidString)")
    let data = directory.appendingPathComponent("SampleData")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for year in ["2024", "2025"] {
      try FileManager.default.copyItem(
        at: TierscanBinary.root.appendingPathComponent("SampleData/\(year)"), to: data.appendingPathComponent(year))
    }
    return directory
  }

  @Test func thePreviousPeriodFromTheWorkspaceEqualsLastYearsPackByteForByte() throws {
    let directory = try sampleCopy()
    func run(_ arguments: [String]) throws -> TierscanBinary.Output {
      let output = try TierscanBinary.run(arguments, in: directory)
      #expect(output.status == 0, "\(arguments): \(output.stderr)")
      return output
    }
    // The file-based way: last year's pack in ./2024, then this year's with --previous 2024.
    _ = try run(["statement", "SampleData/2024", "--focus", "NWT", "--year", "2024", "--out", "2024"])
    let files = try run([
      "statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--previous", "2024", "--out", "files",
    ])
    // The workspace way: --previous names the period.
    _ = try run(["workspace", "init", "programme.tsws"])
    for year in ["2024", "2025"] {
      _ = try run(["workspace", "import", "programme.tsws", "--period", year, "SampleData/\(year)"])
    }
    let stored = try run([
      "statement", "--workspace", "programme.tsws", "--period", "2025", "--focus", "NWT", "--year", "2025",
      "--previous", "2024", "--out", "stored",
    ])
    #expect(files.stdout.contains("since 2024: 7 entities added, 2 removed, 17 exposure changes\n"))
    #expect(stored.stdout == files.stdout.replacingOccurrences(of: " to files\n", with: " to stored\n"))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("files").path).sorted()
    #expect(names.contains("statement.json") && names.contains("statement.md") && names.contains("statement.html"))
    for name in names where name != "manifest.json" {
      let a = try Data(contentsOf: directory.appendingPathComponent("files/\(name)"))
      let b = try Data(contentsOf: directory.appendingPathComponent("stored/\(name)"))
      #expect(a == b, "\(name) differs")
    }
    let statement = try String(contentsOf: directory.appendingPathComponent("stored/statement.json"), encoding: .utf8)
    #expect(statement.contains("\"previous\": \"2024\""))
  }

  @Test func anUnknownPreviousPeriodOrFocusIsAClearError() throws {
    let directory = try sampleCopy()
    #expect(try TierscanBinary.run(["workspace", "init", "w.tsws"], in: directory).status == 0)
    #expect(try TierscanBinary.run(["workspace", "import", "w.tsws", "--period", "2025", "SampleData/2025"], in: directory).status == 0)
    let unknown = try TierscanBinary.run(
      ["statement", "--workspace", "w.tsws", "--period", "2025", "--focus", "NWT", "--year", "2025", "--previous", "2023", "--out", "o"],
      in: directory)
    #expect(unknown.status == 64 && unknown.stderr.contains("no import for period 2023; periods: 2025"), "\(unknown.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("o").path))
    // A focus that the previous period does not have (GAR-TR is new in 2025).
    #expect(try TierscanBinary.run(["workspace", "import", "w.tsws", "--period", "2024", "SampleData/2024"], in: directory).status == 0)
    let focus = try TierscanBinary.run(
      ["statement", "--workspace", "w.tsws", "--period", "2025", "--focus", "GAR-TR", "--year", "2025", "--previous", "2024", "--out", "o"],
      in: directory)
    #expect(focus.status == 64 && focus.stderr.contains("--previous 2024: ") && focus.stderr.contains("GAR-TR"), "\(focus.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("o").path))
  }
}
