import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// ``BlockingIndex/selectLowest(_:of:)`` (the ties of the top-k cut) picks exactly the `k`
/// lowest values, as sorting and taking a prefix did.
@Suite struct BlockingSelectionTests {
  @Test func selectionEqualsSortedPrefix() {
    var rng = SplitMix64(state: 17)
    var checked = 0
    for _ in 0..<5_000 {
      let n = 1 + Int(rng.next() % 120)
      // Distinct values (record indices), in a random order; sometimes nearly sorted or reversed.
      var values = Array(Set((0..<n).map { _ in Int32(rng.next() % 400) }))
      values.sort()
      switch rng.next() % 4 {
      case 0: values.reverse()
      case 1: break
      default:
        for i in values.indices.reversed() where i > 0 { values.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      }
      let k = Int(rng.next() % UInt64(values.count + 2))
      var selected = values
      BlockingIndex.selectLowest(k, of: &selected)
      #expect(selected.sorted() == values.sorted(), "a permutation")
      let expected = Array(values.sorted().prefix(k))
      #expect(selected.prefix(k).sorted() == expected, "k=\(k) of \(values)")
      if k > 0 && k < values.count { checked += 1 }
    }
    #expect(checked > 1_000)
  }

  /// ``BlockingIndex/selectLowestByBits(_:of:bits:)`` writes the `k` lowest values in ascending
  /// order, leaves the bits clear for the next call (one bit set reused over every case, as a
  /// query's scratch is) and declines (changing nothing) when the values spread too thinly.
  @Test func bitSelectionEqualsSortedPrefix() {
    var rng = SplitMix64(state: 23)
    var bits: [UInt64] = []
    var (used, declined) = (0, 0)
    for _ in 0..<5_000 {
      let n = 1 + Int(rng.next() % 120)
      let spread = [64, 400, 10_000, 1_000_000][Int(rng.next() % 4)]
      var values = Array(Set((0..<n).map { _ in Int32(rng.next() % UInt64(spread)) }))
      for i in values.indices.reversed() where i > 0 { values.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      let k = Int(rng.next() % UInt64(values.count + 2))
      var selected = values
      if BlockingIndex.selectLowestByBits(k, of: &selected, bits: &bits) {
        used += 1
        #expect(Array(selected.prefix(k)) == Array(values.sorted().prefix(k)), "k=\(k) of \(values)")
      } else {
        declined += 1
        #expect(selected == values, "declined: unchanged")
      }
      #expect(bits.allSatisfy { $0 == 0 }, "bits left clear")
    }
    #expect(used > 1_000 && declined > 100)
  }
}

/// The byte-built keys of ``BlockingIndex`` (``BlockingIndex/nameKeyBytes(_:generic:_:)``) are
/// exactly ``BlockingKeys/nameKeys(of:)``'s strings, in the same order.
@Suite struct BlockingKeyBytesTests {
  static let words = [
    "golden", "jinlin", "zhucheng", "textile", "textil", "garment", "young", "one", "youngone", "unit", "2", "a", "b",
    "ab", "abcd", "abcde", "t0001", "tjnyh", "and", "the", "mills", "shaowu", "dragon", "dragons", "zz",
  ]

  @Test func byteKeysEqualStringKeys() {
    var rng = SplitMix64(state: 5)
    var generic = ByteInterner()
    for word in GenericWords.names.sorted() { _ = generic.intern(word) }
    var keys = BlockingIndex.KeyBytes()
    var nonEmpty = 0
    for _ in 0..<3_000 {
      let names = (0..<Int(rng.next() % 4)).map { _ in
        MatchName(
          tokens: (0..<Int(rng.next() % 5)).map { _ in Self.words[Int(rng.next() % UInt64(Self.words.count))] },
          qualifiers: (0..<Int(rng.next() % 3)).map { _ in Self.words[Int(rng.next() % UInt64(Self.words.count))] })
      }
      let record = PreparedRecord(MatchRecord(key: "k", name: "x"), names: names)
      let expected = BlockingKeys.nameKeys(of: record)
      BlockingIndex.nameKeyBytes(names, generic: generic, &keys)
      let actual = keys.ranges.map { String(decoding: keys.bytes[$0], as: UTF8.self) }
      #expect(actual == expected, "\(names)")
      if !expected.isEmpty { nonEmpty += 1 }
    }
    #expect(nonEmpty > 1_000)
  }
}
