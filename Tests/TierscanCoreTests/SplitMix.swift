/// A small seeded generator (SplitMix64) for the property tests of this module: the same seed gives
/// the same sequence on every machine, so a failing case can be replayed.
struct SplitMix {
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0 ..< bound`.
  mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
