import Foundation

/// Result slots that concurrent workers fill, one slot per task, guarded by a lock; the caller
/// takes the values out once the workers are done (`DispatchQueue.concurrentPerform` has
/// returned). Taking leaves the slot empty, so the caller holds the only reference to each value
/// and can append to it or mutate it in place without a copy.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  /// `count` empty slots.
  public init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores `value` in slot `index`.
  public func set(_ index: Int, _ value: Value) {
    lock.withLock { slots[index] = value }
  }

  /// The value of slot `index`, which must be set; the slot is left empty.
  public func take(_ index: Int) -> Value {
    lock.withLock {
      defer { slots[index] = nil }
      return slots[index]!
    }
  }

  /// Every slot's value in slot order (all must be set); the slots are left empty.
  public func takeAll() -> [Value] {
    lock.withLock {
      defer { slots = Array(repeating: nil, count: slots.count) }
      return slots.map { $0! }
    }
  }
}
