import Testing
import TierscanCore
@testable import TierscanMatch

/// ``BlockingIndex`` makes its records' keys in runs, each run in pieces side by side
/// (``RecordNameKeys``), and numbers keys and blocks in one pass in record order: runs and pieces
/// of any size give the index made in one piece — the same key numbers, blocks, figures,
/// locality order and candidates.
@Suite struct BlockingIndexRunsTests {
  @Test(arguments: [
    (UInt64(3), 900, 40, 97, 2), (UInt64(13), 1_500, 500, 250, 10), (UInt64(5), 600, 40, 1, 1),
    (UInt64(7), 700, 40, 5_000, 2),
  ])
  func runsAndPiecesChangeNothing(seed: UInt64, count: Int, maxBlock: Int, keyRun: Int, splitAt: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: 6)
    let whole = BlockingIndex(records: records, config: config, keyRun: records.count + 1, splitAt: .max)
    let cut = BlockingIndex(records: records, config: config, keyRun: keyRun, splitAt: splitAt)
    #expect(cut.stats == whole.stats)
    #expect(cut.keyTranslation(to: whole) == (0..<Int32(cut.keyTranslation(to: whole).count)).map { $0 })
    #expect(cut.keyTranslation(to: whole).count > 100)
    let (a, b) = (cut.blockSizes(minimumSize: 1), whole.blockSizes(minimumSize: 1))
    #expect(a.map(\.key) == b.map(\.key) && a.map(\.size) == b.map(\.size) && a.map(\.compared) == b.map(\.compared))
    #expect(cut.localityOrder() == whole.localityOrder())
    var (s1, s2) = (cut.makeScratch(), whole.makeScratch())
    for i in records.indices {
      #expect(
        cut.candidates(indexed: i, scratch: &s1) { $0 != i } == whole.candidates(indexed: i, scratch: &s2) { $0 != i },
        "record \(i)")
    }
  }

  /// Key and block numbers are those of first appearance in one pass over the records (each
  /// record's name keys sorted, then its identifier keys), however the build cuts the records in
  /// runs and pieces and numbers keys and blocks in its two stages side by side: a reference made
  /// from ``BlockingKeys``' strings.
  @Test(arguments: [(UInt64(3), 900, 1), (UInt64(11), 1_200, 37), (UInt64(17), 800, 5_000)])
  func numbersAreFirstAppearance(seed: UInt64, count: Int, keyRun: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let index = BlockingIndex(
      records: records, config: MatchConfig(maxBlock: 40, maxCandidates: 6), keyRun: keyRun, splitAt: 2)
    var (keys, blocks) = ([String](), [String]())
    var (seenKeys, seenBlocks) = (Set<String>(), Set<String>())
    for record in records {
      for key in BlockingKeys.nameKeys(of: record) {
        if seenKeys.insert(key).inserted { keys.append(key) }
        let scoped = BlockingKeys.scope(record.record.country) + "|" + key
        if seenBlocks.insert(scoped).inserted { blocks.append(scoped) }
      }
      for key in BlockingKeys.identifierKeys(of: record) where seenBlocks.insert(key).inserted { blocks.append(key) }
    }
    #expect(index.keysByNumber == keys)
    #expect(index.blockKeysByNumber == blocks)
    #expect(blocks.count > 300 && blocks.contains { $0.hasPrefix("i:") })
  }
}
