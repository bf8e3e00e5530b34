import Testing
@testable import TierscanCore
import TierscanTestSupport

/// ``ByteFilter`` never refuses a hash it holds (the look-ups it stands in front of stay exact),
/// against a plain set of keys: every inserted key, built from an interner or inserted one by one
/// past the size it was made for, is `mayContain`; and it does refuse most absent keys (else it
/// would save nothing).
@Suite struct ByteFilterTests {
  static func randomKeys(_ count: Int, _ random: inout SplitMix64) -> [[UInt8]] {
    (0..<count).map { _ in
      let length = [1, 3, 5, 8, 9, 12, 20][Int.random(in: 0..<7, using: &random)]
      return (0..<length).map { _ in UInt8.random(in: 0x61...0x7A, using: &random) }
    }
  }

  @Test(arguments: [0, 10, 1_000, 30_000])
  func holdsEveryKeyOfAnInterner(count: Int) {
    var random = SplitMix64(seed: 0x4649_4C54 &+ UInt64(count))
    var interner = ByteInterner()
    let keys = Self.randomKeys(count, &random)
    for key in keys { _ = key.withUnsafeBytes { interner.intern($0) } }
    let filter = ByteFilter(keysOf: interner)
    let present = Set(keys)
    for key in keys { #expect(key.withUnsafeBytes { filter.mayContain(ByteInterner.hash($0)) }) }
    var passed = 0
    var absent = 0
    for key in Self.randomKeys(20_000, &random) where !present.contains(key) {
      absent += 1
      if key.withUnsafeBytes({ filter.mayContain(ByteInterner.hash($0)) }) { passed += 1 }
    }
    // 16 bits per key and two probes: about 1.4 % pass; at most 5 % (and none of an empty filter).
    #expect(passed * 20 <= absent, "\(passed) of \(absent) absent keys passed")
    if count == 0 { #expect(passed == 0) }
  }

  @Test func holdsKeysInsertedPastItsSize() {
    var random = SplitMix64(seed: 0x4752_4F57)
    var filter = ByteFilter(capacity: 0)
    let hashes = Self.randomKeys(50_000, &random).map { key in key.withUnsafeBytes { ByteInterner.hash($0) } }
    for h in hashes { filter.insert(h) }
    #expect(hashes.allSatisfy { filter.mayContain($0) })
  }
}
