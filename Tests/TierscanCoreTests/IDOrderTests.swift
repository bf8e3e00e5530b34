import Testing
@testable import TierscanCore

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
}
