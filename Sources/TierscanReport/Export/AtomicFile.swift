import Foundation

/// Writes one file atomically: a temporary sibling, then a rename over the target.
public enum AtomicFile {
  /// Writes `bytes` to `path`.
  ///
  /// - Throws: a Foundation error when the directory is missing or not writable.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
