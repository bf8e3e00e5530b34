import TierscanCore
import TierscanMatch

/// One candidate pair of `tierscan resolve`: two entities that may be one (`duplicate`), a CMRT
/// declarer and an entity it may be (`cmrt-declarer`), or an entity and a risk-list row that may
/// name it (`risk-list`).
public struct ResolveCandidate: Sendable {
  /// What kind of pair this is.
  public enum Kind: String, Sendable {
    case riskList = "risk-list"
    case duplicate
    /// A CMRT declaring company (left) and an entity it may be (`declarer-possible-link`).
    case declarer = "cmrt-declarer"
  }

  public var kind: Kind
  /// The entity (left) and the other entity or the row (right), as records.
  public var left: MatchRecord
  public var right: MatchRecord
  public var decision: MatchDecision
  public var features: MatchFeatures
  /// The reviewer judgement about this pair, if any (`unsure`; `not_same` pairs are left out).
  public var judgement: Judgement?
  /// The cluster the pair belongs to (1-based; clusters are connected components of pairs).
  public var cluster = 0

  /// A judgement line to paste into a judgements CSV, with `decision` filled in.
  public func judgementLine(_ decision: Judgement.Decision) -> String {
    var writer = CSVWriterLine()
    return writer.line([left.key, right.key, decision.rawValue, "", "", ""])
  }

  /// Replaces `line`'s bytes with ``judgementLine(_:)`` of the pair `left`, `right` (the output
  /// renderers write it without building the `String`).
  static func writeJudgementLine(
    _ left: String, _ right: String, _ decision: Judgement.Decision, into line: inout OutputBytes
  ) {
    line.removeAll()
    line.appendCSVCell(left)
    line.append(",")
    line.appendCSVCell(right)
    line.append(",")
    line.appendCSVCell(decision.rawValue)
    line.append(",,,")
  }
}

/// One CSV line (no header, no newline) through ``CSVWriter``'s quoting and neutralisation.
struct CSVWriterLine {
  mutating func line(_ fields: [String]) -> String { fields.map(CSVWriter.cell).joined(separator: ",") }
}
