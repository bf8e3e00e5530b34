/// A cheap, exact upper bound of ``PairScorer``'s similarity, run before the full scoring so that
/// candidates that cannot reach a threshold are never scored (docs/entity-resolution.md,
/// "Speed"). Pruning with it changes no result: a pair it rejects is one the scorer would decide
/// `distinct` or give a similarity below the threshold.
///
/// Why it is an upper bound, following ``PairScorer/score(_:_:)-(PreparedRecord,PreparedRecord)``:
/// - identifiers that agree decide `same` at similarity 1 (never pruned); identifiers of one
///   scheme that differ, or countries that differ, decide `distinct` (always pruned);
/// - otherwise the similarity is the best pair of names' `adjusted` value (name similarity minus
///   the qualifier and number penalties) plus the address adjustment, clamped to [0, 1]; the
///   address adds at most 0.05, and only when both records give an address;
/// - a pair of names' similarity is `0.65 × token set + 0.35 × Jaro-Winkler` (at most
///   `0.65 × token set + 0.35`) or `0.95 ×` that of the names with their qualifiers; the qualifier
///   penalty is at least 0 and the number penalty is computed exactly;
/// - the token-set similarity is computed exactly (``TokenSimilarity/similarity(_:_:)-(WordList,WordList)``),
///   which is cheap next to the two Jaro-Winkler comparisons of whole names that it saves.
/// A margin of 1e-9 covers differences in the order of floating-point additions.
public struct ScoreBound: Sendable {
  /// One record's names prepared for the bound.
  public struct Names: Sendable {
    struct Name: Sendable {
      let core: WordList
      /// Core words and qualifiers, when the name has qualifiers.
      let full: WordList?
      let hasQualifiers: Bool
      /// The distinct number words, sorted.
      let numbers: [String]
    }
    let names: [Name]
    let hasAddress: Bool
  }

  private let tokens = TokenSimilarity()
  private let config: MatchConfig

  /// A bound for a scorer with `config`.
  public init(config: MatchConfig) { self.config = config }

  /// Prepares `record`'s names.
  public func prepare(_ record: PreparedRecord) -> Names {
    Names(
      names: record.names.map { name in
        Names.Name(
          core: tokens.prepare(name.tokens),
          full: name.qualifiers.isEmpty ? nil : tokens.prepare(name.tokens + name.qualifiers),
          hasQualifiers: !name.qualifiers.isEmpty, numbers: Array(Set(name.numbers)).sorted())
      }, hasAddress: record.addressWords != nil)
  }

  /// The least similarity of any pair the scorer decides `possible` or `same` without an agreeing
  /// identifier: `min(possible, same)` (a `same` by name needs `same`, a `possible` needs `possible`).
  public var leastPossible: Double { min(config.possible, config.same) }

  /// Whether ``PairScorer/score(_:_:)-(PreparedRecord,PreparedRecord)`` of `left` and `right` can
  /// give a decision of at least `possible` with a similarity of at least `least` (callers pass
  /// ``leastPossible`` or a higher screening threshold). `false` is certain; `true` means "score it".
  ///
  /// - Complexity: O(n × m) word comparisons per pair of names.
  public func mayReach(
    _ least: Double, _ left: PreparedRecord, _ leftNames: Names, _ right: PreparedRecord, _ rightNames: Names
  ) -> Bool {
    switch PairScorer.identifierAgreement(left.record, right.record).0 {
    case .agree: return true
    case .disagree: return false
    case .unknown: break
    }
    if PairScorer.agreement(left.record.country, right.record.country) == .disagree { return false }
    let needed = max(least, leastPossible) - 1e-12 - 1e-9
    let address = leftNames.hasAddress && rightNames.hasAddress ? 0.05 : 0
    for a in leftNames.names {
      for b in rightNames.names {
        var name = a.core.count > 0 && b.core.count > 0 ? 0.65 * tokens.similarity(a.core, b.core) + 0.35 : 0
        if a.hasQualifiers || b.hasQualifiers {
          let full = 0.95 * (0.65 * tokens.similarity(a.full ?? a.core, b.full ?? b.core) + 0.35)
          name = max(name, full)
        }
        let numberPenalty = a.numbers.isEmpty || b.numbers.isEmpty || a.numbers == b.numbers ? 0 : 0.2
        if min(1, max(0, name - numberPenalty + address)) >= needed { return true }
      }
    }
    return false
  }
}
