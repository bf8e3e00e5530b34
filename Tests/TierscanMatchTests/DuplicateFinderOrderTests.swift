import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// The duplicate search stores the records by country (``DuplicateFinder/storageOrder(_:groups:)``) and
/// indexes them with their original indices as ranks (``BlockingIndex/init(records:config:ranks:)``).
/// Both must change nothing: the candidates of a ranked index over reordered records are those of
/// the definition over the records as given (ties of the top-k cut to the lower original index),
/// and the pairs found are those of the definition (``BlockingCandidatesTests/expected``), scored
/// with the left record the one of lower index.
@Suite struct DuplicateFinderOrderTests {
  /// A seeded permutation of `0..<count` (Fisher–Yates).
  static func shuffled(_ count: Int, seed: UInt64) -> [Int32] {
    var rng = SplitMix64(state: seed)
    var order = (0..<count).map(Int32.init)
    for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    return order
  }

  @Test(arguments: [(UInt64(5), 500, 40, 6), (UInt64(17), 400, 500, 3)])
  func rankedIndexFindsTheCandidatesOfTheOriginalOrder(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    let blocks = BlockingCandidatesTests.blocks(records)
    let original = Self.shuffled(count, seed: seed &+ 1)
    let stored = original.map { records[Int($0)] }
    let ranked = BlockingIndex(records: stored, config: config, ranks: original)
    let unranked = BlockingIndex(records: stored, config: config)
    var scratch = ranked.makeScratch()
    var differs = 0
    for p in stored.indices {
      let q = Int(original[p])
      let expected = BlockingCandidatesTests.expected(records, blocks, query: q, config: config) { $0 != q }
      let found = ranked.candidates(
        names: stored[p].names, country: stored[p].record.country, identifiers: stored[p].record.identifiers,
        scratch: &scratch, where: { $0 != p })
      #expect(found.map { Int(original[$0]) }.sorted() == expected, "query \(q)")
      // Without ranks, ties go to the lower stored position: other records, for some queries
      // (so the comparison above can fail).
      let byPosition = unranked.candidates(
        names: stored[p].names, country: stored[p].record.country, identifiers: stored[p].record.identifiers,
        scratch: &scratch, where: { $0 != p })
      if byPosition.map({ Int(original[$0]) }).sorted() != expected { differs += 1 }
    }
    #expect(differs > count / 10, "ties decide the cut for many queries")
    // The first record in a skipped block is the one of lowest rank, given as its stored index.
    let definitionFirst = blocks.values.filter { $0.count > maxBlock }.flatMap { $0 }.min()
    #expect(ranked.stats.firstRecordInSkippedBlock.map { Int(original[$0]) } == definitionFirst)
  }

  @Test func storageOrderIsByGroupThenCountryInIndexOrder() {
    let records = BlockingCandidatesTests.records(seed: 7, count: 300)
    var rng = SplitMix64(state: 8)
    let groups = records.indices.map { _ in Int32(5 + rng.next() % 3) }
    let (order, groupRanges) = DuplicateFinder.storageOrder(records, groups: groups)
    #expect(order.map(Int.init).sorted() == Array(records.indices))
    // Groups by first appearance, then (group, country) runs by first appearance, then index.
    var groupSeen: [Int32: Int] = [:]
    var runSeen: [String: Int] = [:]
    func run(_ i: Int) -> String { "\(groups[i])|\(records[i].record.country ?? "")" }
    for i in records.indices {
      if groupSeen[groups[i]] == nil { groupSeen[groups[i]] = groupSeen.count }
      if runSeen[run(i)] == nil { runSeen[run(i)] = runSeen.count }
    }
    let expected = records.indices.sorted { a, b in
      let (ga, gb) = (groupSeen[groups[a]]!, groupSeen[groups[b]]!)
      if ga != gb { return ga < gb }
      let (ra, rb) = (runSeen[run(a)]!, runSeen[run(b)]!)
      return ra != rb ? ra < rb : a < b
    }
    #expect(order.map(Int.init) == expected)
    #expect(groupSeen.count == 3 && runSeen.count > 6)
    // Each position's range holds exactly the positions of its group.
    for p in order.indices {
      let members = order.indices.filter { groups[Int(order[$0])] == groups[Int(order[p])] }
      #expect(groupRanges[p] == Int32(members.first!)..<Int32(members.last! + 1), "position \(p)")
    }
    #expect(DuplicateFinder.storageOrder(records, groups: nil).groupRanges.allSatisfy { $0 == 0..<300 })
  }

