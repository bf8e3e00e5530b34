/// An upper bound of the Jaro-Winkler similarity of two different words from the letters they
/// contain, with no matching of positions: what ``WordGate`` uses to tell that two words cannot
/// pair in ``TokenSimilarity`` (`tjnyh`/`tabcd` share one letter of five).
///
/// Why it bounds, for words `u`, `v` of `a`, `b` bytes (``JaroWinkler``):
/// - Jaro is `(m/a + m/b + (m − t)/m) / 3` with `m` matched characters (each a pair of equal
///   bytes, at most one partner each) and `t` half the transpositions, so Jaro ≤ `(m/a + m/b + 1) / 3`;
/// - a byte of `u` whose value does not occur in `v` matches nothing, so `m ≤ a − d_u` with `d_u`
///   the number of distinct byte values of `u` absent from `v` (each such value takes at least
///   one position of `u`), and likewise `m ≤ b − d_v`. Values are compared as `byte % 64` bits of
///   a mask (``letters(_:)``): two values sharing a bit count as present, which can only lower
///   `d` and so raise the bound;
/// - the Winkler boost adds `l × 0.1 × (1 − Jaro)` with `l ≤ 4`, and only when Jaro > 0.7, so
///   Jaro-Winkler ≤ `0.6 × Jaro + 0.4` when Jaro > 0.7 and = Jaro otherwise; reaching
///   ``TokenSimilarity/softThreshold`` (0.9) therefore needs Jaro ≥ 5/6, i.e. `m/a + m/b ≥ 1.5`,
///   and then the similarity is at most `0.6 × (m/a + m/b + 1) / 3 + 0.4`.
public enum JaroBound {
  /// The mask of a word's byte values (bit `byte % 64`).
  @inline(__always)
  public static func letters<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var mask: UInt64 = 0
    for byte in bytes { mask |= 1 << UInt64(byte & 63) }
    return mask
  }

  /// An upper bound of ``JaroWinkler/similarity(_:_:)-(UnsafeBufferPointer<UInt8>,UnsafeBufferPointer<UInt8>)``
  /// of two *different* non-empty words with masks `u`, `v` and lengths `a`, `b`, when it can
  /// reach ``TokenSimilarity/softThreshold``; `nil` when it cannot (the words never pair).
  @inline(__always)
  public static func softCap(_ u: UInt64, _ a: Int, _ v: UInt64, _ b: Int) -> Double? {
    let m = min(a - (u & ~v).nonzeroBitCount, b - (v & ~u).nonzeroBitCount)
    guard m > 0 else { return nil }
    let sum = Double(m) / Double(a) + Double(m) / Double(b)
    guard sum >= 1.5 - 1e-12 else { return nil }
    return min(1, 0.6 * (sum + 1) / 3 + 0.4 + 1e-9)
  }
}
