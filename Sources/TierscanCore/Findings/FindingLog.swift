/// An append-only, ordered collection of findings.
///
/// Findings keep the order in which they were reported, which follows input order, so
/// every output that lists them is deterministic.
public struct FindingLog: Sendable {
  /// The findings in the order they were reported.
  public private(set) var findings: [Finding] = []

  /// Creates an empty log.
  public init() {}

  /// Appends a finding.
  public mutating func add(_ finding: Finding) { findings.append(finding) }

  /// Appends a finding built from its parts.
  public mutating func add(
    _ severity: Severity, _ rule: FindingRule, at location: Provenance?, _ message: String, evidence: [Attribute] = []
  ) {
    findings.append(Finding(severity, rule, at: location, message, evidence: evidence))
  }

  /// Appends every finding of another log.
  public mutating func append(contentsOf other: FindingLog) { findings.append(contentsOf: other.findings) }

  /// Appends findings.
  public mutating func append(contentsOf other: [Finding]) { findings.append(contentsOf: other) }

  /// Number of findings with the given severity.
  public func count(of severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

  /// Whether any finding is an error.
  public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