  /// Countries given as ids (one per distinct country, as ``TierscanCore/EntityTable/countryID(of:)``
  /// gives them; any numbering) order the records as the country strings do.
  @Test func storageOrderByCountryIDsIsStorageOrderByCountries() {
    let records = BlockingCandidatesTests.records(seed: 11, count: 500)
    var rng = SplitMix64(state: 12)
    let groups = records.indices.map { _ in Int32(rng.next() % 2) }
    let countries = records.map(\.record.country)
    // Ids in an order unrelated to first appearance: the sorted countries' reversed positions.
    let distinct = Array(Set(countries.map { $0 ?? "" })).sorted()
    let ids = countries.map { distinct.count - distinct.firstIndex(of: $0 ?? "")! }
    let byStrings = DuplicateFinder.storageOrder(countries: countries, groups: groups)
    let byIDs = DuplicateFinder.storageOrder(countryIDs: ids, groups: groups)
    #expect(distinct.count > 3)
    #expect(byIDs.order == byStrings.order)
    #expect(byIDs.groupRanges == byStrings.groupRanges)
  }

  /// Countries and groups given as small numbers, ordered by table
  /// (``DuplicateFinder/storageOrder(countryIDs:countryCount:groups:groupCount:)``), give the
  /// hashed version's order and ranges: groups and runs by first appearance, not by value (the
  /// groups here first appear in the order 2, 0, 3, 1), ids never met, countries shared across
  /// groups, and no records.
  @Test func storageOrderByTableIsStorageOrderByHashing() {
    var rng = SplitMix64(state: 27)
    for (count, countryCount) in [(0, 1), (1, 1), (40, 3), (2_000, 9), (5_000, 250)] {
      var groups = (0..<count).map { _ in Int32(rng.next() % 4) }
      for (i, g) in [Int32(2), 0, 3, 1].enumerated() where i < count { groups[i] = g }
      // Countries skewed (most records in a few), and the last id never used.
      let countries = (0..<count).map { _ in Int32(rng.next() % 3 == 0 ? 0 : rng.next() % UInt64(max(1, countryCount - 1))) }
      let byTable = DuplicateFinder.storageOrder(
        countryIDs: countries, countryCount: countryCount, groups: groups, groupCount: 4)
      let byHashing = DuplicateFinder.storageOrder(countryIDs: countries, groups: groups)
      #expect(byTable.order == byHashing.order, "\(count) records")
      #expect(byTable.groupRanges == byHashing.groupRanges, "\(count) records")
    }
  }

  /// A query by an indexed record (keys from its own blocks) finds what the query by its names,
  /// country and identifiers finds.
  @Test(arguments: [(UInt64(3), 400, 40, 6), (UInt64(31), 300, 500, 30)])
  func indexedQueryEqualsQueryByNames(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    let original = Self.shuffled(count, seed: seed)
    let stored = original.map { records[Int($0)] }
    for index in [BlockingIndex(records: records, config: config), BlockingIndex(records: stored, config: config, ranks: original)] {
      var scratch = index.makeScratch()
      var other = index.makeScratch()
      var total = 0
      for (i, r) in index.records.enumerated() {
        let byNames = index.candidates(
          names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &scratch,
          where: { $0 != i && $0 % 3 != 0 })
        let indexed = index.candidates(indexed: i, scratch: &other) { $0 != i && $0 % 3 != 0 }
        #expect(indexed == byNames, "record \(i)")
        total += indexed.count
      }
      #expect(total > count)
      #expect(scratch.visits == other.visits && scratch.met == other.met)
    }
  }

