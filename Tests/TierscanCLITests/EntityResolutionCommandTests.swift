import Foundation
import Testing
import TierscanTestSupport

/// End to end: the `name-fuzzy` rule on listed suppliers whose names differ only in legal form,
/// punctuation, `&`/`and`, accents or a bracketed place; a `not_same` judgement suppressing it on
/// the next run, visibly; hostile judgement files; `tierscan resolve` (Tests/Fixtures/er).
@Suite(.serialized) struct EntityResolutionCommandTests {
  static let screening = "Tests/Fixtures/er/screening"
  static let judgements = "Tests/Fixtures/er/judgements"

  static func temporary(_ name: String) -> URL {
    TestScratch.directory.appendingPathComponent("tierscan-er-\(name)-\(UUID().uuidString)")
  }

  static func scan(_ extra: [String]) throws -> (TierscanBinary.Output, exposures: String, paths: String, quality: String) {
    let out = temporary("scan")
    let result = try TierscanBinary.run(["scan", screening] + extra + ["--focus", "BUYER", "--out", out.path])
    func read(_ name: String) throws -> String {
      try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
    }
    return (result, try read("exposures.csv"), try read("paths.json"), try read("quality.json"))
  }

  @Test func variantsAreFoundAndANotSameJudgementSuppressesOneVisibly() throws {
    let first = try Self.scan([])
    #expect(first.0.status == 0, "\(first.0.stderr)")
    for id in ["S-LEGAL", "S-AND", "S-ACCENT", "S-PLACE", "S-PUNCT"] {
      #expect(first.exposures.contains("\n\(id),"), "\(id) is not flagged")
    }
    #expect(!first.exposures.contains("\nS-OTHER,"))
    #expect(first.paths.contains("\"rule\": \"name-fuzzy\""))
    #expect(first.paths.contains("\"features\""))
    #expect(first.0.stderr.contains("warning: possible-duplicate: 'S-DUP'"))

    let second = try Self.scan(["\(Self.judgements)/judgements.csv"])
    #expect(second.0.status == 0, "\(second.0.stderr)")
    #expect(!second.exposures.contains("\nS-LEGAL,"))
    #expect(second.exposures.contains("\nS-AND,"))
    #expect(
      second.0.stderr.contains(
        "Tests/Fixtures/er/judgements/judgements.csv:2: info: judgement-suppressed: name-fuzzy match of "
          + "'Zhucheng Hengwei Clothing Co Ltd'"))
    #expect(second.quality.contains("\"suppressed\""))
    #expect(second.0.stderr.contains("judgements.csv:3: info: judgement-suppressed: possible duplicate"))
    #expect(!second.0.stderr.contains("possible-duplicate"))
  }

  @Test func hostileJudgementsAreFindings() throws {
    let result = try TierscanBinary.run(["validate", Self.screening, "\(Self.judgements)/hostile-judgements.csv"])
    #expect(result.status == 2)
    let file = "Tests/Fixtures/er/judgements/hostile-judgements.csv"
    #expect(result.stderr.contains("\(file):2: error: invalid-decision: decision 'maybe'"))
    #expect(result.stderr.contains("\(file):3: error: ragged-row"))
    #expect(result.stderr.contains("\(file):4: warning: stale-judgement: judgement names 'S-GONE' and 'list:Test WRO|Nobody Ltd'"))
    #expect(result.stderr.contains("\(file):6: error: contradictory-judgement"))
    #expect(result.stderr.contains("\(file):7: error: self-judgement"))
    #expect(result.stderr.contains("\(file):8: warning: invalid-date"))
  }

  @Test func sameJudgementMergesAndIsRecordedInSources() throws {
    let result = try TierscanBinary.run(["export", Self.screening, "\(Self.judgements)/merge.csv", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"file\": \"Tests/Fixtures/er/judgements/merge.csv\""))
    #expect(!result.stdout.contains("possible_same_as"))
    let unjudged = try TierscanBinary.run(["export", Self.screening, "--format", "json"])
    #expect(unjudged.stdout.contains("\"possible_same_as\""))
  }

  @Test func resolveWritesCandidatesAndReview() throws {
    let out = Self.temporary("resolve")
    let result = try TierscanBinary.run(["resolve", Self.screening, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("risk-list pairs 5"))
    let candidates = try String(contentsOf: out.appendingPathComponent("candidates.csv"), encoding: .utf8)
    let lines = candidates.split(separator: "\n")
    #expect(lines.first?.hasPrefix("cluster,kind,left_id,left_name") == true)
    // Risk-list clusters come first; the duplicate pair is last.
    #expect(lines.dropFirst().prefix(5).allSatisfy { $0.contains(",risk-list,") })
    #expect(lines.last?.contains(",duplicate,S-DUP,") == true)
    let html = try String(contentsOf: out.appendingPathComponent("review.html"), encoding: .utf8)
    #expect(html.contains("S-LEGAL,list:Test WRO|Zhucheng Hengwei Clothing Co Ltd,not_same,,,"))
    #expect(!html.contains("<script"))
    // With the judgements, the judged pairs leave the review.
    let judged = Self.temporary("resolve-judged")
    let again = try TierscanBinary.run(
      ["resolve", Self.screening, "\(Self.judgements)/judgements.csv", "--out", judged.path])
    #expect(again.stdout.contains("suppressed by not_same judgements: 2"))
  }

  @Test func aLargeCandidateSetIsCappedAndSaidSo() throws {
    // 3,000 entities with one name in one country: 4.5 million possible pairs. The blocks are over
    // the cap, so nothing is compared, and the run says so instead of going quadratic.
    let directory = Self.temporary("large")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var text = "id,name,country\n"
    for i in 0..<3000 { text += "E\(i),Acme Textile Co Ltd,CN\n" }
    try Data(text.utf8).write(to: directory.appendingPathComponent("entities.csv"))
    let out = Self.temporary("large-out")
    let result = try TierscanBinary.run(["resolve", directory.path, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("largest 3000"))
    #expect(result.stderr.contains("info: duplicate-blocks-skipped"))
  }
}
