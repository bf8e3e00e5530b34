import TierscanCore

/// Writes judgements in the judgements file format (docs/entity-resolution.md §5) that
/// `workspace judgements export` produces and every reader of the `judgements` kind reads back.
///
/// The header is `left,right,decision,reviewer,decided_on,reason`, then every extra column the
/// judgements carry, in first-seen order; LF line endings; a cell is quoted only when it holds a
/// comma, quote, CR or LF (quotes doubled). Values are written exactly as recorded — not
/// neutralised against spreadsheet formulas as tierscan's report CSVs are — so the file reads
/// back to the same judgements and exporting them again gives the same bytes.
enum JudgementFileWriter {
  static let columns = ["left", "right", "decision", "reviewer", "decided_on", "reason"]

  /// The file's bytes.
  static func bytes(_ judgements: [Judgement]) -> [UInt8] {
    var extra: [String] = []
    var seen = Set(columns)
    for judgement in judgements {
      for attribute in judgement.attributes where seen.insert(attribute.key).inserted { extra.append(attribute.key) }
    }
    var out: [UInt8] = []
    row(columns + extra, into: &out)
    for judgement in judgements {
      var cells = [
        judgement.left, judgement.right, judgement.decision.rawValue, judgement.reviewer ?? "", judgement.decidedOn ?? "",
        judgement.reason ?? "",
      ]
      for key in extra { cells.append(judgement.attributes.first { $0.key == key }?.value ?? "") }
      row(cells, into: &out)
    }
    return out
  }

  private static func row(_ cells: [String], into out: inout [UInt8]) {
    for (i, cell) in cells.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      let needsQuotes = cell.utf8.contains { (byte: UInt8) -> Bool in
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 13 || byte == 10
      }
      guard needsQuotes else {
        out.append(contentsOf: cell.utf8)
        continue
      }
      out.append(UInt8(ascii: "\""))
      for byte in cell.utf8 {
        out.append(byte)
        if byte == UInt8(ascii: "\"") { out.append(byte) }
      }
      out.append(UInt8(ascii: "\""))
    }
    out.append(10)
  }
}