  /// The records as the duplicate search stores and indexes them: the storage order
  /// (``DuplicateFinder/storageOrder(_:groups:)``), the records in it, the index ranked by original
  /// index, and each original record's stored position.
  static func storedIndex(_ records: [PreparedRecord], groups: [Int32], config: MatchConfig) -> (
    original: [Int32], groupRanges: [Range<Int32>], stored: [PreparedRecord], index: BlockingIndex, position: [Int32]
  ) {
    let (original, groupRanges) = DuplicateFinder.storageOrder(records, groups: groups)
    let stored = original.map { records[Int($0)] }
    let index = BlockingIndex(records: stored, config: config, ranks: original)
    var position = [Int32](repeating: 0, count: records.count)
    for (p, i) in original.enumerated() { position[Int(i)] = Int32(p) }
    return (original, groupRanges, stored, index, position)
  }

  /// The duplicate search's query (``BlockingIndex/candidates(indexed:within:scratch:)``: the records
  /// of a range other than the query, cut in two passes) finds the definition's candidates among
  /// them, through a ranked index over reordered records, with ranges as the groups make them and
  /// with ranges cutting through every run (ties at the cut, records outside the range met).
  @Test(arguments: [(UInt64(3), 500, 40, 6), (UInt64(37), 400, 500, 30), (UInt64(41), 300, 500, 3)])
  func rangedQueryEqualsTheDefinition(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    let blocks = BlockingCandidatesTests.blocks(records)
    var rng = SplitMix64(state: seed &+ 7)
    let groups = records.indices.map { _ in Int32(rng.next() % 3) }
    let (original, groupRanges, stored, index, position) = Self.storedIndex(records, groups: groups, config: config)
    var scratch = index.makeScratch()
    var cut = 0
    for p in stored.indices {
      let q = Int(original[p])
      let odd = Int32(p % 5)..<Int32(count - p % 7)
      for range in [groupRanges[p], odd] {
        let expected = BlockingCandidatesTests.expected(records, blocks, query: q, config: config) { j in
          j != q && range.contains(position[j])
        }
        let found = index.candidates(indexed: p, within: range, scratch: &scratch)
        #expect(found == found.sorted(), "ascending")
        #expect(found.map { Int(original[$0]) }.sorted() == expected, "query \(q), range \(range)")
        if found.count == maxCandidates { cut += 1 }
      }
    }
    #expect(cut > count / 4, "the top-k cut is exercised")
  }

  /// An index's records query another index with their keys translated once
  /// (``BlockingIndex/keyTranslation(to:)``, ``BlockingIndex/nameKeyNumbers(ofIndexed:translatedBy:into:)``)
  /// and find what a query by their names finds, keys the other index lacks left out.
  @Test(arguments: [(UInt64(5), 300, 80, 40, 6), (UInt64(13), 200, 300, 500, 30)])
  func translatedKeysQueryAsNames(seed: UInt64, rowCount: Int, entityCount: Int, maxBlock: Int, maxCandidates: Int) {
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    // Rows of the first half of the words only, so that some entity keys have no row.
    let rows = BlockingCandidatesTests.records(seed: seed, count: rowCount).filter {
      !$0.record.name.contains("unit") && !$0.record.name.contains("dragon")
    }
    let entities = BlockingCandidatesTests.records(seed: seed &+ 1, count: entityCount)
    let rowIndex = BlockingIndex(records: rows, config: config)
    let entityIndex = BlockingIndex(records: entities, config: config)
    let translation = entityIndex.keyTranslation(to: rowIndex)
    #expect(translation.contains(-1) && translation.contains { $0 >= 0 })
    var byNames = rowIndex.makeScratch()
    var byKeys = rowIndex.makeScratch()
    var keys: [Int32] = []
    var met = 0
    for (k, e) in entities.enumerated() {
      rowIndex.fillCandidates(names: e.names, country: e.record.country, identifiers: e.record.identifiers, scratch: &byNames)
      keys.removeAll()
      entityIndex.nameKeyNumbers(ofIndexed: k, translatedBy: translation, into: &keys)
      rowIndex.fillCandidates(keys: keys, country: e.record.country, identifiers: e.record.identifiers, scratch: &byKeys)
      #expect(byKeys.result.sorted() == byNames.result.sorted(), "entity \(k)")
      met += byKeys.result.count
    }
    #expect(met > entityCount)
    #expect(byNames.visits == byKeys.visits && byNames.met == byKeys.met)
  }

