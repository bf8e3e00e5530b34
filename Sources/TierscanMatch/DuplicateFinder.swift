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

  /// The pairs decided `possible` or `same`, sorted by (left, right), the block figures and the
  /// number of distinct candidate pairs considered. Two records are compared only when they are
  /// in the same group (`groups[i] == groups[j]`, e.g. the same kind; all in one group when
  /// `groups` is `nil`). Records are queried in concurrent pieces
  /// (``ParallelWork``); a pair among both records' candidates is considered once.
  ///
  /// - Complexity: O(n × (k × maxBlock + maxCandidates × s)) for n records, k keys each and s
  ///   the cost of one scoring.
  public func pairs(
    in records: [PreparedRecord], groups: [Int32]? = nil
  ) -> (pairs: [Pair], stats: BlockingIndex.Stats, comparisons: Int, index: BlockingIndex) {
    let scorer = PairScorer(config: config)
    let bound = ScoreBound(config: config)
    // Everything below works on the records stored by country (``countryOrder(_:)``): a query
    // counts records of its own country and records without one, so its counts, block members
    // and per-record data lie in a few hundred kilobytes instead of all over the records. Ties of
    // the top-k cut still go to the lowest original index (the index's ranks); pairs are given
    // back in original indices.
    let original = Self.countryOrder(records)
    let stored = original.map { records[Int($0)] }
    // Each stored record's group, read for every record a query meets.
    let storedGroups = groups.map { groups in original.map { groups[Int($0)] } }
    // The index on one core while the other prepares the word gate and the bound's names.
    let (index, (gate, names)) = ParallelWork.pair(
      { BlockingIndex(records: stored, config: config, ranks: original) },
      { (WordGate(records: stored, config: config), stored.map { bound.prepare($0) }) })
    // Records queried in the index's locality order (consecutive queries count mostly the same
    // records, whose counts stay in the processor's cache), in many pieces of equal size taken by
    // the workers as they come free (two halves leave a core idle whenever one half is slower,
    // or one core is busy with something else). Each record's candidates do not depend on the
    // order; the pairs are sorted at the end.
    let order = index.localityOrder()
    let pieceSize = records.count < 2_000 ? max(1, records.count) : max(1_000, (records.count + 63) / 64)
    let ranges = stride(from: 0, to: max(records.count, 1), by: pieceSize).map { $0..<min($0 + pieceSize, records.count) }
    // Every record's candidates first (both sides query: a pair may be among one side's top
    // candidates only), as sorted lists per piece; then each unordered pair is considered once.
    let lists = ParallelWork.each(count: ranges.count) { w -> (offsets: [Int], targets: [Int32]) in
      var scratch = index.makeScratch()
      var offsets = [0]
      offsets.reserveCapacity(ranges[w].count + 1)
      var targets: [Int32] = []
      targets.reserveCapacity(ranges[w].count * config.maxCandidates)
      // Records read in place (a copy retains and releases every string and array it holds).
      stored.withUnsafeBufferPointer { records in
        for position in ranges[w] {
          let i = Int(order[position])
          let found: [Int]
          if let storedGroups {
            let group = storedGroups[i]
            found = index.candidates(
              names: records[i].names, country: records[i].record.country, identifiers: records[i].record.identifiers,
              scratch: &scratch, where: { $0 != i && storedGroups[$0] == group })
          } else {
            found = index.candidates(
              names: records[i].names, country: records[i].record.country, identifiers: records[i].record.identifiers,
              scratch: &scratch, where: { $0 != i })
          }
          for j in found {
            targets.append(Int32(j))
          }
          offsets.append(targets.count)
        }
      }
      return (offsets, targets)
    }
    // Each record's place in the order (its list is in that place's piece).
    let position: [Int32] = {
      var position = [Int32](repeating: 0, count: stored.count)
      for (p, i) in order.enumerated() { position[Int(i)] = Int32(p) }
      return position
    }()
    /// The candidates of record `i` (sorted ascending).
    @Sendable func candidates(_ i: Int) -> ArraySlice<Int32> {
      let (w, local) = Int(position[i]).quotientAndRemainder(dividingBy: pieceSize)
      return lists[w].targets[lists[w].offsets[local]..<lists[w].offsets[local + 1]]
    }
    let pieces = ParallelWork.each(count: ranges.count) { w -> (found: [Pair], considered: Int) in
      var found: [Pair] = []
      var considered = 0
      // Records and names are read in place (borrowed through the buffers): a copy of a record
      // retains and releases every string and array it holds, for each of millions of pairs.
      stored.withUnsafeBufferPointer { records in
        names.withUnsafeBufferPointer { names in
          for p in ranges[w] {
            let i = Int(order[p])
            for j32 in candidates(i) {
              let j = Int(j32)
              // A pair met from both sides is considered from its lower record only.
              if j < i, candidates(j).binarySearch(Int32(i)) { continue }
              considered += 1
              // Left the record of lower original index, as the pair is given back.
              let (l, r) = original[i] < original[j] ? (i, j) : (j, i)
              // A pair that cannot be `possible` (``WordGate``, then ``ScoreBound``) is not
              // scored; it would be decided `distinct`.
              guard gate.mayReach(bound.leastPossible, indexed: l, r),
                bound.mayReach(bound.leastPossible, records[l], names[l], records[r], names[r])
              else { continue }
              let (decision, features) = scorer.score(records[l], records[r])
              if decision >= .possible {
                found.append(Pair(left: Int(original[l]), right: Int(original[r]), decision: decision, features: features))
              }
            }
          }
        }
      }
      return (found, considered)
    }
    let comparisons = pieces.reduce(0) { $0 + $1.considered }
    let pairs = pieces.flatMap(\.found).sorted { $0.left != $1.left ? $0.left < $1.left : $0.right < $1.right }
    return (pairs, index.stats, comparisons, index)
  }

  /// The records' indices grouped by country (countries in order of first appearance, records
  /// without one as a country of their own), each group in index order.
  ///
  /// - Complexity: O(n).
  static func countryOrder(_ records: [PreparedRecord]) -> [Int32] {
    var numbers: [String: Int32] = [:]
    var groups = [Int32](repeating: 0, count: records.count)
    var sizes: [Int] = []
    for (i, record) in records.enumerated() {
      let country = record.record.country ?? ""
      let number: Int32
      if let known = numbers[country] {
        number = known
      } else {
        number = Int32(sizes.count)
        numbers[country] = number
        sizes.append(0)
      }
      groups[i] = number
      sizes[Int(number)] += 1
    }
    var starts = [Int](repeating: 0, count: sizes.count)
    for g in sizes.indices.dropFirst() { starts[g] = starts[g - 1] + sizes[g - 1] }
    var order = [Int32](repeating: 0, count: records.count)
    for (i, group) in groups.enumerated() {
      order[starts[Int(group)]] = Int32(i)
      starts[Int(group)] += 1
    }
    return order
  }
}

extension ArraySlice where Element == Int32 {
  /// Whether the sorted slice contains `value`.
  fileprivate func binarySearch(_ value: Int32) -> Bool {
    var (low, high) = (startIndex, endIndex)
    while low < high {
      let mid = (low + high) / 2
      if self[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < endIndex && self[low] == value
  }
}
