import TierscanCore
import TierscanIngest

/// The judgement files given to `diff --judgements` (docs/entity-resolution.md §10): read like any
/// input (SPEC v3 §6), so a ragged row or an unknown decision is the same finding as in a scan.
public struct DiffJudgements: Sendable {
  /// The judgements, in input order (rows with errors are not among them).
  public var judgements: [Judgement]
  /// What reading found (printed by the CLI; errors do not stop the diff).
  public var findings: [Finding]

  /// Reads `paths`.
  ///
  /// - Throws: ``DiffError/notJudgements(path:kind:)`` when a file is not a judgements file.
  public init(paths: [String]) throws(DiffError) {
    let inputs = Ingestor().read(arguments: paths)
    if let other = inputs.files.first(where: { $0.kind != .judgements }) {
      throw .notJudgements(path: other.path, kind: other.kind.rawValue)
    }
    judgements = inputs.judgements
    findings = inputs.findings.findings
  }
}
