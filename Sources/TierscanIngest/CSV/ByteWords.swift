/// Byte scans eight bytes at a time (SWAR: one `UInt64` word holds eight bytes), for the passes
/// over whole files that the split read makes before its halves start (``CSVSplit``).
///
/// A word's bytes equal to `b` are found exactly — no false positives from carries between
/// bytes — by `((x & 0x7F…) + 0x7F…) | x` where `x` is the word XOR `b` repeated: the high bit
/// of a byte of that is clear exactly when the byte of `x` is zero.
enum ByteWords {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  /// The high bit of every byte.
  static let high: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of each byte of `word` that equals the byte repeated in `pattern`.
  @inline(__always)
  static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
    let x = word ^ pattern
    return ~(((x & low7) &+ low7) | x) & high
  }

  /// The high bit of each byte of `word` that a plain CSV field may not hold: a control
  /// character (below 0x20), a quote (0x22) or DEL (0x7F). Bytes from 0x80 on are not marked.
  @inline(__always)
  static func plainStops(_ word: UInt64) -> UInt64 {
    // `(b & 0x7F) + 0x60` reaches 0x80 exactly when `b & 0x7F` ≥ 0x20; no carry leaves a byte.
    let control = ~((word & low7) &+ 0x6060_6060_6060_6060) & ~word & high
    return control | matches(word, 0x2222_2222_2222_2222) | matches(word, 0x7F7F_7F7F_7F7F_7F7F)
  }

  /// The number of `byte`s in `p[from..<to]`.
  ///
  /// - Complexity: O(`to` - `from`), about one word operation per eight bytes.
  static func count(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    guard from < to, let base = p.baseAddress else { return 0 }
    precondition(from >= 0 && to <= p.count, "ByteWords.count: range out of bounds")
    let pattern = ones &* UInt64(byte)
    var total = 0
    var k = from
    // Per-byte counters (0 or 1 added per byte per word) summed every 255 words, before a byte
    // can overflow; the sum of a word's bytes is taken in 16-bit lanes (at most 8 × 255).
    while to - k >= 8 {
      let words = min((to - k) / 8, 255)
      var lanes: UInt64 = 0
      for w in 0..<words {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + k + 8 * w).loadUnaligned(as: UInt64.self))
        lanes &+= matches(word, pattern) >> 7
      }
      let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
      total += Int((pairs &* 0x0001_0001_0001_0001) >> 48)
      k += 8 * words
    }
    while k < to {
      total &+= base[k] == byte ? 1 : 0
      k += 1
    }
    return total
  }
}
