import TierscanCore

/// What `tierscan validate` reports: one line per input file and a summary (SPEC §4).
///
/// Built from the ingested inputs and the graph built from them, so merge conflicts and
/// unknown-entity warnings count too. With `strict`, every warning becomes an error.
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
    public var rule: String
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
  /// Every finding in report order (ingest, then graph building), severities after `strict`.
  public var findings: [Finding]

  /// Checks that need the built graph (e.g. the risk stage's unknown categories and shares over
  /// 100 %), supplied by a later layer.
  public typealias GraphChecks = @Sendable (IngestedInputs, SupplyGraph) -> [Finding]

  /// Reads `arguments` and builds the report.
  public static func validate(
    arguments: [String], strict: Bool, options: IngestOptions = IngestOptions(validatesSchema: true),
    graphChecks: GraphChecks = { _, _ in [] }
  ) -> ValidationReport {
    ValidationReport(
      inputs: Ingestor(options: options).read(arguments: arguments), strict: strict, graphChecks: graphChecks)
  }

  /// Builds the graph from `inputs` and summarises everything.
  public init(inputs: IngestedInputs, strict: Bool, graphChecks: GraphChecks = { _, _ in [] }) {
    var log = inputs.findings
    let graph = GraphBuilder().build(
      entityRecords: inputs.entities, relationshipRecords: inputs.relationships, findings: &log)
    log.append(contentsOf: graphChecks(inputs, graph))
    findings = log.findings.map { finding in
      var finding = finding
      if strict, finding.severity == .warning { finding.severity = .error }
      return finding
    }
    var errorsByFile: [String: Int] = [:]
    var warningsByFile: [String: Int] = [:]
    var counts: [RuleKey: Int] = [:]
    for finding in findings {
      counts[RuleKey(rule: finding.rule, severity: finding.severity), default: 0] += 1
      guard let file = finding.location?.file else { continue }
      if finding.severity == .error { errorsByFile[file, default: 0] += 1 }
      if finding.severity == .warning { warningsByFile[file, default: 0] += 1 }
    }
    files = inputs.files.map { summary in
      FileLine(
        path: summary.path, kind: summary.kind, records: summary.recordsRead, accepted: summary.recordsAccepted,
        rejected: summary.recordsRejected, errors: errorsByFile[summary.path] ?? 0,
        warnings: warningsByFile[summary.path] ?? 0)
    }
    rowsRead = inputs.files.reduce(0) { $0 + $1.recordsRead }
    entityCount = graph.entityCount
    relationshipCount = graph.relationshipCount
    ruleCounts = counts.map { RuleCount(rule: $0.key.rule, severity: $0.key.severity, count: $0.value) }.sorted {
      $0.severity != $1.severity ? $0.severity > $1.severity : $0.rule.utf8Precedes($1.rule)
    }
  }

  /// Number of findings at `severity`.
  public func count(of severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

  /// Whether any finding is an error (exit code 2).
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}

private struct RuleKey: Hashable {
  var rule: String
  var severity: Severity
}
