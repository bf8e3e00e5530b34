import Foundation
import Testing
import TierscanTestSupport

/// End-to-end tests of `tierscan workspace` and `--workspace FILE --period P` on the sample years.
@Suite(.serialized) struct WorkspaceCommandTests {
  private let root = TierscanBinary.root
  private let outputs = ["exposures.csv", "paths.json", "coverage.json", "quality.json"]

  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-workspace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func findingLines(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") || $0.contains(": info: ") }
  }

  /// A workspace holding SampleData/2024 and SampleData/2025, imported from the repository root.
  private func sampleWorkspace(_ directory: URL, policy: String = "flag") throws -> String {
    let file = directory.appendingPathComponent("programme.tsws").path
    let created = try TierscanBinary.run(["workspace", "init", file])
    #expect(created.status == 0, "\(created.stderr)")
    for year in ["2024", "2025"] {
      let imported = try TierscanBinary.run([
        "workspace", "import", file, "--period", year, "SampleData/\(year)", "--focus", "NWT", "--retire", policy,
      ])
      #expect(imported.status == 0, "\(imported.stderr)")
    }
    return file
  }

  @Test func scanFromTheWorkspaceEqualsTheFileScanByteForByte() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    for year in ["2024", "2025"] {
      let files = directory.appendingPathComponent("files-\(year)")
      let stored = directory.appendingPathComponent("stored-\(year)")
      let fromFiles = try TierscanBinary.run(["scan", "SampleData/\(year)", "--focus", "NWT", "--out", files.path])
      let fromStore = try TierscanBinary.run([
        "scan", "--workspace", workspace, "--period", year, "--focus", "NWT", "--out", stored.path,
      ])
      #expect(fromFiles.status == 0 && fromStore.status == 0, "\(fromStore.stderr)")
      #expect(fromStore.stdout == fromFiles.stdout)
      #expect(findingLines(fromStore.stderr) == findingLines(fromFiles.stderr))
      #expect(!findingLines(fromFiles.stderr).isEmpty)
      for name in outputs {
        let a = try Data(contentsOf: files.appendingPathComponent(name))
        let b = try Data(contentsOf: stored.appendingPathComponent(name))
        #expect(a == b, "\(year) \(name) differs")
      }
      let manifest = try String(contentsOf: stored.appendingPathComponent("manifest.json"), encoding: .utf8)
      #expect(manifest.contains("\"workspace\": {"))
      #expect(manifest.contains("\"period\": \"\(year)\""))
      #expect(manifest.contains("\"path\": \"SampleData/\(year)/relationships.csv\""))
      let fileManifest = try String(contentsOf: files.appendingPathComponent("manifest.json"), encoding: .utf8)
      #expect(!fileManifest.contains("\"workspace\""))
    }
  }

  @Test func findingsFromTheWorkspaceEqualTheFileRun() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let fromFiles = try TierscanBinary.run(["validate", "SampleData/2025"])
    let fromStore = try TierscanBinary.run(["validate", "--workspace", workspace, "--period", "2025"])
    #expect(fromStore.status == fromFiles.status)
    #expect(fromStore.stdout == fromFiles.stdout)
    #expect(fromStore.stderr == fromFiles.stderr)
  }

  @Test func theSupplierDroppedIn2025IsRetiredAndFlagged() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let history = try TierscanBinary.run(["workspace", "history", workspace, "GAR-BD2"])
    #expect(history.status == 0, "\(history.stderr)")
    #expect(history.stdout.contains("2024: reported"))
    #expect(history.stdout.contains("2025: retired (import 2), last present in 2024, policy flag, review open"))
    #expect(history.stdout.contains("mentioned at SampleData/2024/"))
    // The focus is present in both years with its exposures.
    let focus = try TierscanBinary.run(["workspace", "history", workspace, "213800B21D2C4B059857"])
    #expect(focus.stdout.contains("2025: reported (import 2)"))
    #expect(focus.stdout.contains("exposure forced_labour 0.65025 high tier 0"))
  }

  @Test func underRetainTheDroppedSupplierIsCarriedForward() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory, policy: "retain")
    let history = try TierscanBinary.run(["workspace", "history", workspace, "GAR-BD2"])
    #expect(history.stdout.contains("2025: retained (import 2)"))
    #expect(!history.stdout.contains("retired"))
  }

  @Test func importingASourceAgainReplacesItsContribution() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let again = try TierscanBinary.run(["workspace", "import", workspace, "--period", "2025", "SampleData/2025"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("import 3: period 2025, source(s) SampleData/2025 (replacing SampleData/2025)"))
    #expect(again.stdout.contains("files: 15 brought, 0 carried over"))
    #expect(again.stdout.contains("graph: 90 entities (0 new to the workspace)"))
    // A second source is added beside the first and carries it over.
    let extra = directory.appendingPathComponent("extra.csv")
    try Data("id,name,kind,country\nNEW-1,New Supplier Ltd,company,GB\n".utf8).write(to: extra)
    let added = try TierscanBinary.run([
      "workspace", "import", workspace, "--period", "2025", "--source", "late-disclosure", extra.path,
    ])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("files: 1 brought, 15 carried over"))
    #expect(added.stdout.contains("graph: 91 entities (1 new to the workspace)"))
  }

  @Test func badWorkspaceFilesAreClearErrors() throws {
    let directory = try temporaryDirectory()
    let text = directory.appendingPathComponent("notes.txt")
    try Data("not a database\n".utf8).write(to: text)
    let notSQLite = try TierscanBinary.run(["workspace", "history", text.path, "NWT"])
    #expect(notSQLite.status == 64)
    #expect(notSQLite.stderr.contains("not a tierscan workspace: not an SQLite database"))
    #expect(try Data(contentsOf: text) == Data("not a database\n".utf8))
    let empty = directory.appendingPathComponent("empty.db")
    try Data().write(to: empty)
    let emptyRun = try TierscanBinary.run(["scan", "--workspace", empty.path, "--period", "2025", "--focus", "NWT"])
    #expect(emptyRun.status == 64 && emptyRun.stderr.contains("the file is empty"))
    let missing = try TierscanBinary.run(["workspace", "import", directory.appendingPathComponent("nope.db").path,
      "--period", "2025", "SampleData/2025"])
    #expect(missing.status == 64 && missing.stderr.contains("no such workspace"))
    let workspace = try sampleWorkspace(directory)
    let again = try TierscanBinary.run(["workspace", "init", workspace])
    #expect(again.status == 64 && again.stderr.contains("already exists"))
    let unknown = try TierscanBinary.run(["scan", "--workspace", workspace, "--period", "2023", "--focus", "NWT"])
    #expect(unknown.status == 64 && unknown.stderr.contains("no import for period 2023; periods: 2024, 2025"))
    let both = try TierscanBinary.run(["scan", "SampleData/2025", "--workspace", workspace, "--period", "2025", "--focus", "NWT"])
    #expect(both.status == 64)
  }

  @Test func nothingIsWrittenBesideTheWorkspace() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let scan = try TierscanBinary.run(["scan", "--workspace", workspace, "--period", "2025", "--focus", "NWT"])
    #expect(scan.status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names.allSatisfy { $0 == "programme.tsws" || $0 == "programme.tsws-wal" || $0 == "programme.tsws-shm" }, "\(names)")
  }

  /// A large generated input keeps the import busy long enough to read beside it and to kill it.
  @Test func aKilledImportLeavesTheWorkspaceUnchangedAndAReaderWorksMeanwhile() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let before = try TierscanBinary.run(["workspace", "history", workspace, "NWT"])
    let big = directory.appendingPathComponent("big.csv")
    var text = "from,to,type,commodity,hs_code,share,basis,confidence,reporting_year,source\n"
    for i in 0..<150_000 { text += "G\(i + 1),G\(i / 3),supplies,widgets,,,observed,,2026,generated\n" }
    try Data(text.utf8).write(to: big)
    let process = Process()
    process.executableURL = TierscanBinary.url
    process.arguments = ["workspace", "import", workspace, "--period", "2026", big.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Wait until the import's transaction has spilled pages into the WAL.
    let wal = workspace + "-wal"
    let deadline = Date().addingTimeInterval(300)
    while process.isRunning, Date() < deadline {
      let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
      if size > 4 << 20 { break }
      usleep(20_000)
    }
    #expect(process.isRunning, "the import finished before it could be interrupted")
    // A reader sees the last committed state while the import writes.
    let reader = try TierscanBinary.run(["scan", "--workspace", workspace, "--period", "2025", "--focus", "NWT",
      "--out", directory.appendingPathComponent("during").path])
    #expect(reader.status == 0, "\(reader.stderr)")
    let files = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--out",
      directory.appendingPathComponent("files").path])
    #expect(files.status == 0)
    for name in outputs {
      #expect(
        try Data(contentsOf: directory.appendingPathComponent("during/\(name)"))
          == Data(contentsOf: directory.appendingPathComponent("files/\(name)")))
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    // Reopened: no trace of period 2026, the earlier periods intact, the file consistent.
    let after = try TierscanBinary.run(["workspace", "history", workspace, "NWT"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout == before.stdout)
    let missing = try TierscanBinary.run(["scan", "--workspace", workspace, "--period", "2026", "--focus", "G0"])
    #expect(missing.stderr.contains("no import for period 2026; periods: 2024, 2025"))
    let check = try TierscanBinary.run(["workspace", "check", workspace])
    #expect(check.status == 0 && check.stdout.contains("ok"), "\(check.stdout)\(check.stderr)")
  }

  /// The done-when scenario: 2024, 2025, then 2025 re-exported with every supplier that has an
  /// LEI or DUNS renumbered. The 2024 → 2025 diff lists the true changes; the re-export changes
  /// ids only.
  @Test func aRenumberedReExportChangesIdsOnly() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let year = try TierscanBinary.run(["diff", "--workspace", workspace, "2024", "2025"])
    #expect(year.status == 0, "\(year.stderr)")
    #expect(year.stdout.contains("added: 7\n"))
    for id in ["GAR-TR", "SPIN-TR", "GIN-TR", "FARM-TR", "GIN-TM", "FARM-TM", "CID900643"] {
      #expect(year.stdout.contains(" \(id) "), "\(id) not added")
    }
    #expect(year.stdout.contains("no longer reported: 2\n"))
    #expect(year.stdout.contains("GAR-BD2 Padma Stitchworks Ltd. — retired in 2025 (last present 2024, policy flag, review open)"))
    #expect(year.stdout.contains("changed: 0\n"))
    #expect(year.stdout.contains("EMS-PEN Penang Kinta Electronics Sdn. Bhd. — forced_labour 0.700 high → 0.850 critical (rose)"))

    // Copy 2025 and renumber every id whose entity row has an LEI or DUNS, in every CSV and XML.
    let copy = directory.appendingPathComponent("reexport")
    try FileManager.default.copyItem(at: root.appendingPathComponent("SampleData/2025"), to: copy)
    let entities = try String(contentsOf: copy.appendingPathComponent("entities.csv"), encoding: .utf8)
    var renumbered: [String] = []
    for line in entities.split(separator: "\n").dropFirst() {
      let cells = CSVLine.cells(line)
      if cells.count > 7, !cells[0].hasPrefix("CID"), !cells[6].isEmpty || !cells[7].isEmpty { renumbered.append(String(cells[0])) }
    }
    #expect(renumbered.count >= 10)
    let alternatives = renumbered.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
    let pattern = try NSRegularExpression(pattern: "(?<![A-Za-z0-9-])(" + alternatives.joined(separator: "|") + ")(?![A-Za-z0-9-])")
    let files = FileManager.default.enumerator(atPath: copy.path)?.compactMap { $0 as? String } ?? []
    for name in files where name.hasSuffix(".csv") || name.hasSuffix(".xml") {
      let url = copy.appendingPathComponent(name)
      var text = try String(contentsOf: url, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
        let range = Range(match.range, in: text)!
        let index = renumbered.firstIndex(of: String(text[range]))!
        text.replaceSubrange(range, with: "R\(index + 100)")
      }
      try Data(text.utf8).write(to: url)
    }
    let imported = try TierscanBinary.run(["workspace", "import", workspace, "--period", "2025-reexport", copy.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("(0 new to the workspace)"))
    #expect(imported.stdout.contains("0 retired (flag), 0 retained"))
    let diff = try TierscanBinary.run(["diff", "--workspace", workspace, "2025", "2025-reexport"])
    #expect(diff.stdout.contains("added: 0\nno longer reported: 0\nchanged: \(renumbered.count)\n"), "\(diff.stdout)")
    #expect(diff.stdout.contains("id GAR-BD → R"))
    let changes = diff.stdout.split(separator: "\n").filter { $0.hasPrefix("  W") }
    #expect(changes.count == renumbered.count && changes.allSatisfy { $0.contains("— id ") && !$0.contains("; ") })
  }
}
