import Testing
import TierscanCore

/// The spellings of a supplier list's `tier` cell (docs/formats.md#declared-tiers).
@Suite struct DeclaredTierTests {
  @Test(arguments: [
    ("1", 1), ("02", 2), (" 3 ", 3), ("2.0", 2), ("2.00", 2), ("Tier 2", 2), ("TIER 2", 2), ("tier2", 2),
    ("tier-2", 2), ("Tier_4", 4), ("T2", 2), ("t 3", 3), ("t-7", 7), ("999", 999), ("Tier 999", 999),
  ])
  func acceptedSpellings(_ text: String, _ tier: Int) {
    #expect(DeclaredTier.parse(text) == tier, "\(text)")
  }

  @Test(arguments: [
    "", " ", "0", "00", "Tier 0", "T0", "-1", "-0", "+1", "1e9", "1E2", "1000", "1000000000", "99999999999999999999",
    "2.5", "2.", ".5", "2-3", "1;2", "two", "tier two", "Tier", "T", "tier 2a", "2nd", "tt2", "0x2", "١", "２", "nan", "inf",
    "tier 1 2", "Tier -1", "tier - 5", "t -2",
  ])
  func refusedSpellings(_ text: String) {
    #expect(DeclaredTier.parse(text) == nil, "\(text)")
  }
}
