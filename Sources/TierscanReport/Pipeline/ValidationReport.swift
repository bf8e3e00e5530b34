import TierscanCore
import TierscanIngest

/// What `tierscan validate` reports: one line per input file and a summary (model §4).
///
/// Built from the same pipeline run as a scan (``ScanPipeline/validate(_:strict:)``), so it
/// reports exactly the findings a scan of the same inputs reports before the focus matters.
/// With `strict`, every warning becomes an error.
public struct ValidationReport: Sendable {
  /// One input file's line.
  public struct FileLine: Sendable, Hashable {
    public var path: String
    public var kind: InputKind
    /// Data records read (`records == accepted + rejected`).
    public var records: Int
    public var accepted: Int
    public var rejected: Int
    /// Error findings located in this file.
    public var errors: Int
    /// Warning findings located in this file.
    public var warnings: Int
  }

  /// How many findings one rule produced at one severity.
  public struct RuleCount: Sendable, Hashable {
    public var rule: FindingRule
    public var severity: Severity
    public var count: Int
  }

  /// Files in input order.
  public var files: [FileLine]
  /// Data records read over all files.
  public var rowsRead: Int
  /// Entities after merging (placeholders included).
  public var entityCount: Int
  /// Relationships (every record kept as separate evidence).
  public var relationshipCount: Int
  /// Counts by rule, errors first, then warnings, then info; rules by UTF-8 bytes.
  public var ruleCounts: [RuleCount]
  /// Every finding in report order (ingest, then graph building), severities after `strict`,
  /// in the log's compact form (a run can report a finding a row); ``findings`` builds them all.
  public private(set) var findingLog: FindingLog

  /// Every finding in report order, built from ``findingLog`` (O(n) a call).
  public var findings: [Finding] { findingLog.findings }

  /// Summarises a prepared run: its files, its graph and every finding (ingest, graph building
  /// and the risk stage's input checks, in that order — see ``ScanPipeline/validate(_:strict:)``).
  ///
  /// - Parameter strict: every warning becomes an error.
  public init(files inputFiles: [InputFileSummary], graph: SupplyGraph, findings reported: [Finding], strict: Bool) {
    var log = FindingLog()
    log.append(contentsOf: reported)
    self.init(files: inputFiles, graph: graph, findingLog: log, strict: strict)
  }

  /// Summarises a prepared run from its findings' log.
  ///
  /// The log is changed in place: a caller that hands over its only reference
  /// (``ScanPipeline/validate(_:strict:)``) pays for no copy of what may be millions of findings.
  /// - Parameter strict: every warning becomes an error.
  public init(files inputFiles: [InputFileSummary], graph: SupplyGraph, findingLog reported: FindingLog, strict: Bool) {
    findingLog = reported
    if strict { findingLog.promoteWarningsToErrors() }
    var errorsByFile: [String: Int] = [:]
    var warningsByFile: [String: Int] = [:]
    var counts: [RuleKey: Int] = [:]
    for index in 0..<findingLog.count {
      let (severity, rule) = findingLog.severityAndRule(at: index)
      counts[RuleKey(rule: rule, severity: severity), default: 0] += 1
      guard severity != .info, let file = findingLog.file(at: index) else { continue }
      if severity == .error { errorsByFile[file, default: 0] += 1 }
      if severity == .warning { warningsByFile[file, default: 0] += 1 }
    }
    files = inputFiles.map { summary in
      FileLine(
        path: summary.path, kind: summary.kind, records: summary.recordsRead, accepted: summary.recordsAccepted,
        rejected: summary.recordsRejected, errors: errorsByFile[summary.path] ?? 0,
        warnings: warningsByFile[summary.path] ?? 0)
    }
    rowsRead = inputFiles.reduce(0) { $0 + $1.recordsRead }
    entityCount = graph.entityCount
    relationshipCount = graph.relationshipCount
    ruleCounts = counts.map { RuleCount(rule: $0.key.rule, severity: $0.key.severity, count: $0.value) }.sorted {
      $0.severity != $1.severity ? $0.severity > $1.severity : $0.rule.id.utf8Precedes($1.rule.id)
    }
  }

  /// Number of findings at `severity`.
  public func count(of severity: Severity) -> Int { findingLog.count(of: severity) }

  /// Whether any finding is an error (exit code 2).
  public var hasErrors: Bool { findingLog.hasErrors }
}

private struct RuleKey: Hashable {
  var rule: FindingRule
  var severity: Severity
}
