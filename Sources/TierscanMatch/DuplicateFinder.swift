import TierscanCore

/// Finds pairs of records that may be one entity (`possible` or `same`), through blocking: each
/// record is scored against the records it shares the most blocking keys with
/// (``BlockingIndex``), never against all.
public struct DuplicateFinder: Sendable {
  /// One candidate pair; `left < right` (indices of the records given).
  public struct Pair: Sendable {
    public var left: Int
    public var right: Int
    public var decision: MatchDecision
    public var features: MatchFeatures
  }

  public let config: MatchConfig

  /// Creates a finder.
  public init(config: MatchConfig) { self.config = config }

  /// The pairs decided `possible` or `same`, sorted by (left, right), and the block figures.
  /// `comparable(i, j)` says whether two records may be compared at all (e.g. the same kind).
  /// Records are queried in concurrent pieces (``ParallelWork``).
  ///
  /// - Complexity: O(n × (k × maxBlock + maxCandidates × s)) for n records, k keys each and s
  ///   the cost of one scoring.
  public func pairs(
    in records: [PreparedRecord], comparable: @Sendable (Int, Int) -> Bool = { _, _ in true }
  ) -> (pairs: [Pair], stats: BlockingIndex.Stats, comparisons: Int, index: BlockingIndex) {
    let index = BlockingIndex(records: records, config: config)
    let scorer = PairScorer(config: config)
    let bound = ScoreBound(config: config)
    let names = ParallelWork.array(count: records.count, minimumToSplit: 2_000) { bound.prepare(records[$0]) }
    let pieces = ParallelWork.map(count: records.count, minimumToSplit: 2_000) { range in
      var found: [Pair] = []
      var comparisons = 0
      var scratch = index.makeScratch()
      for i in range {
        // Both sides query (a pair may be among one side's top candidates only); a pair scored
        // from both sides is kept once. A pair that cannot be `possible` (``ScoreBound``) is
        // not scored; it would be decided `distinct`.
        for j in index.candidates(of: records[i], scratch: &scratch, where: { $0 != i && comparable(i, $0) }) {
          comparisons += 1
          let (l, r) = (min(i, j), max(i, j))
          guard bound.mayReach(bound.leastPossible, records[l], names[l], records[r], names[r]) else { continue }
          let (decision, features) = scorer.score(records[l], records[r])
          if decision >= .possible { found.append(Pair(left: l, right: r, decision: decision, features: features)) }
        }
      }
      return (found, comparisons)
    }
    var seen = Set<[Int]>()
    let pairs = pieces.flatMap(\.0).sorted { $0.left != $1.left ? $0.left < $1.left : $0.right < $1.right }
      .filter { seen.insert([$0.left, $0.right]).inserted }
    return (pairs, index.stats, pieces.reduce(0) { $0 + $1.1 }, index)
  }
}
