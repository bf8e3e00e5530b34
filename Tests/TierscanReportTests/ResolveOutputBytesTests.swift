import Foundation
import Testing
import TierscanCore
import TierscanMatch
import TierscanTestSupport

@testable import TierscanReport

/// `tierscan resolve` writes `candidates.csv`, `blocks.csv` and `review.html` straight into byte
/// buffers (``OutputBytes``): the bytes must be those of the string renderings they replace
/// (``ResolveOutput/candidatesCSVWithCSVWriter(_:)``, ``ResolveOutput/blocksCSVWithCSVWriter(_:)``,
/// ``ResolveReviewHTML/renderWithStrings(_:)``), for every text a record, key or judgement may
/// hold: markup characters, CSV quoting and formula neutralising, controls, DEL, non-ASCII.
@Suite struct ResolveOutputBytesTests {
  /// Pieces that exercise every branch of the CSV and HTML escapes.
  static let pieces = [
    "a", "Z9", " ", ",", "\"", "'", "&", "<", ">", "\r", "\n", "\r\n", "\t", "=", "+", "-", "@", "\u{01}", "\u{1F}",
    "\u{7F}", "é", "·", "→", "株式会社", "🏭", "\u{2028}", "&amp;",
  ]

  static func text(_ rng: inout SplitMix64) -> String {
    (0..<Int.random(in: 0...6, using: &rng)).map { _ in
      Int.random(in: 0..<3, using: &rng) == 0 ? pieces.randomElement(using: &rng)! : ["ab", "Co", "1", "."].randomElement(using: &rng)!
    }.joined()
  }

  static func record(_ record: MatchRecord, _ rng: inout SplitMix64) -> MatchRecord {
    var record = record
    record.key = text(&rng)
    record.name = text(&rng)
    record.country = Bool.random(using: &rng) ? text(&rng) : nil
    record.address = Bool.random(using: &rng) ? text(&rng) : nil
    return record
  }

  /// A report of a real run (risk-list, duplicate and no pairs), then with random texts, kinds,
  /// decisions, similarities, flags, judgements, clusters and blocks.
  static func randomReport(seed: UInt64, from report: ResolveReport) -> ResolveReport {
    var rng = SplitMix64(seed: seed)
    var report = report
    let kinds: [ResolveCandidate.Kind] = [.riskList, .duplicate, .declarer]
    var cluster = 1
    report.candidates = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
      var c = report.candidates.randomElement(using: &rng)!
      c.left = record(c.left, &rng)
      c.right = record(c.right, &rng)
      c.kind = kinds.randomElement(using: &rng)!
      c.decision = MatchDecision.allCases.randomElement(using: &rng)!
      c.features.similarity = [0, 1, 0.5, 0.76549, 1e-5, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)!
      c.features.qualifierConflict = Bool.random(using: &rng)
      c.features.unitDifference = Bool.random(using: &rng)
      c.features.address = Bool.random(using: &rng) ? Double.random(in: 0...1, using: &rng) : nil
      c.judgement =
        Int.random(in: 0..<3, using: &rng) == 0
        ? Judgement(
          left: c.left.key, right: c.right.key, decision: Judgement.Decision.allCases.randomElement(using: &rng)!,
          provenance: Provenance(file: text(&rng) + ".csv", line: Int.random(in: 1...20_000, using: &rng)))
        : nil
      if Int.random(in: 0..<3, using: &rng) == 0 { cluster += Int.random(in: 1...900, using: &rng) }
      c.cluster = cluster
      return c
    }
    report.blocks = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
      (key: text(&rng), size: Int.random(in: 0...20_000, using: &rng), compared: Bool.random(using: &rng))
    }
    return report
  }

  /// A real report of the gate-first test's inputs: risk-list and duplicate pairs.
  static func realReport() throws -> ResolveReport {
    let dir = try ResolveRiskListGateFirstTests.inputs(seed: 3)
    defer { try? FileManager.default.removeItem(at: dir) }
    let prepared = try ScanPipeline().prepare(ScanRequest(inputs: [dir.path]))
    return ResolveReport(
      graph: prepared.graph, riskList: prepared.inputs.riskList, judgements: prepared.judgements,
      config: MatchConfig(possible: 0.6))
  }

  @Test func filesAreTheStringRenderings() throws {
    let real = try Self.realReport()
    #expect(real.candidates.contains { $0.kind == .riskList } && real.candidates.contains { $0.kind == .duplicate })
    #expect(real.blocks.contains { $0.size > 1 })
    var reports = [real]
    var empty = real
    empty.candidates = []
    empty.blocks = []
    reports.append(empty)
    for seed in 0..<UInt64(60) { reports.append(Self.randomReport(seed: seed, from: real)) }
    for (n, report) in reports.enumerated() {
      #expect(ResolveReviewHTML.bytes(report) == Array(ResolveReviewHTML.renderWithStrings(report).utf8), "review.html \(n)")
      #expect(
        ResolveOutput.candidatesCSVBytes(report) == Array(ResolveOutput.candidatesCSVWithCSVWriter(report).utf8),
        "candidates.csv \(n)")
      #expect(ResolveOutput.blocksCSVBytes(report) == Array(ResolveOutput.blocksCSVWithCSVWriter(report).utf8), "blocks.csv \(n)")
    }
  }

  /// Every ASCII character and some that are not, alone and in company, escape as
  /// ``MarkupText/html(_:)`` escapes them.
  @Test func htmlEscapeIsMarkupText() {
    var texts = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }
    texts += Self.pieces
    var rng = SplitMix64(seed: 7)
    for _ in 0..<500 { texts.append(Self.text(&rng)) }
    for text in texts {
      var out = OutputBytes()
      out.appendHTML(text)
      #expect(out.bytes == Array(MarkupText.html(text).utf8), "\(Array(text.utf8))")
    }
  }
}
