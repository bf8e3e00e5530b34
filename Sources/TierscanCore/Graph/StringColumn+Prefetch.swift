import CTierscanPrefetch

extension StringColumn {
  /// Asks the processor for the cache line of string `index`'s offset, so that a writer reading
  /// strings at random (`exposures.csv`'s `source_id`) finds it there a few rows later. A hint:
  /// no value depends on it; an index out of range asks for nothing.
  public func prefetchOffset(_ index: Int) {
    guard index >= 0, index < count else { return }
    offsets.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + index) }
  }

  /// Asks for the first cache line of string `index`'s bytes (reads its offset: call
  /// ``prefetchOffset(_:)`` some rows earlier). A hint, like ``prefetchOffset(_:)``.
  public func prefetchBytes(_ index: Int) {
    guard index >= 0, index < count else { return }
    let start = Int(offsets[index])
    bytes.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { tierscan_prefetch(base + start) }
    }
  }
}
