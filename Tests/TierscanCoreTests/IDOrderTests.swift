import Testing
@testable import TierscanCore
import TierscanTestSupport

/// `GraphBuilder.orderByIDBytes` sorts by 8-byte prefixes first; it must equal raw UTF-8 byte order.
@Suite struct IDOrderTests {
  private func order(_ ids: [String]) -> [String] {
    GraphBuilder.orderByIDBytes(ids).map { ids[$0] }
  }

  @Test func prefixesAndFallbackFollowByteOrder() {
    let ids = ["E2", "E10", "ABCDEFGHIJ", "ABCDEFGHI", "ABCDEFGH", "Ä", "Z", "ABCDEFGH\u{0}", "a", "ABCDEFGHIA"]
    #expect(
      order(ids) == [
        "ABCDEFGH", "ABCDEFGH\u{0}", "ABCDEFGHI", "ABCDEFGHIA", "ABCDEFGHIJ", "E10", "E2", "Z", "a", "Ä",
      ])
  }

  @Test func randomIDsMatchByteComparison() {
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    let alphabet: [Character] = ["A", "B", "0", "9", "é", "\u{0}", "-", "z"]
    var seen = Set<String>()
    let ids = (0..<2000).map { _ in String((0..<Int(next() % 12)).map { _ in alphabet[Int(next() % 8)] }) }
      .filter { seen.insert($0).inserted }
    let expected = ids.sorted { $0.utf8Precedes($1) }
    #expect(order(ids) == expected)
  }

  @Test(arguments: [0, 1, 2, 3, 17, 500] as [Int])
  func halvesSortedOnTwoCoresMergeToByteOrder(count: Int) {
    // Split at every size (minimumToSplit 0): ids sharing long prefixes, empty and multi-byte
    // ones, so the merge of the two halves compares full bytes.
    var random = SplitMix64(seed: UInt64(count) &+ 99)
    let stems = ["", "ABCDEFGH", "ABCDEFGHI", "E000", "é", "\u{0}", "Z"]
    var seen = Set<[UInt8]>()
    var ids: [String] = []
    while ids.count < count {
      let id = stems.randomElement(using: &random)! + String(Int.random(in: 0..<(count * 3 + 1), using: &random))
      if seen.insert(Array(id.utf8)).inserted { ids.append(id) }
    }
    var column = StringColumn()
    for id in ids { column.append(id) }
    let expected = ids.indices.sorted { ids[$0].utf8Precedes(ids[$1]) }
    #expect(GraphBuilder.orderByIDBytes(column, minimumToSplit: 0).map(Int.init) == expected)
    #expect(GraphBuilder.orderByIDBytes(column, minimumToSplit: .max).map(Int.init) == expected)
  }
}
