import Foundation

/// The four conflict minerals (3TG) of a CMRT, in the order the Declaration's question blocks
/// list them: tantalum, tin, gold, tungsten.
public enum CMRTMetal: String, Sendable, Hashable, CaseIterable, Codable {
  case tantalum
  case tin
  case gold
  case tungsten

  /// Reads a metal label such as `Tantalum`, ` TIN ` (case-insensitive, trimmed).
  public init?(label: String) {
    let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    self.init(rawValue: key)
  }
}
