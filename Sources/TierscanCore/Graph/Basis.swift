/// How a relationship is known (model §1): seen by an audit, declared by a supplier, or inferred.
public enum Basis: String, Sendable, Hashable, CaseIterable, Codable {
  case observed
  case declared
  case inferred
}
