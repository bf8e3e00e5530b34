import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanReport
import TierscanTestSupport

/// `tierscan resolve` compares entities only: a relationships CSV among its inputs is recognised,
/// its rows are not read, one info `not-read` per file says so, and the candidates are those of
/// the same inputs without the file, and those of a run that reads it
/// (docs/entity-resolution.md §8). `scan` and `validate` read it as always.
@Suite struct ResolveRelationshipsNotReadTests {
  static let screening = "Tests/Fixtures/er/screening"

  /// `without`: the screening fixture's entities and risk list; `with`: the same plus its
  /// relationships, a relationships file full of errors (and a placeholder, `P-1`), one larger
  /// than the header probe's prefix, and a hostile one whose header names entity columns
  /// beside `from,to,type` (relationships for every command, so its `id`/`name` are edge
  /// attributes, never entities).
  static func inputs() throws -> (without: URL, with: URL, relationshipFiles: [String]) {
    let base = TestScratch.directory.appendingPathComponent("tierscan-resolve-rels-\(UUID().uuidString)")
    let without = base.appendingPathComponent("without")
    let with = base.appendingPathComponent("with")
    for directory in [without, with] {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for name in ["entities.csv", "risk-list.csv"] {
        try FileManager.default.copyItem(
          at: TierscanBinary.root.appendingPathComponent("\(screening)/\(name)"),
          to: directory.appendingPathComponent(name))
      }
    }
    try FileManager.default.copyItem(
      at: TierscanBinary.root.appendingPathComponent("\(screening)/relationships.csv"),
      to: with.appendingPathComponent("relationships.csv"))
    let broken = """
      from,to,type,share,confidence
      S-LEGAL,BUYER,sells,,
      S-AND,BUYER
      S-DUP,BUYER,owns,250,2
      P-1,S-LEGAL,supplies,,
      "S-OTHER,BUYER,supplies,,
      """
    try broken.write(to: with.appendingPathComponent("broken-relationships.csv"), atomically: true, encoding: .utf8)
    var large = "from,to,type,commodity\n"
    var row = 0
    while large.utf8.count < 3 << 16 {  // three times the header probe's 64 KiB prefix
      large += "S-\(["LEGAL", "AND", "DUP"][row % 3]),BUYER,supplies,cotton-\(row)\n"
      row += 1
    }
    try large.write(to: with.appendingPathComponent("tier2.csv"), atomically: true, encoding: .utf8)
    let hostile = """
      id,name,country,from,to,type
      S-LEGAL-2,Zhucheng Hengwei Clothing Co Ltd,CN,S-LEGAL,BUYER,supplies
      S-NEW,Shanghai Weijie Garment Co,CN,S-DUP,BUYER,supplies

      """
    try hostile.write(to: with.appendingPathComponent("odd-entities.csv"), atomically: true, encoding: .utf8)
    return (without, with, ["broken-relationships.csv", "odd-entities.csv", "relationships.csv", "tier2.csv"])
  }

  static func note(_ path: String) -> String {
    "\(path): info: not-read: a relationships file (from, to, type): its rows are not read, because resolve "
      + "compares entities only; they are not checked either (run `tierscan validate` for that)"
  }

  @Test func relationshipFilesAreNotedAndChangeNoCandidate() throws {
    let (without, with, relationshipFiles) = try Self.inputs()
    let outWithout = without.deletingLastPathComponent().appendingPathComponent("out-without")
    let outWith = with.deletingLastPathComponent().appendingPathComponent("out-with")
    let plain = try TierscanBinary.run(["resolve", without.path, "--out", outWithout.path])
    let noted = try TierscanBinary.run(["resolve", with.path, "--out", outWith.path])
    #expect(plain.status == 0, "\(plain.stderr)")
    // The broken file's errors are not seen: resolve's exit status covers what it read.
    #expect(noted.status == 0, "\(noted.stderr)")
    #expect(noted.stdout == plain.stdout)
    #expect(noted.stdout.contains("risk-list pairs 5"), "\(noted.stdout)")
    for name in ResolveOutput.fileNames {
      let a = try Data(contentsOf: outWithout.appendingPathComponent(name))
      let b = try Data(contentsOf: outWith.appendingPathComponent(name))
      #expect(a == b, "\(name) differs")
    }
    // One note per relationships file, in input order; otherwise the same findings.
    let notes = relationshipFiles.map { Self.note(with.appendingPathComponent($0).path) }
    let lines = noted.stderr.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.contains(": not-read: ") } == notes)
    #expect(!noted.stderr.contains("error:"), "\(noted.stderr)")
    #expect(!noted.stderr.contains("unknown-entity"))
    let others = lines.filter { !$0.contains(": not-read: ") }.map {
      $0.replacingOccurrences(of: with.path, with: without.path)
    }
    #expect(others == plain.stderr.split(separator: "\n").map(String.init))

    // validate reads every row as always: the broken file's errors, exit 2, no note. (Not the
    // large file: its thousands of `unknown-entity` warnings would fill the stderr pipe that
    // ``TierscanBinary/run(_:in:)`` reads after stdout.)
    let validated = try TierscanBinary.run([
      "validate", with.appendingPathComponent("entities.csv").path,
      with.appendingPathComponent("broken-relationships.csv").path,
    ])
    #expect(validated.status == 2)
    #expect(validated.stderr.contains("broken-relationships.csv:2: error: unknown-relationship-type"), "\(validated.stderr)")
    #expect(!validated.stderr.contains("not-read"))
  }

  /// In process: the report of the inputs read with and without the relationship rows is the
  /// same, byte for byte (placeholders are never compared; merges come from entity records and
  /// judgements), and only the note and the unread rows' findings differ.
  @Test func theReportIsTheOneOfARunThatReadsTheRows() throws {
    let (_, with, _) = try Self.inputs()
    func report(readingRows: Bool) throws -> (files: [(name: String, bytes: [UInt8])], findings: [Finding], graph: SupplyGraph) {
      var request = ScanRequest(inputs: [with.path])
      request.ingestOptions.readsRelationshipRows = readingRows
      let prepared = try ScanPipeline().prepare(request)
      let report = ResolveReport(
        graph: prepared.graph, riskList: prepared.inputs.riskList, judgements: prepared.judgements,
        config: prepared.config.config.matching, declarerPairs: prepared.declarerLinks.reviewPairs)
      return (ResolveOutput.files(report), prepared.findings, prepared.graph)
    }
    let read = try report(readingRows: true)
    let skipped = try report(readingRows: false)
    #expect(read.graph.relationshipCount > 1000)
    #expect(read.graph.index(of: "P-1") != nil)
    #expect(skipped.graph.relationshipCount == 0)
    #expect(read.files.map(\.name) == skipped.files.map(\.name))
    for (a, b) in zip(read.files, skipped.files) { #expect(a.bytes == b.bytes, "\(a.name) differs") }
    #expect(skipped.findings.filter { $0.rule == .notRead }.count == 4)
    #expect(read.findings.contains { $0.rule == .unknownEntity })
    #expect(!read.findings.contains { $0.rule == .notRead })
  }
}
