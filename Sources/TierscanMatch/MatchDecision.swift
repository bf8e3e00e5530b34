/// The engine's outcome for a pair of records.
public enum MatchDecision: String, Sendable, Hashable, CaseIterable, Comparable {
  /// Different entities (or a guard forbids the match: identifiers or countries differ).
  case distinct
  /// Perhaps the same: for a person to review.
  case possible
  /// The same entity: identifiers agree, or the names are very similar and the addresses agree.
  case same

  private var rank: Int {
    switch self {
    case .distinct: 0
    case .possible: 1
    case .same: 2
    }
  }

  public static func < (lhs: MatchDecision, rhs: MatchDecision) -> Bool { lhs.rank < rhs.rank }
}
