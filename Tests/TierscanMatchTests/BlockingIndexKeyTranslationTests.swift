import Testing
import TierscanCore
@testable import TierscanMatch

/// ``BlockingIndex/keyTranslation(to:)`` looks up the keys of the index with fewer keys in the
/// other (the risk-list rows' few keys among the entities' millions): the same table as looking
/// up every key of this index in `other` (``BlockingIndex/keyTranslationLookingUpOwnKeys(to:)``),
/// whichever index is larger, with keys on one side only, on both, and none shared.
@Suite struct BlockingIndexKeyTranslationTests {
  @Test(arguments: [(UInt64(5), 300, 80), (UInt64(13), 200, 700), (UInt64(21), 40, 900), (UInt64(8), 500, 500)])
  func eitherWayGivesTheSameTable(seed: UInt64, rowCount: Int, entityCount: Int) {
    let config = MatchConfig(maxBlock: 50, maxCandidates: 6)
    // Rows of some of the words only, so that some entity keys have no row (and the other way).
    let rows = BlockingCandidatesTests.records(seed: seed, count: rowCount).filter { !$0.record.name.contains("unit") }
    let entities = BlockingCandidatesTests.records(seed: seed &+ 1, count: entityCount).filter {
      !$0.record.name.contains("dragon")
    }
    let (rowIndex, entityIndex) = (BlockingIndex(records: rows, config: config), BlockingIndex(records: entities, config: config))
    for (a, b) in [(entityIndex, rowIndex), (rowIndex, entityIndex), (entityIndex, entityIndex)] {
      let reference = a.keyTranslationLookingUpOwnKeys(to: b)
      #expect(a.keyTranslation(to: b) == reference)
      #expect(reference.contains { $0 >= 0 })
    }
    #expect(entityIndex.keyTranslation(to: rowIndex).contains(-1) && rowIndex.keyTranslation(to: entityIndex).contains(-1))
    let empty = BlockingIndex(records: [], config: config)
    #expect(entityIndex.keyTranslation(to: empty) == entityIndex.keyTranslationLookingUpOwnKeys(to: empty))
    #expect(empty.keyTranslation(to: entityIndex).isEmpty)
  }
}
