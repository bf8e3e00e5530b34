import Foundation
import Testing
import TierscanTestSupport

/// End-to-end tests of judgements kept in the workspace: `workspace judge`, `workspace
/// judgements import|export|list`, and their effect on every reading command with `--workspace`.
@Suite(.serialized) struct WorkspaceJudgementCommandTests {
  private let root = TierscanBinary.root
  /// The 2024 risk-list row that `name-fuzzy` matches to GAR-BD2-F1 (docs/entity-resolution.md §4).
  private let padmaRow = "list:Internal Audit Findings 2024|Padma Stitchworks Ltd."

  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-judgements-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func sampleWorkspace(_ directory: URL, name: String = "programme.tsws") throws -> String {
    let file = directory.appendingPathComponent(name).path
    #expect(try TierscanBinary.run(["workspace", "init", file]).status == 0)
    for year in ["2024", "2025"] {
      let imported = try TierscanBinary.run(["workspace", "import", file, "--period", year, "SampleData/\(year)", "--focus", "NWT"])
      #expect(imported.status == 0, "\(imported.stderr)")
    }
    return file
  }

  private func judgeNotSame(_ workspace: String, period: String = "2024") throws -> TierscanBinary.Output {
    try TierscanBinary.run([
      "workspace", "judge", workspace, "GAR-BD2-F1", padmaRow, "not_same", "--reviewer", "J. Doe", "--decided-on",
      "2025-01-15", "--reason", "finding concerned the Dhaka head office only", "--period", period,
    ])
  }

  @Test func aRecordedNotSameSuppressesTheMatchLikeAJudgementsFile() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let judged = try judgeNotSame(workspace)
    #expect(judged.status == 0, "\(judged.stderr)")
    #expect(judged.stdout.hasPrefix("recorded J1 2024: GAR-BD2-F1 not_same \(padmaRow) (J. Doe, 2025-01-15: "))

    // Without the judgement GAR-BD2-F1 has the name-fuzzy exposure; with it, not.
    let plain = directory.appendingPathComponent("plain")
    #expect(try TierscanBinary.run(["scan", "SampleData/2024", "--focus", "NWT", "--out", plain.path]).status == 0)
    let plainExposures = try String(contentsOf: plain.appendingPathComponent("exposures.csv"), encoding: .utf8)
    #expect(plainExposures.contains("\nGAR-BD2-F1,"))

