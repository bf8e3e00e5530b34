import CTierscanPrefetch
import TierscanCore

/// (key number, scope number) → block, for building the index: open addressing over a
/// power-of-two table at most half full (a dictionary hashes each of its keys with SipHash).
/// A slot holds the pair, its block and its hash, in one cache line. ``BlockNumbering`` keeps
/// here only the blocks of keys in scopes other than their first block's. Positions only: blocks
/// are numbered by `next`, in order of first appearance, whatever the hash.
struct BlockTable: Sendable {
  private struct Slot {
    var packed: UInt64 = 0
    var block: Int32 = -1
    var hash: UInt32 = 0
  }

  private var slots: [Slot] = []
  /// Number of blocks held.
  private(set) var count = 0

  /// The slot hash of (`key`, `scope`).
  @inline(__always)
  static func hash(key: Int32, scope: Int32) -> UInt64 {
    var h = (UInt64(UInt32(bitPattern: key)) << 32 | UInt64(UInt32(bitPattern: scope))) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    h &*= 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
  }

  /// Room for `blocks` blocks without growing (a size only: block numbers do not depend on it).
  mutating func reserveCapacity(_ blocks: Int) {
    guard blocks * 2 > slots.count else { return }
    var size = 16
    while size < blocks * 2 { size <<= 1 }
    grow(to: size)
  }

  /// Asks the processor to fetch the slot where the probe for `hash` starts (a hint only).
  @inline(__always)
  func prefetch(hash: UInt64) {
    slots.withUnsafeBufferPointer { slots in
      guard let base = slots.baseAddress else { return }
      tierscan_prefetch(base + (Int(truncatingIfNeeded: hash) & (slots.count - 1)))
    }
  }

  /// The block of (`key`, `scope`), whose ``hash(key:scope:)`` is `hash`; `next` (recorded)
  /// when it has none yet.
  mutating func block(key: Int32, scope: Int32, hash: UInt64, next: Int32) -> Int32 {
    if (count + 1) * 2 > slots.count { grow() }
    let packed = UInt64(UInt32(bitPattern: key)) << 32 | UInt64(UInt32(bitPattern: scope))
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: hash) & mask
    while slots[s].block >= 0 {
      if slots[s].packed == packed { return slots[s].block }
      s = (s + 1) & mask
    }
    slots[s] = Slot(packed: packed, block: next, hash: UInt32(truncatingIfNeeded: hash))
    count += 1
    return next
  }

  private mutating func grow() { grow(to: max(16, slots.count * 2)) }

  /// Moves every block into a table of `size` slots (a power of two).
  private mutating func grow(to size: Int) {
    precondition(size <= 1 << 32, "BlockTable: too many blocks")
    var newSlots = [Slot](repeating: Slot(), count: size)
    let mask = size - 1
    for slot in slots where slot.block >= 0 {
      var s = Int(slot.hash) & mask
      while newSlots[s].block >= 0 { s = (s + 1) & mask }
      newSlots[s] = slot
    }
    slots = newSlots
  }
}
