/// A finding's rule id: a stable, kebab-case name such as `ragged-row`, from one registry.
///
/// Every rule tierscan reports is a static value of this type (see `FindingRule+Registry.swift`
/// and docs/findings.md), so a misspelt rule does not compile and the documentation lists
/// them all (a test checks it against ``all``).
public struct FindingRule: Hashable, Sendable, CustomStringConvertible {
  /// The rule id as printed (`file:line: severity: rule-id: message`) and written to JSON.
  public let id: String

  init(id: String) { self.id = id }

  public var description: String { id }
}

