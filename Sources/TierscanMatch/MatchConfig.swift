/// Thresholds and limits of the matching engine (config key `matching`, documented in
/// docs/entity-resolution.md and docs/default-config.json).
public struct MatchConfig: Sendable, Equatable {
  /// Least similarity for `possible` (review); below it a pair is `distinct`.
  public var possible: Double
  /// Least similarity for `same` without identifiers; the addresses must also agree.
  public var same: Double
  /// Least address similarity for addresses to *agree* (both given).
  public var addressAgree: Double
  /// Address similarity below which two given addresses *conflict*.
  public var addressConflict: Double
  /// Least similarity for the `name-fuzzy` risk-list rule to fire.
  public var screening: Double
  /// Largest block compared; a blocking key shared by more records is skipped (and counted).
  public var maxBlock: Int
  /// Most candidates scored per record (those sharing the most blocking keys).
  public var maxCandidates: Int

  /// Creates a configuration.
  public init(
    possible: Double = 0.8, same: Double = 0.9, addressAgree: Double = 0.5, addressConflict: Double = 0.2,
    screening: Double = 0.8, maxBlock: Int = 500, maxCandidates: Int = 30
  ) {
    self.possible = possible
    self.same = same
    self.addressAgree = addressAgree
    self.addressConflict = addressConflict
    self.screening = screening
    self.maxBlock = maxBlock
    self.maxCandidates = maxCandidates
  }

  /// The shipped defaults.
  public static let defaults = MatchConfig()
}
