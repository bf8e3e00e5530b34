import TierscanCore

/// A reviewer judgement recorded in the workspace (docs/workspace.md, "Judgements").
///
/// It applies to its ``period`` and every later period (by label order) until a later judgement
/// about the same pair (either way round) replaces it. Every reading command with
/// `--workspace` hands the judgements in force for its period to the pipeline after the
/// period's own judgement files, cited as `WORKSPACE [/judgements/N]`.
public struct StoredJudgement: Sendable, Hashable, CustomStringConvertible {
  /// The judgement's number in the workspace (`J7`); later numbers replace earlier ones for
  /// the same pair.
  public var number: Int64
  /// The first period it applies to.
  public var period: String
  /// The decision, sides, reviewer, date as given, reason and extra columns; its provenance is
  /// the workspace entry.
  public var judgement: Judgement
  /// Where it was recorded from: `judge` (the command line) or `FILE:LINE` of an imported
  /// judgements file.
  public var origin: String

  /// `J7 2025: LEFT same RIGHT (reviewer, date: reason) from ORIGIN`.
  public var description: String {
    let j = judgement
    var text = "J\(number) \(period): \(j.left) \(j.decision.rawValue) \(j.right)"
    let who = [j.reviewer, j.decidedOn].compactMap { $0 }.joined(separator: ", ")
    if !who.isEmpty || j.reason != nil { text += " (\(who)\(j.reason.map { (who.isEmpty ? "" : ": ") + $0 } ?? ""))" }
    return text + " from \(origin)"
  }

  /// The pair the judgement is about, either way round.
  var pair: JudgementPair { JudgementPair(judgement.left, judgement.right) }

  /// The workspace entry a finding about it cites: `FILE [/judgements/N]`.
  static func provenance(workspace: String, number: Int64) -> Provenance {
    Provenance(file: workspace, pointer: "/judgements/\(number)")
  }
}

/// Two judgement sides without their order (`A same B` and `B not_same A` are about one pair).
struct JudgementPair: Hashable {
  let first: String
  let second: String

  init(_ a: String, _ b: String) {
    if a.utf8Precedes(b) { (first, second) = (a, b) } else { (first, second) = (b, a) }
  }
}
