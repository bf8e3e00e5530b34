import Foundation
import TierscanCore
import TierscanMatch

/// The files of `tierscan resolve --out DIR` (docs/entity-resolution.md §8): `candidates.csv`,
/// `blocks.csv`, `review.html` and `summary.txt`, written atomically; byte-deterministic.
public enum ResolveOutput {
  /// Every file resolve writes.
  public static let fileNames = ["blocks.csv", "candidates.csv", "review.html", "summary.txt"]

  /// `candidates.csv` header.
  public static let candidateHeader = [
    "cluster", "kind", "left_id", "left_name", "left_country", "left_address", "right_id", "right_name",
    "right_country", "right_address", "similarity", "decision", "judgement", "features", "judgement_same",
    "judgement_not_same",
  ]

  /// One row per candidate, in report order.
  public static func candidatesCSV(_ report: ResolveReport) -> String {
    String(decoding: candidatesCSVBytes(report), as: UTF8.self)
  }

  /// ``candidatesCSV(_:)``'s bytes: the same as ``candidatesCSVWithCSVWriter(_:)``, written
  /// straight into one buffer (``OutputBytes``), without a `String` per cell.
  static func candidatesCSVBytes(_ report: ResolveReport) -> [UInt8] {
    var out = OutputBytes(capacity: 256 + report.candidates.count * 400)
    for (i, field) in candidateHeader.enumerated() {
      if i > 0 { out.append(",") }
      out.appendCSVCell(field)
    }
    out.append("\n")
    var line = OutputBytes(capacity: 256)
    // Read in place: a loop variable would copy each candidate, retaining and releasing its
    // dozen strings and arrays.
    report.candidates.withUnsafeBufferPointer { candidates in
      for i in candidates.indices { appendCandidateRow(candidates[i], to: &out, line: &line) }
    }
    return out.bytes
  }

  /// One row of `candidates.csv` (`line`: scratch for the judgement lines).
  private static func appendCandidateRow(
    _ c: borrowing ResolveCandidate, to out: inout OutputBytes, line: inout OutputBytes
  ) {
    func appendRecord(_ r: borrowing MatchRecord, to out: inout OutputBytes) {
      out.appendCSVCell(r.key)
      out.append(",")
      out.appendCSVCell(r.name)
      out.append(",")
      out.appendCSVCell(r.country ?? "")
      out.append(",")
      out.appendCSVCell(r.address ?? "")
      out.append(",")
    }
    out.appendCSVCell(String(c.cluster))
    out.append(",")
    out.appendCSVCell(c.kind.rawValue)
    out.append(",")
    appendRecord(c.left, to: &out)
    appendRecord(c.right, to: &out)
    out.appendCSVCell(CSVWriter.score(MatchFeatures.rounded(c.features.similarity)))
    out.append(",")
    out.appendCSVCell(c.decision.rawValue)
    out.append(",")
    if let judgement = c.judgement {
      out.appendCSVCell("\(judgement.decision.rawValue) \(judgement.provenance.description)")
    }
    out.append(",")
    out.appendCSVCell(c.features.summary)
    out.append(",")
    ResolveCandidate.writeJudgementLine(c.left.key, c.right.key, .same, into: &line)
    out.appendCSVCell(contentsOf: line)
    out.append(",")
    ResolveCandidate.writeJudgementLine(c.left.key, c.right.key, .notSame, into: &line)
    out.appendCSVCell(contentsOf: line)
    out.append("\n")
  }

  /// The reference rendering of `candidates.csv` through ``CSVWriter`` (kept for tests of
  /// ``candidatesCSVBytes(_:)``).
  static func candidatesCSVWithCSVWriter(_ report: ResolveReport) -> String {
    var writer = CSVWriter(header: candidateHeader)
    for c in report.candidates {
      writer.writeRow([
        String(c.cluster), c.kind.rawValue, c.left.key, c.left.name, c.left.country ?? "", c.left.address ?? "",
        c.right.key, c.right.name, c.right.country ?? "", c.right.address ?? "",
        CSVWriter.score(MatchFeatures.rounded(c.features.similarity)), c.decision.rawValue,
        c.judgement.map { "\($0.decision.rawValue) \($0.provenance.description)" } ?? "", c.features.summary,
        c.judgementLine(.same), c.judgementLine(.notSame),
      ])
    }
    return writer.text
  }

