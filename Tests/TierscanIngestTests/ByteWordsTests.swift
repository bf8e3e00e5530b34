import Testing
@testable import TierscanIngest
import TierscanTestSupport

/// ``ByteWords`` against a byte-by-byte count.
@Suite struct ByteWordsTests {
  private func naiveCount(_ byte: UInt8, _ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
    bytes[from..<to].reduce(0) { $0 + ($1 == byte ? 1 : 0) }
  }

  @Test func countEqualsByteByByteCount() {
    var rng = SplitMix64(seed: 7)
    // Bytes near the target and near the bit tricks' edges (0x7F, 0x80, 0xFF, 0x00, neighbours).
    let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x0D, 0x00, 0x7F, 0x80, 0xFF, 0x2C, 0x22, 0x41, 0x01]
    for round in 0..<400 {
      // Lengths across the 8-byte words and the 255-word flush (2,040 bytes).
      let length = round < 200 ? Int(rng.next() % 64) : Int(rng.next() % 6_000)
      let density = 1 + Int(rng.next() % 4)
      let bytes = (0..<length).map { _ in
        rng.next() % UInt64(density) == 0 ? UInt8(0x0A) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }
      let from = length == 0 ? 0 : Int(rng.next() % UInt64(length + 1))
      let to = from + Int(rng.next() % UInt64(length - from + 1))
      for byte: UInt8 in [0x0A, 0x00, 0xFF, 0x80, 0x7F] {
        let got = bytes.withUnsafeBufferPointer { ByteWords.count(byte, in: $0, from: from, to: to) }
        #expect(got == naiveCount(byte, bytes, from, to), "round \(round) byte \(byte) \(from)..<\(to)")
      }
    }
  }

  @Test func countOfAnAllMatchingRunPastTheFlush() {
    let bytes = [UInt8](repeating: 0x0A, count: 255 * 8 * 3 + 13)
    let got = bytes.withUnsafeBufferPointer { ByteWords.count(0x0A, in: $0, from: 1, to: bytes.count) }
    #expect(got == bytes.count - 1)
  }
}
