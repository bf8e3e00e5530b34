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
  /// Risk-list screening and CMRT declarer linking use it; the duplicate search among entities
  /// uses ``duplicatesMaxBlock``.
  public var maxBlock: Int
  /// Largest block of the duplicate search among entities (``DuplicateFinder``): a blocking key
  /// shared by more entities is skipped (and counted). Lower than ``maxBlock`` because a common
  /// word's block fills the records' candidate lists with ties and crowds out the true pairs
  /// (docs/entity-resolution.md §2, "The duplicate search's cap").
  public var duplicatesMaxBlock: Int
  /// Most candidates scored per record (those sharing the most blocking keys).
  public var maxCandidates: Int

  /// Creates a configuration.
  public init(
    possible: Double = 0.8, same: Double = 0.9, addressAgree: Double = 0.5, addressConflict: Double = 0.2,
    screening: Double = 0.8, maxBlock: Int = 500, maxCandidates: Int = 30, duplicatesMaxBlock: Int = 100
  ) {
    self.possible = possible
    self.same = same
    self.addressAgree = addressAgree
    self.addressConflict = addressConflict
    self.screening = screening
    self.maxBlock = maxBlock
    self.maxCandidates = maxCandidates
    self.duplicatesMaxBlock = duplicatesMaxBlock
  }

  /// The shipped defaults.
  public static let defaults = MatchConfig()
}
