import Dispatch
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
  /// Records are queried in two concurrent halves.
  ///
  /// - Complexity: O(n × (k × maxBlock + maxCandidates × s)) for n records, k keys each and s
  ///   the cost of one scoring.
  public func pairs(
    in records: [PreparedRecord], comparable: @Sendable (Int, Int) -> Bool = { _, _ in true }
  ) -> (pairs: [Pair], stats: BlockingIndex.Stats, comparisons: Int, index: BlockingIndex) {
    let index = BlockingIndex(records: records, config: config)
    let scorer = PairScorer(config: config)
    let count = records.count
    let halves = ConcurrentSlots<([Pair], Int)>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      var found: [Pair] = []
      var comparisons = 0
      for i in (count * half / 2)..<(count * (half + 1) / 2) {
        // Both sides query (a pair may be among one side's top candidates only); a pair scored
        // from both sides is kept once.
        for j in index.candidates(of: records[i], where: { $0 != i && comparable(i, $0) }) {
          comparisons += 1
          let (decision, features) = scorer.score(records[min(i, j)], records[max(i, j)])
          if decision >= .possible { found.append(Pair(left: min(i, j), right: max(i, j), decision: decision, features: features)) }
        }
      }
      halves.set(half, (found, comparisons))
    }
    let (first, a) = halves.take(0)
    let (second, b) = halves.take(1)
    var seen = Set<[Int]>()
    let pairs = (first + second).sorted { $0.left != $1.left ? $0.left < $1.left : $0.right < $1.right }
      .filter { seen.insert([$0.left, $0.right]).inserted }
    return (pairs, index.stats, a + b, index)
  }
}