  /// One row per block of two or more entities of the entity comparison, largest first (a block
  /// of one compares nothing; a million entities make millions of them; the summary counts all).
  public static func blocksCSV(_ report: ResolveReport) -> String {
    String(decoding: blocksCSVBytes(report), as: UTF8.self)
  }

  /// ``blocksCSV(_:)``'s bytes: the same as ``blocksCSVWithCSVWriter(_:)``, written straight into
  /// one buffer (``OutputBytes``; ~190,000 rows at a million entities).
  static func blocksCSVBytes(_ report: ResolveReport) -> [UInt8] {
    var out = OutputBytes(capacity: 64 + report.blocks.count * 20)
    out.append("key,size,compared\n")
    report.blocks.withUnsafeBufferPointer { blocks in
      for block in blocks where block.size > 1 {
        out.appendCSVCell(block.key)
        out.append(",")
        out.append(integer: block.size)  // above 1: the digits of `String(size)`, no cell rule applies
        out.append(block.compared ? ",true\n" : ",false\n")
      }
    }
    return out.bytes
  }

  /// The reference rendering of `blocks.csv` through ``CSVWriter`` (kept for tests of
  /// ``blocksCSVBytes(_:)``).
  static func blocksCSVWithCSVWriter(_ report: ResolveReport) -> String {
    var writer = CSVWriter(header: ["key", "size", "compared"])
    for block in report.blocks where block.size > 1 {
      writer.writeRow([block.key, String(block.size), block.compared ? "true" : "false"])
    }
    return writer.text
  }

  /// The figures printed on stdout and written to `summary.txt`.
  public static func summary(_ report: ResolveReport) -> String {
    // Counted in one pass over the candidates, read in place (filtering copies every candidate
    // with its records' strings: a fifth of a second at a million entities, twice per run).
    var decisions = [Int](repeating: 0, count: MatchDecision.allCases.count)
    var riskList = 0
    var clusterSeen = Set<Int>()
    report.candidates.withUnsafeBufferPointer { candidates in
      for c in candidates {
        decisions[MatchDecision.allCases.firstIndex(of: c.decision)!] += 1
        if c.kind == .riskList { riskList += 1 }
        clusterSeen.insert(c.cluster)
      }
    }
    let byDecision = MatchDecision.allCases.indices.reversed().map { d in
      "\(MatchDecision.allCases[d].rawValue) \(decisions[d])"
    }
    let clusters = clusterSeen.count
    return """
      entities: \(report.entityCount)
      blocks: \(report.stats.blocks) (largest \(report.stats.largestBlock): \(report.stats.largestKey.isEmpty ? "-" : report.stats.largestKey); \
      skipped over the cap: \(report.stats.skippedBlocks); entities without a blocking key: \(report.stats.recordsWithoutKeys))
      entity pairs considered (top candidates by shared keys, before the bound and the gate): \(report.comparisons)
      candidates: \(report.candidates.count) in \(clusters) clusters (\(byDecision.joined(separator: ", ")); risk-list pairs \(riskList); \
      suppressed by not_same judgements: \(report.suppressed))

      """
  }

  /// The output files and their bytes, in name order. The three large files are rendered side by
  /// side (``ParallelWork``): each depends on the report only.
  public static func files(_ report: ResolveReport) -> [(name: String, bytes: [UInt8])] {
    let rendered = ParallelWork.each(count: 3) { part -> [UInt8] in
      switch part {
      case 0: ResolveReviewHTML.bytes(report)
      case 1: candidatesCSVBytes(report)
      default: blocksCSVBytes(report)
      }
    }
    return [
      ("blocks.csv", rendered[2]), ("candidates.csv", rendered[1]), ("review.html", rendered[0]),
      ("summary.txt", Array(summary(report).utf8)),
    ]
  }

  /// Writes the files into `directory` atomically.
  ///
  /// - Throws: ``OutputDirectoryError`` (an input directory, a directory with other files …).
  public static func write(_ report: ResolveReport, to directory: URL, inputs: [URL]) throws(OutputDirectoryError) {
    try AtomicDirectory.write(files(report), to: directory, inputs: inputs, ownedNames: Set(fileNames))
  }
}
