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

  /// What a search did, for `TIERSCAN_TIMINGS` (docs/performance.md).
  public struct Work: Sendable {
    /// Block members visited and distinct records met by the records' queries.
    public var visits = 0
    public var met = 0
    /// Distinct pairs past ``WordGate`` and then past ``ScoreBound`` (scored).
    public var gated = 0
    public var scored = 0
  }

  /// The search's configuration: `config` as given, with ``MatchConfig/maxBlock`` set to its
  /// ``MatchConfig/duplicatesMaxBlock`` (the duplicate search's own cap).
  public let config: MatchConfig

  /// Creates a finder.
  public init(config: MatchConfig) {
    var search = config
    search.maxBlock = config.duplicatesMaxBlock
    self.config = search
  }

  /// The pairs decided `possible` or `same`, sorted by (left, right), the block figures, the
  /// number of distinct candidate pairs considered, the index and the word gate over the records
  /// (in storage order: ``pairs(stored:original:groupRanges:)``; `resolve`'s risk-list pass loads
  /// its queries from the gate's words). Two records are compared only when they are
  /// in the same group (`groups[i] == groups[j]`, e.g. the same kind; all in one group when
  /// `groups` is `nil`). Records are queried in concurrent pieces
  /// (``ParallelWork``); a pair among both records' candidates is considered once.
  ///
  /// - Complexity: O(n × (k × maxBlock + maxCandidates × s)) for n records, k keys each and s
  ///   the cost of one scoring.
  public func pairs(
    in records: [PreparedRecord], groups: [Int32]? = nil
  ) -> (
    pairs: [Pair], stats: BlockingIndex.Stats, comparisons: Int, index: BlockingIndex, work: Work, gate: WordGate
  ) {
    let (original, groupRanges) = Self.storageOrder(records, groups: groups)
    return pairs(stored: original.map { records[Int($0)] }, original: original, groupRanges: groupRanges)
  }

  /// ``pairs(in:groups:)`` of records already stored in ``storageOrder(countries:groups:)``'s
  /// order: `stored[p]` is the record of original index `original[p]`, `groupRanges[p]` the
  /// positions of its group. A caller that builds its records in that order holds them once
  /// (``pairs(in:groups:)`` stores a second copy). Pairs, ties and the index's ranks are those of
  /// the original indices, as ``pairs(in:groups:)`` gives them.
  ///
  /// - Complexity: as ``pairs(in:groups:)``.
  public func pairs(
    stored: [PreparedRecord], original: [Int32], groupRanges: [Range<Int32>]
  ) -> (
    pairs: [Pair], stats: BlockingIndex.Stats, comparisons: Int, index: BlockingIndex, work: Work, gate: WordGate
  ) {
    precondition(original.count == stored.count && groupRanges.count == stored.count, "one entry per record")
    let records = stored
    let scorer = PairScorer(config: config)
    let bound = ScoreBound(config: config)
    // Everything below works on the records stored by group, then by country
    // (``storageOrder(countries:groups:)``): a query counts records of its own country and records
    // without one, so its counts, block members and per-record data lie in a few hundred
    // kilobytes instead of all over the records, and a record met is of the query's group when it
    // lies in the group's range (nothing to read). Ties of the top-k cut still go to the lowest
    // original index (the index's ranks); pairs are given back in original indices.
    // The index on one core while the other prepares the word gate. The bound's names are
    // prepared per pair the gate passes (few: preparing them for every record cost more than the
    // bound itself, and held them all).
    let (index, gate) = PhaseTimings.phase("duplicate search: index") {
      ParallelWork.pair(
        { BlockingIndex(records: stored, config: config, ranks: original) },
        { WordGate(records: stored, config: config) })
    }
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
    let lists = PhaseTimings.phase("duplicate search: lists") {
      ParallelWork.each(count: ranges.count) { w -> (offsets: [Int], targets: [Int32], visits: Int, met: Int) in
        var scratch = index.makeScratch()
        var offsets = [0]
        offsets.reserveCapacity(ranges[w].count + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(ranges[w].count * config.maxCandidates)
        // Records read in place (a copy retains and releases every string and array it holds).
        groupRanges.withUnsafeBufferPointer { groupRanges in
          for position in ranges[w] {
            let i = Int(order[position])
            let found = index.candidates(indexed: i, within: groupRanges[i], scratch: &scratch)
            for j in found {
              targets.append(Int32(j))
            }
            offsets.append(targets.count)
          }
        }
        return (offsets, targets, scratch.visits, scratch.met)
      }
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
    let pieces = PhaseTimings.phase("duplicate search: pairs") {
      ParallelWork.each(count: ranges.count) { w -> (found: [Pair], considered: Int, gated: Int, scored: Int) in
        var found: [Pair] = []
        var (considered, gated, scored) = (0, 0, 0)
        // Records are read in place (borrowed through the buffer): a copy of a record retains and
        // releases every string and array it holds, for each of millions of pairs.
        stored.withUnsafeBufferPointer { records in
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
              guard gate.mayReach(bound.leastPossible, indexed: l, r) else { continue }
              gated += 1
              guard
                bound.mayReach(
                  bound.leastPossible, records[l], bound.prepare(records[l]), records[r], bound.prepare(records[r]))
              else { continue }
              scored += 1
              let (decision, features) = scorer.score(records[l], records[r])
              if decision >= .possible {
                found.append(Pair(left: Int(original[l]), right: Int(original[r]), decision: decision, features: features))
              }
            }
          }
        }
        return (found, considered, gated, scored)
      }
    }
    let comparisons = pieces.reduce(0) { $0 + $1.considered }
    let pairs = pieces.flatMap(\.found).sorted { $0.left != $1.left ? $0.left < $1.left : $0.right < $1.right }
    let work = Work(
      visits: lists.reduce(0) { $0 + $1.visits }, met: lists.reduce(0) { $0 + $1.met },
      gated: pieces.reduce(0) { $0 + $1.gated }, scored: pieces.reduce(0) { $0 + $1.scored })
    return (pairs, index.stats, comparisons, index, work, gate)
  }

  /// The number of `key` in `numbers`: the one it was given when first seen, or the next free one
  /// (numbers count up from 0 in order of first sight), and whether it was new.
  private static func number<Key: Hashable>(of key: Key, in numbers: inout [Key: Int32]) -> (number: Int32, isNew: Bool) {
    if let known = numbers[key] { return (known, false) }
    let next = Int32(numbers.count)
    numbers[key] = next
    return (next, true)
  }

  /// The records' indices grouped by `groups` (all in one group when `nil`), each group's by
  /// country (groups and countries in order of first appearance, records without a country as a
  /// country of their own), each run in index order; and for each stored position the positions
  /// of its group.
  ///
  /// - Complexity: O(n).
  static func storageOrder(_ records: [PreparedRecord], groups: [Int32]?) -> (order: [Int32], groupRanges: [Range<Int32>]) {
    storageOrder(countries: records.map(\.record.country), groups: groups)
  }

  /// ``storageOrder(_:groups:)`` of records with these countries (`countries[i]` record `i`'s),
  /// for a caller that builds its records in that order (``pairs(stored:original:groupRanges:)``).
  ///
  /// - Complexity: O(n).
  public static func storageOrder(countries: [String?], groups: [Int32]?) -> (order: [Int32], groupRanges: [Range<Int32>]) {
    storageOrder(countryIDs: countries.map { $0 ?? "" }, groups: groups)
  }

  /// ``storageOrder(countries:groups:)`` with each record's country given by an id of its own
  /// (`countryIDs[i] == countryIDs[j]` exactly when records `i` and `j` have the same country, or
  /// both none): e.g. ``EntityTable/countryID(of:)``, with no string made per record.
  ///
  /// - Complexity: O(n).
  public static func storageOrder<CountryID: Hashable>(
    countryIDs countries: [CountryID], groups: [Int32]?
  ) -> (order: [Int32], groupRanges: [Range<Int32>]) {
    precondition(groups == nil || groups!.count == countries.count, "one group per record")
    var groupNumbers: [Int32: Int32] = [:]
    var countryNumbers: [CountryID: Int32] = [:]
    var runs: [Int64: Int32] = [:]
    var runGroups: [Int32] = []
    var runOf = [Int32](repeating: 0, count: countries.count)
    var sizes: [Int] = []
    for (i, recordCountry) in countries.enumerated() {
      let group = groups.map { number(of: $0[i], in: &groupNumbers).number } ?? 0
      let country = number(of: recordCountry, in: &countryNumbers).number
      let (run, isNewRun) = number(of: Int64(group) << 32 | Int64(country), in: &runs)
      if isNewRun {
        runGroups.append(group)
        sizes.append(0)
      }
      runOf[i] = run
      sizes[Int(run)] += 1
    }
    return placed(runOf: runOf, runGroups: runGroups, sizes: sizes, groupCount: groupNumbers.count)
  }

  /// The storage order of records in runs (a run: one group and one country), given each
  /// record's run `runOf[i]`, each run's group number `runGroups[r]` (groups numbered from 0 in
  /// order of first appearance, `groupCount` of them) and size `sizes[r]`: runs by group, stable,
  /// then each run's records in index order; and for each stored position its group's positions.
  ///
  /// - Complexity: O(n + runs × log runs).
  static func placed(
    runOf: [Int32], runGroups: [Int32], sizes: [Int], groupCount: Int
  ) -> (order: [Int32], groupRanges: [Range<Int32>]) {
    // Runs by group (stable: by first appearance within a group), then positions by counting.
    let runOrder = runGroups.indices.sorted { runGroups[$0] != runGroups[$1] ? runGroups[$0] < runGroups[$1] : $0 < $1 }
    var starts = [Int](repeating: 0, count: sizes.count)
    var position = 0
    var groupStarts = [Int32](repeating: 0, count: groupCount + 2)
    for run in runOrder {
      starts[run] = position
      position += sizes[run]
      groupStarts[Int(runGroups[run]) + 1] = Int32(position)
    }
    var order = [Int32](repeating: 0, count: runOf.count)
    var groupRanges = [Range<Int32>](repeating: 0..<0, count: runOf.count)
    for (i, run) in runOf.enumerated() {
      let g = Int(runGroups[Int(run)])
      order[starts[Int(run)]] = Int32(i)
      groupRanges[starts[Int(run)]] = groupStarts[g]..<groupStarts[g + 1]
      starts[Int(run)] += 1
    }
    return (order, groupRanges)
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
