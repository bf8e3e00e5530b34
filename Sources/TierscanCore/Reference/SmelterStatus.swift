import Foundation

/// RMAP status of a smelter (model §2.6); any other text counts as `unknown`.
public enum SmelterStatus: String, Sendable, Hashable, CaseIterable, Codable {
  case conformant
  case active
  case nonConformant = "non-conformant"
  case unknown

  /// Reads a status value case-insensitively; anything unrecognised is `unknown`.
  public init(reading raw: String) {
    self = SmelterStatus(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) ?? .unknown
  }
}
