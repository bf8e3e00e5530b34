/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// the one small seeded generator every property test uses, so a failing case reproduces from its
/// seed on any machine (the standard library's generator is not seedable).
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state; the next value is a function of it alone.
  public var state: UInt64

  /// A generator whose first output is determined by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The same as `init(seed:)`, for call sites that name the raw state.
  public init(state: UInt64) { self.state = state }

  /// The next 64 pseudo-random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
