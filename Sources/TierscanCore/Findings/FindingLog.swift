/// An append-only, ordered collection of findings.
///
/// Findings keep the order in which they were reported, which follows input order, so
/// every output that lists them is deterministic.
///
/// Stored compactly (``CompactFindings``): one 32-byte record a finding, rules and files interned,
/// every message's UTF-8 bytes in one buffer. A run over millions of rows can report a finding a
/// row (every relationship endpoint without an entity record is an `unknown-entity` warning), and
/// as ``Finding`` values those cost about 250 bytes each, about 90 here. ``findings`` builds the
/// values on demand; ``forEach(_:)`` visits them one at a time without building them all.
public struct FindingLog: Sendable {
  private var store = CompactFindings()

  /// Creates an empty log.
  public init() {}

  /// The findings in the order they were reported, built from the compact store: O(n) a call,
  /// so callers that go through a large log once use ``forEach(_:)``.
  public var findings: [Finding] {
    var all: [Finding] = []
    all.reserveCapacity(store.count)
    for index in 0..<store.count { all.append(store.finding(at: index)) }
    return all
  }

  /// Number of findings.
  public var count: Int { store.count }

  /// Whether the log has no finding.
  public var isEmpty: Bool { store.count == 0 }

  /// Calls `body` with each finding in order (one ``Finding`` value at a time).
  public func forEach(_ body: (Finding) throws -> Void) rethrows {
    for index in 0..<store.count { try body(store.finding(at: index)) }
  }

  /// Appends a finding.
  public mutating func add(_ finding: Finding) {
    store.append(
      finding.severity, finding.rule, at: finding.location, message: finding.message, evidence: finding.evidence)
  }

  /// Appends a finding built from its parts.
  public mutating func add(
    _ severity: Severity, _ rule: FindingRule, at location: Provenance?, _ message: String, evidence: [Attribute] = []
  ) {
    store.append(severity, rule, at: location, message: message, evidence: evidence)
  }

  /// Appends every finding of another log.
  public mutating func append(contentsOf other: FindingLog) {
    if store.count == 0 {
      store = other.store
      return
    }
    other.forEach { add($0) }
  }

  /// Appends findings.
  public mutating func append(contentsOf other: [Finding]) {
    for finding in other { add(finding) }
  }

  /// Number of findings with the given severity.
  public func count(of severity: Severity) -> Int { store.count(of: severity) }

  /// Whether any finding is an error.
  public var hasErrors: Bool { store.count(of: .error) > 0 }

  /// Makes every warning an error (`--strict`), in place.
  public mutating func promoteWarningsToErrors() { store.promoteWarningsToErrors() }

  /// The severity and rule of the finding at `index` (without building the finding).
  public func severityAndRule(at index: Int) -> (severity: Severity, rule: FindingRule) {
    store.severityAndRule(at: index)
  }

  /// The first finding with one of `rules`, built alone (the others are not built).
  public func first(withRuleIn rules: [FindingRule]) -> Finding? {
    for index in 0..<store.count where rules.contains(store.severityAndRule(at: index).rule) {
      return store.finding(at: index)
    }
    return nil
  }

  /// The file of the finding at `index`, if it has a location (without building the finding).
  public func file(at index: Int) -> String? { store.file(at: index) }
}
