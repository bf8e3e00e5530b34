/// A data-quality problem found in the inputs: a value, not an exception.
///
/// The library reports what happened; the CLI decides how to print it and how serious it is
/// (`--strict` turns warnings into errors).
public struct Finding: Sendable, Hashable {
  /// How serious the problem is.
  public var severity: Severity
  /// The rule, from the ``FindingRule`` registry.
  public var rule: FindingRule
  /// Where the problem is; `nil` for findings about the run as a whole.
  public var location: Provenance?
  /// A one-line human explanation.
  public var message: String
  /// Extra key/value evidence, in a deterministic order.
  public var evidence: [Attribute]

  /// Creates a finding.
  public init(
    _ severity: Severity, _ rule: FindingRule, at location: Provenance?, _ message: String, evidence: [Attribute] = []
  ) {
    self.severity = severity
    self.rule = rule
    self.location = location
    self.message = message
    self.evidence = evidence
  }

  /// `file:line[:column]: severity: rule: message`, the format printed on stderr: one line, with
  /// control characters escaped and the message cut at ``MessageText/maxCharacters``.
  public var description: String {
    let place = location.map { MessageText.printable($0.description, limit: 1_000) } ?? "tierscan"
    return "\(place): \(severity.rawValue): \(rule): \(MessageText.printable(message))"
  }
}
