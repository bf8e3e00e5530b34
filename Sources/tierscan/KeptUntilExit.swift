import Foundation

/// Values the process keeps until it exits instead of freeing them.
///
/// Freeing a million-entity graph and its analysis object by object takes seconds; the operating
/// system reclaims the whole address space at exit at once. Only for values that live until the
/// command ends anyway.
enum KeptUntilExit {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var values: [Any] = []

  /// Keeps `value` alive until the process exits.
  static func keep(_ value: Any) {
    lock.withLock { values.append(value) }
  }
}