    let stored = directory.appendingPathComponent("stored")
    let fromStore = try TierscanBinary.run([
      "scan", "--workspace", workspace, "--period", "2024", "--focus", "NWT", "--out", stored.path,
    ])
    #expect(fromStore.status == 0, "\(fromStore.stderr)")
    #expect(fromStore.stderr.contains("\(workspace) [/judgements/1]: info: judgement-suppressed: name-fuzzy match of 'Padma Stitchworks Ltd.'"))
    let storedExposures = try String(contentsOf: stored.appendingPathComponent("exposures.csv"), encoding: .utf8)
    #expect(!storedExposures.contains("\nGAR-BD2-F1,"))
    let manifest = try String(contentsOf: stored.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"import\": 1,\n    \"judgements\": 1\n"))

    // The same as scanning the files plus the exported judgements file.
    let exported = directory.appendingPathComponent("judgements.csv")
    let export = try TierscanBinary.run(["workspace", "judgements", "export", workspace, "--period", "2024", "--out", exported.path])
    #expect(export.status == 0 && export.stdout == "wrote 1 judgement(s) in force for period 2024 to \(exported.path)\n")
    let files = directory.appendingPathComponent("files")
    let fromFiles = try TierscanBinary.run(["scan", "SampleData/2024", exported.path, "--focus", "NWT", "--out", files.path])
    #expect(fromFiles.status == 0, "\(fromFiles.stderr)")
    for name in ["exposures.csv", "coverage.json", "paths.json"] {
      let a = try Data(contentsOf: files.appendingPathComponent(name))
      let b = try Data(contentsOf: stored.appendingPathComponent(name))
      #expect(a == b, "\(name) differs")
    }
    #expect(fromFiles.stderr.contains("\(exported.path):2: info: judgement-suppressed: name-fuzzy match of 'Padma Stitchworks Ltd.'"))
  }

  @Test func aJudgementAppliesFromItsPeriodOnAndIsReportedStaleWhereItsEntityIsGone() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    #expect(try judgeNotSame(workspace, period: "2025").stdout.contains(
      "note: GAR-BD2-F1 is not in period 2025; reading that period reports the judgement as stale"))
    // 2024 precedes the judgement's period: its scan is unchanged.
    let before = directory.appendingPathComponent("2024")
    let early = try TierscanBinary.run(["scan", "--workspace", workspace, "--period", "2024", "--focus", "NWT", "--out", before.path])
    #expect(!early.stderr.contains("judgement"))
    #expect(try String(contentsOf: before.appendingPathComponent("exposures.csv"), encoding: .utf8).contains("\nGAR-BD2-F1,"))
    #expect(!(try String(contentsOf: before.appendingPathComponent("manifest.json"), encoding: .utf8)).contains("\"judgements\":"))
    // 2025 no longer has GAR-BD2-F1 (retired): the judgement is stale there, every reading command says so.
    for command in [["scan", "--focus", "NWT"], ["validate"], ["export", "--format", "json"]] {
      var arguments = [command[0], "--workspace", workspace, "--period", "2025"] + command.dropFirst()
      if command[0] == "scan" { arguments += ["--out", directory.appendingPathComponent("2025").path] }
      if command[0] == "export" { arguments += ["--out", directory.appendingPathComponent("graph.json").path] }
      let run = try TierscanBinary.run(arguments)
      #expect(
        run.stderr.contains("\(workspace) [/judgements/1]: warning: stale-judgement: judgement names 'GAR-BD2-F1', not in the inputs; not applied"),
        "\(command[0]): \(run.stderr)")
    }
  }

  @Test func exportAndImportRoundTripByteForByte() throws {
    let directory = try temporaryDirectory()
    let first = try sampleWorkspace(directory, name: "first.tsws")
    // A canonical judgements file: quoted cells, a quote, an extra column, an empty reviewer.
    let text = """
      left,right,decision,reviewer,decided_on,reason,ticket
      GAR-BD2-F1,\(padmaRow),not_same,J. Doe,2025-01-15,"head office only, not the factory",T-17
      GAR-BD2,GAR-BD,unsure,,2025-02-01,"same owner? ""Padma"" group",
      EMS-PEN,"list:Internal Audit Findings 2024|Penang, Kinta",same,A. Roe,,,T-19

      """
    let original = directory.appendingPathComponent("original.csv")
    try Data(text.utf8).write(to: original)
    let imported = try TierscanBinary.run(["workspace", "judgements", "import", first, original.path, "--period", "2024"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("judgements from \(original.path): 3 recorded for period 2024, 0 already in force\n"))
    let again = try TierscanBinary.run(["workspace", "judgements", "import", first, original.path, "--period", "2024"])
    #expect(again.stdout.hasPrefix("judgements from \(original.path): 0 recorded for period 2024, 3 already in force\n"))

    let exported = try TierscanBinary.run(["workspace", "judgements", "export", first, "--period", "2024"])
    #expect(exported.status == 0 && exported.stdout == text, "\(exported.stdout)")
    // Into a second workspace and out again: the same bytes.
    let second = try sampleWorkspace(directory, name: "second.tsws")
    let copy = directory.appendingPathComponent("copy.csv")
    try Data(exported.stdout.utf8).write(to: copy)
    #expect(try TierscanBinary.run(["workspace", "judgements", "import", second, copy.path, "--period", "2024"]).status == 0)
    #expect(try TierscanBinary.run(["workspace", "judgements", "export", second, "--period", "2025"]).stdout == text)

    // A later judgement about the same pair (either way round) replaces it from its period on.
    let later = try TierscanBinary.run([
      "workspace", "judge", first, "GAR-BD", "GAR-BD2", "not_same", "--reviewer", "A. Roe", "--decided-on", "2025-06-30",
    ])
    #expect(later.status == 0, "\(later.stderr)")
    #expect(try TierscanBinary.run(["workspace", "judgements", "export", first, "--period", "2024"]).stdout == text)
    let in2025 = try TierscanBinary.run(["workspace", "judgements", "export", first]).stdout
    #expect(in2025.contains("\nGAR-BD,GAR-BD2,not_same,A. Roe,2025-06-30,,\n") && !in2025.contains("unsure"))
    let list = try TierscanBinary.run(["workspace", "judgements", "list", first])
    #expect(list.stdout.hasSuffix("J4 2025: GAR-BD not_same GAR-BD2 (A. Roe, 2025-06-30) from judge\n4 judgement(s)\n"))
    #expect(list.stdout.contains("from \(original.path):3\n"))
  }

  @Test func aJudgementsFileWithAnErrorRecordsNothing() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let bad = directory.appendingPathComponent("bad.csv")
    try Data("left,right,decision\nGAR-BD,GAR-BD2,same\nGAR-BD,GAR-BD,same\nNWT,BWN,maybe\n".utf8).write(to: bad)
    let run = try TierscanBinary.run(["workspace", "judgements", "import", workspace, bad.path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(bad.path):3: error: self-judgement:"))
    #expect(run.stderr.contains("\(bad.path):4: error: invalid-decision:"))
    #expect(run.stderr.contains("has errors; no judgement recorded"))
    #expect(try TierscanBinary.run(["workspace", "judgements", "list", workspace]).stdout == "0 judgement(s)\n")
    let notJudgements = try TierscanBinary.run([
      "workspace", "judgements", "import", workspace, root.appendingPathComponent("SampleData/2025/entities.csv").path,
    ])
    #expect(notJudgements.status == 64 && notJudgements.stderr.contains("not a judgements file (read as entities)"))
  }

  @Test func judgeRefusesWhatItCannotRecord() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    let cases: [([String], String)] = [
      (["GAR-XX", "NWT", "same", "--reviewer", "a", "--decided-on", "2025-01-01"], "GAR-XX: no entity id or alias"),
      (["GAR-BD", "GAR-BD2", "maybe", "--reviewer", "a", "--decided-on", "2025-01-01"], "decision 'maybe'"),
      (["GAR-BD", "GAR-BD", "same", "--reviewer", "a", "--decided-on", "2025-01-01"], "both name 'GAR-BD'"),
      (["GAR-BD", "GAR-BD2", "same", "--reviewer", "a", "--decided-on", "15.01.2025"], "not an ISO date"),
      (["GAR-BD", "GAR-BD2", "same", "--reviewer", "", "--decided-on", "2025-01-01"], "--reviewer"),
      (["GAR-BD", "GAR-BD2", "same", "--reviewer", "a", "--decided-on", "2025-01-01", "--period", "2026"], "no import for period 2026"),
    ]
    for (arguments, message) in cases {
      let run = try TierscanBinary.run(["workspace", "judge", workspace] + arguments)
      #expect(run.status == 64 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    #expect(try TierscanBinary.run(["workspace", "judgements", "list", workspace]).stdout == "0 judgement(s)\n")
  }

  @Test func historyAndTheReviewPageShowWorkspaceJudgements() throws {
    let directory = try temporaryDirectory()
    let workspace = try sampleWorkspace(directory)
    #expect(try judgeNotSame(workspace).status == 0)
    let history = try TierscanBinary.run(["workspace", "history", workspace, "GAR-BD2-F1"])
    #expect(history.stdout.contains("\n  judgement J1 2024: GAR-BD2-F1 not_same \(padmaRow) (J. Doe, 2025-01-15: "))
    // `resolve --workspace` writes the review page with the workspace's judgements applied.
    let before = try TierscanBinary.run(["resolve", "SampleData/2024", "--out", directory.appendingPathComponent("r0").path])
    let after = try TierscanBinary.run([
      "resolve", "--workspace", workspace, "--period", "2024", "--out", directory.appendingPathComponent("r1").path,
    ])
    #expect(before.status == 0 && after.status == 0, "\(after.stderr)")
    #expect(before.stdout.contains("suppressed by not_same judgements: 0"))
    #expect(after.stdout.contains("suppressed by not_same judgements: 1"), "\(after.stdout)")
    let page = try String(contentsOf: directory.appendingPathComponent("r0/review.html"), encoding: .utf8)
    let judged = try String(contentsOf: directory.appendingPathComponent("r1/review.html"), encoding: .utf8)
    #expect(page.contains("Padma Stitchworks Gazipur Factory") && page != judged)
  }
}
