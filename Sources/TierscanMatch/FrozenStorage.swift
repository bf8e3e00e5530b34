/// Memory for arrays that never change once built, read through `UnsafeBufferPointer`s that stay
/// valid as long as the storage lives: a hot loop on several cores reads them with no reference
/// count touched (an array shared by two workers and copied per call has its one count
/// incremented from both cores, a round trip of its cache line each time; docs/entity-resolution.md
/// §8, risk-list pass). The owner keeps the storage beside the pointers it handed out.
final class FrozenStorage: @unchecked Sendable {
  // Unchecked: the memory is written once, in `freeze`, before any pointer to it is handed out,
  // and only read after.
  private var allocations: [UnsafeMutableRawPointer] = []

  init() {}

  /// A copy of `array` that lives as long as this storage.
  func freeze<T: BitwiseCopyable>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
    _ = memory.initialize(from: array)
    allocations.append(UnsafeMutableRawPointer(memory.baseAddress!))
    return UnsafeBufferPointer(start: memory.baseAddress, count: array.count)
  }

  deinit {
    for memory in allocations { memory.deallocate() }
  }
}
