import CTierscanPrefetch

/// Prefetch hints for a loop that reads entities' match fields (id, name, aliases, country,
/// attributes, identifiers) at random, e.g. `resolve`'s records, built in the duplicate search's
/// order (by kind and country) while the table is sorted by id: each entity's fields lie on cache
/// lines of their own, and the loop knows the entities several records ahead.
///
/// Hints only: no value depends on them, and an index out of range asks for nothing.
extension EntityTable {
  /// Asks for the cache lines of entity `i`'s fixed-size fields that a match record reads: its
  /// id's and name's offsets, country code, alias start and identifier and attribute slots.
  public func prefetchMatchFields(_ i: Int) {
    guard i >= 0, i < count else { return }
    ids.prefetchOffset(i)
    names.prefetchOffset(i)
    countryCode.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + i) }
    aliasStart.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + i) }
    identifierSlot.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + i) }
    attributeSlot.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + i) }
  }

  /// Asks for the first cache line of entity `i`'s id and name bytes and of its identifier slot's
  /// entries (reads the offsets and the slot: call ``prefetchMatchFields(_:)`` some records
  /// earlier).
  public func prefetchMatchStrings(_ i: Int) {
    guard i >= 0, i < count else { return }
    ids.prefetchBytes(i)
    names.prefetchBytes(i)
    let slot = Int(identifierSlot[i])
    if slot >= 0 {
      identifierValues.present.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + slot) }
      identifierValues.firstValue.withUnsafeBufferPointer { tierscan_prefetch($0.baseAddress! + slot) }
    }
  }
}
