import Testing
@testable import TierscanCore
import TierscanTestSupport

/// ``ByteInterner``'s growth (rehash from the old slots in order, short keys rehashed from their
/// slot's copy of the bytes) against a plain dictionary: every key keeps its first index through
/// every growth, every absent key stays absent; and the slot hash equals the byte hash.
@Suite struct ByteInternerRehashTests {
  @Test func slotHashEqualsByteHash() {
    var random = SplitMix64(seed: 0x4841_5348)
    for count in 0...8 {
      for _ in 0..<200 {
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        var head: UInt64 = 0
        for (k, byte) in bytes.enumerated() { head |= UInt64(byte) << (8 * UInt64(k)) }
        let expected = bytes.withUnsafeBytes { ByteInterner.hash($0) }
        #expect(ByteInterner.hash(head: head, count: count) == expected, "\(bytes)")
      }
    }
  }

  @Test(arguments: 0..<6 as Range<UInt64>)
  func internThroughGrowthEqualsDictionary(seed: UInt64) {
    var random = SplitMix64(seed: 0x5245_4841 &+ seed)
    var table = ByteInterner()
    var reference: [[UInt8]: Int32] = [:]
    // Keys of 0–300 bytes (slot-decided, arena-compared, and past the 255 length byte), with
    // repeats, through many doublings.
    let keys = (0..<5_000).map { _ -> [UInt8] in
      let length = [0, 1, 3, 7, 8, 9, 16, 40, 300][Int.random(in: 0..<9, using: &random)]
      let alphabet = UInt8.random(in: 1...4, using: &random)
      return (0..<length).map { _ in UInt8.random(in: 0..<alphabet, using: &random) }
    }
    for key in keys {
      let (index, inserted) = key.withUnsafeBytes { table.intern($0) }
      if let known = reference[key] {
        #expect(!inserted && index == known)
      } else {
        #expect(inserted && index == Int32(reference.count))
        reference[key] = index
      }
    }
    for (key, index) in reference {
      #expect(key.withUnsafeBytes { table.index(of: $0) } == index)
      #expect(table.withBytes(at: Int(index)) { Array($0) } == key)
    }
    for _ in 0..<500 {
      let absent = (0..<Int.random(in: 1...12, using: &random)).map { _ in UInt8.random(in: 5...255, using: &random) }
      #expect(absent.withUnsafeBytes { table.index(of: $0) } == nil)
    }
  }
}
