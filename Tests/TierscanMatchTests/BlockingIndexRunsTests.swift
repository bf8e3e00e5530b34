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
}