  /// The pairs of the duplicate search, with groups, are the definition's: every pair of records of
  /// one group where one is among the other's candidates, scored, kept when `possible` or `same`.
  @Test(arguments: [(UInt64(3), 500, 40, 6), (UInt64(23), 700, 500, 30)])
  func pairsEqualTheDefinition(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates, duplicatesMaxBlock: maxBlock)
    let blocks = BlockingCandidatesTests.blocks(records)
    var rng = SplitMix64(state: seed &+ 99)
    let groups = records.indices.map { _ in Int32(rng.next() % 3) }
    var considered = Set<[Int]>()
    for i in records.indices {
      let found = BlockingCandidatesTests.expected(records, blocks, query: i, config: config) {
        $0 != i && groups[$0] == groups[i]
      }
      for j in found { considered.insert([min(i, j), max(i, j)]) }
    }
    let scorer = PairScorer(config: config)
    var expected: [(pair: [Int], decision: MatchDecision, features: MatchFeatures)] = []
    for pair in considered.sorted(by: { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }) {
      let (decision, features) = scorer.score(records[pair[0]], records[pair[1]])
      if decision >= .possible { expected.append((pair, decision, features)) }
    }
    let actual = DuplicateFinder(config: config).pairs(in: records, groups: groups)
    #expect(actual.comparisons == considered.count)
    #expect(actual.pairs.map { [$0.left, $0.right] } == expected.map(\.pair))
    #expect(zip(actual.pairs, expected).allSatisfy { $0.decision == $1.decision && $0.features == $1.features })
    #expect(expected.count > 20, "pairs are found")
    #expect(Set(expected.map { groups[$0.pair[0]] }).count == 3, "in every group")
  }

  /// The duplicate search skips blocks over ``MatchConfig/duplicatesMaxBlock``, not over
  /// ``MatchConfig/maxBlock`` (the screening's cap): 150 records sharing two words in one country
  /// make blocks of 150, skipped at the default cap of 100 and compared at 200 (the codes, under five
  /// letters, make one-record blocks and no prefix key).
  @Test func theSearchSkipsBlocksOverItsOwnCap() {
    let records = (0..<150).map { i in
      PreparedRecord(MatchRecord(key: "E\(i)", name: "Zephyrine Kestrelwood Q\(i)", country: "CN"))
    }
    let byDefault = DuplicateFinder(config: MatchConfig())
    #expect(byDefault.config.maxBlock == 100)
    let skipped = byDefault.pairs(in: records)
    #expect(skipped.stats.largestBlock == 150)
    #expect(skipped.stats.skippedBlocks == 4, "w:zephyrine, p:zeph, w:kestrelwood, p:kest")
    #expect(skipped.comparisons == 0)
    let wide = DuplicateFinder(config: MatchConfig(maxBlock: 100, duplicatesMaxBlock: 200)).pairs(in: records)
    #expect(wide.stats.skippedBlocks == 0)
    #expect(wide.comparisons > 0)
  }
}
