import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanRisk

/// ``EntityKeyIndex/slot(of:)`` behind its ``ByteFilter`` against a plain dictionary: the slot of
/// every indexed key, `nil` for every other key, for an index of a fixed set of keys and after keys
/// are added to it (the filter grows with the index).
@Suite struct EntityKeyIndexFilterTests {
  static func randomKey(_ random: inout SplitMix64) -> String {
    let length = Int.random(in: 1...14, using: &random)
    return String((0..<length).map { _ in "abcde fgt0123"[Int.random(in: 0..<13, using: &random)] })
  }

  @Test(arguments: [0, 1, 500, 20_000])
  func slotsEqualADictionary(count: Int) {
    var random = SplitMix64(seed: 0x454B_4958 &+ UInt64(count))
    let keys = (0..<count).map { _ in Self.randomKey(&random) }
    var index = EntityKeyIndex(keys: keys)
    var reference: [String: Int] = [:]
    for key in keys where reference[key] == nil { reference[key] = reference.count }
    func check(_ key: String) {
      var key = key
      let slot = key.withUTF8 { index.slot(of: UnsafeRawBufferPointer($0)) }
      #expect(slot == reference[key], "\(key)")
    }
    for key in keys { check(key) }
    for _ in 0..<20_000 { check(Self.randomKey(&random)) }
    // Keys added later are found too.
    for e in 0..<5_000 {
      var key = Self.randomKey(&random)
      key.withUTF8 { index.add(EntityIndex(e), key: UnsafeRawBufferPointer($0)) }
      if reference[key] == nil { reference[key] = reference.count }
      check(key)
    }
    for key in reference.keys { check(key) }
  }
}

private extension String {
  subscript(_ i: Int) -> Character { self[index(startIndex, offsetBy: i)] }
}
