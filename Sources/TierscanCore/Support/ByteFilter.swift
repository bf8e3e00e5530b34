/// A small membership filter over 64-bit hashes (a Bloom filter with two probes): ``mayContain(_:)``
/// is `true` for every hash inserted, and for a few others. It stands in front of a larger hash
/// table whose look-ups mostly miss (words no risk-list row has, names no row is called), so that a
/// miss is decided from a bit array that stays in cache instead of a probe of the table's slots,
/// which misses the cache (docs/entity-resolution.md §4.1, eleventh round).
///
/// Exact by construction: a caller skips the table only when this says `false`, which it never
/// says for an inserted hash (`ByteFilterTests`).
public struct ByteFilter: Sendable {
  /// The bits, 64 to a word; `mask` selects a bit number.
  private var bits: [UInt64]
  private let mask: UInt64

  /// An empty filter sized for about `count` hashes: 16 bits per hash (about 1.4 % of absent
  /// hashes pass with two probes), at least 4,096 bits.
  public init(capacity count: Int) {
    var size = 4_096
    while size < 16 * count { size <<= 1 }
    bits = [UInt64](repeating: 0, count: size / 64)
    mask = UInt64(size - 1)
  }

  /// A filter holding ``ByteInterner/hash(_:)`` of every key of `interner`.
  public init(keysOf interner: ByteInterner) {
    self.init(capacity: interner.count)
    for k in 0..<interner.count { insert(interner.withBytes(at: k) { ByteInterner.hash($0) }) }
  }

  /// The two bit numbers of `h`: bits taken from two separate parts of the hash (neither from the
  /// low bits alone, which also choose ``ByteInterner``'s slot).
  @inline(__always)
  private func probes(_ h: UInt64) -> (Int, Int) {
    (Int(truncatingIfNeeded: (h >> 7) & mask), Int(truncatingIfNeeded: (h >> 37 | h << 27) & mask))
  }

  /// Number of bits (a filter holding more than a sixteenth as many hashes lets more absent ones pass).
  public var bitCount: Int { bits.count * 64 }

  /// Adds `h`.
  public mutating func insert(_ h: UInt64) {
    let (x, y) = probes(h)
    bits[x >> 6] |= 1 << UInt64(x & 63)
    bits[y >> 6] |= 1 << UInt64(y & 63)
  }

  /// `false` only when `h` was never inserted.
  @inline(__always)
  public func mayContain(_ h: UInt64) -> Bool {
    let (x, y) = probes(h)
    return bits.withUnsafeBufferPointer { bits in
      bits[x >> 6] & (1 << UInt64(x & 63)) != 0 && bits[y >> 6] & (1 << UInt64(y & 63)) != 0
    }
  }
}
