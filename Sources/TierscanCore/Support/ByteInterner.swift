import CTierscanPrefetch
import Foundation

/// Interns byte strings: maps each distinct byte sequence to a dense index (0, 1, 2, … in order
/// of first insertion), storing every distinct key once in one byte arena.
///
/// Open addressing with linear probing over a power-of-two array of ``Slot``s, at most half full.
/// The hash is a 64-bit multiply/xor mix over 8-byte words (not Swift's `Hasher`: keys here are
/// short ids and the table is never exposed to chosen keys in a way that matters for output —
/// the hash decides only slot positions, never any order that reaches an output). Each slot keeps
/// its entry's first 8 bytes, length and 24 bits of hash beside the entry index, so a probe
/// decides a key of up to 8 bytes from the slot alone (one cache line) and rejects most
/// mismatches of longer keys without touching the arena.
///
/// Keys compare as raw bytes, like ``RawKey``.
public struct ByteInterner: Sendable, Equatable {
  /// One hash-table slot.
  private struct Slot {
    /// The entry's first 8 bytes, little-endian, zero-padded.
    var head: UInt64 = 0
    /// The entry index, -1 when empty.
    var entry: Int32 = -1
    /// Bits 32–55 of the hash, then the key length (255 for 255 bytes or more) in the low byte.
    var tag: UInt32 = 0
  }

  /// All keys' bytes, back to back, in index order.
  package private(set) var arena: [UInt8] = []
  /// `offsets[i] ..< offsets[i + 1]` is key `i` in ``arena``.
  @usableFromInline package private(set) var offsets: [Int32] = [0]
  private var slots: [Slot] = []
  /// The entries read by ``prefetchSlots(of:)``, combined; carries no meaning.
  private var probeSink: Int32 = 0

  /// An empty table.
  public init() {}

  /// Number of distinct keys.
  @inlinable public var count: Int { offsets.count - 1 }

  public static func == (a: ByteInterner, b: ByteInterner) -> Bool {
    a.arena == b.arena && a.offsets == b.offsets
  }

  /// Reserves room for `keys` distinct keys without rehashing.
  public mutating func reserveCapacity(_ keys: Int) {
    offsets.reserveCapacity(keys + 1)
    if keys * 2 > slots.count { rehash(slotCount: Self.slotCount(for: keys)) }
  }

  /// Reserves room for `keys` distinct keys of `bytes` bytes in all, without rehashing and
  /// without growing the arena (a caller that knows, or can estimate, both sizes up front saves
  /// the doubling copies of the slots and of the arena). Changes no index.
  package mutating func reserveCapacity(_ keys: Int, bytes: Int) {
    reserveCapacity(keys)
    arena.reserveCapacity(bytes)
  }

  /// The index of `key`, inserting it when new.
  ///
  /// - Complexity: O(key length) expected.
  package mutating func intern(_ key: UnsafeRawBufferPointer) -> (index: Int32, inserted: Bool) {
    intern(key, hash: Self.hash(key))
  }

  /// ``intern(_:)`` of a key whose ``hash(_:)`` is `h` (computed beforehand, e.g. on another core).
  @inline(__always)
  package mutating func intern(_ key: UnsafeRawBufferPointer, hash h: UInt64) -> (index: Int32, inserted: Bool) {
    if (count + 1) * 2 > slots.count { rehash(slotCount: Self.slotCount(for: count + 1)) }
    let tag = Self.tag(h, count: key.count)
    let head = Self.head(key)
    let mask = slots.count - 1
    var s = Int(truncatingIfNeeded: h) & mask
    while true {
      let slot = slots[s]
      if slot.entry < 0 { break }
      if slot.tag == tag, slot.head == head, tailEquals(Int(slot.entry), key) { return (slot.entry, false) }
      s = (s + 1) & mask
    }
    let index = Int32(count)
    slots[s] = Slot(head: head, entry: index, tag: tag)
    arena.append(contentsOf: key)
    precondition(arena.count <= Int(Int32.max), "ByteInterner: arena exceeds 2 GiB")
    offsets.append(Int32(arena.count))
    return (index, true)
  }

  /// The index of `key`'s UTF-8 bytes, inserting it when new.
  public mutating func intern(_ key: String) -> (index: Int32, inserted: Bool) {
    var key = key
    return key.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
  }

  /// The index of `key`, or `nil` when absent.
  ///
  /// - Complexity: O(key length) expected.
  package func index(of key: UnsafeRawBufferPointer) -> Int32? {
    index(of: key, hash: Self.hash(key))
  }

  /// ``index(of:)``, asking `filter` first: a key whose hash `filter` refuses is no key, decided
  /// in cache without a probe of the slots. `filter` must hold the ``hash(_:)`` of every key
  /// (``ByteFilter/init(keysOf:)``, kept current by the owner as keys are added).
  @inline(__always)
  package func index(of key: UnsafeRawBufferPointer, filter: ByteFilter) -> Int32? {
    let h = Self.hash(key)
    guard filter.mayContain(h) else { return nil }
    return index(of: key, hash: h)
  }

  /// ``index(of:)`` of a key whose ``hash(_:)`` is `h`.
  @inline(__always)
  private func index(of key: UnsafeRawBufferPointer, hash h: UInt64) -> Int32? {
    guard !slots.isEmpty else { return nil }
    let tag = Self.tag(h, count: key.count)
    let head = Self.head(key)
    return slots.withUnsafeBufferPointer { slots -> Int32? in
      let mask = slots.count - 1
      var s = Int(truncatingIfNeeded: h) & mask
      while true {
        let slot = slots[s]
        if slot.entry < 0 { return nil }
        if slot.tag == tag, slot.head == head, tailEquals(Int(slot.entry), key) { return slot.entry }
        s = (s + 1) & mask
      }
    }
  }

  /// Reads the slots where probes for keys with the given ``hash(_:)`` values start and returns
  /// their entries combined. The reads are independent, so their cache misses overlap; reading
  /// the slots of a batch of upcoming keys before interning them one by one turns a miss per
  /// key into about one per batch. A hint only: the result carries no meaning.
  package func touchSlots(of hashes: UnsafeBufferPointer<UInt64>) -> Int32 {
    guard !slots.isEmpty else { return -1 }
    let mask = slots.count - 1
    return slots.withUnsafeBufferPointer { slots in
      var combined: Int32 = 0
      for h in hashes { combined ^= slots[Int(truncatingIfNeeded: h) & mask].entry }
      return combined
    }
  }

  /// Asks the processor to fetch the slot where the probe for a key with ``hash(_:)`` value `h`
  /// starts (a prefetch: a hint that reads nothing and changes no result).
  @inline(__always)
  package func prefetchSlot(hash h: UInt64) {
    slots.withUnsafeBufferPointer { slots in
      guard let base = slots.baseAddress else { return }
      tierscan_prefetch(base + (Int(truncatingIfNeeded: h) & (slots.count - 1)))
    }
  }

  /// Reads the slots where probes for keys with the given ``hash(_:)`` values start, like
  /// ``touchSlots(of:)``, keeping the entries combined in the table (so that the reads are not
  /// optimised away where the caller would drop the result). A hint only: no index, key or
  /// equality depends on it.
  package mutating func prefetchSlots(of hashes: UnsafeBufferPointer<UInt64>) {
    probeSink ^= touchSlots(of: hashes)
  }

  /// The index of `key`'s UTF-8 bytes, or `nil` when absent.
  public func index(of key: String) -> Int32? {
    var key = key
    return key.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
  }

  /// Calls `body` with the bytes of key `index`.
  package func withBytes<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let start = Int(offsets[index])
    let end = Int(offsets[index + 1])
    return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Key `index` as a string (keys are expected to be UTF-8; invalid bytes become U+FFFD).
  public func string(at index: Int) -> String {
    withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether entry `entry`, whose length and first 8 bytes already match `key`'s, equals `key`:
  /// keys of at most 8 bytes are decided by those; longer ones compare the rest in the arena.
  @inline(__always)
  private func tailEquals(_ entry: Int, _ key: UnsafeRawBufferPointer) -> Bool {
    let length = key.count
    if length <= 8 { return true }
    let start = Int(offsets[entry])
    guard Int(offsets[entry + 1]) - start == length else { return false }
    return arena.withUnsafeBytes { memcmp($0.baseAddress! + start + 8, key.baseAddress! + 8, length - 8) == 0 }
  }

  /// The slot tag of a key with hash `h` and `count` bytes.
  @inline(__always)
  private static func tag(_ h: UInt64, count: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: h >> 32) & 0xFFFF_FF00 | UInt32(min(count, 255))
  }

  /// The first 8 bytes of `key`, little-endian, zero-padded.
  @inline(__always)
  private static func head(_ key: UnsafeRawBufferPointer) -> UInt64 {
    guard let base = key.baseAddress else { return 0 }
    if key.count >= 8 { return UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) }
    var word: UInt64 = 0
    for k in 0..<key.count { word |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << (8 * UInt64(k)) }
    return word
  }

  private static func slotCount(for keys: Int) -> Int {
    var n = 16
    while n < keys * 2 { n <<= 1 }
    return n
  }

  /// Moves every entry into a table of `slotCount` slots. The old slots are read in order, so
  /// the new slots are written in two nearly sequential streams (a key's new home is its old
  /// home or that plus the old size) instead of one random write per key; a key of at most 8
  /// bytes is rehashed from its slot alone (``hash(head:count:)``), a longer one from the arena.
  /// Linear probing finds every key whatever order the keys were inserted in, and entry indices
  /// do not change.
  private mutating func rehash(slotCount: Int) {
    var newSlots = [Slot](repeating: Slot(), count: slotCount)
    let mask = slotCount - 1
    arena.withUnsafeBytes { bytes in
      offsets.withUnsafeBufferPointer { offsets in
        slots.withUnsafeBufferPointer { oldSlots in
          newSlots.withUnsafeMutableBufferPointer { newSlots in
            for slot in oldSlots where slot.entry >= 0 {
              let length = Int(slot.tag & 0xFF)
              let h: UInt64
              if length <= 8 {
                h = Self.hash(head: slot.head, count: length)
              } else {
                let e = Int(slot.entry)
                h = Self.hash(UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[e])..<Int(offsets[e + 1])]))
              }
              var s = Int(truncatingIfNeeded: h) & mask
              while newSlots[s].entry >= 0 { s = (s + 1) & mask }
              newSlots[s] = slot
            }
          }
        }
      }
    }
    slots = newSlots
  }

  /// ``hash(_:)`` of a key of `count` ≤ 8 bytes whose bytes, little-endian and zero-padded, are
  /// `head` (the slot's copy of them): the same value, computed without the key's bytes.
  @inline(__always)
  package static func hash(head: UInt64, count: Int) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
    guard count > 0 else { return h }
    if count == 8 {
      h = (h ^ head) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
    } else {
      h = (h ^ head) &* 0x94D0_49BB_1331_11EB
      h ^= h >> 29
    }
    h &*= 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return h
  }

  /// A 64-bit multiply/xor hash of `key` (8-byte little-endian words, then the tail).
  @inline(__always)
  package static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
    let n = key.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    guard n > 0, let base = key.baseAddress else { return h }
    var k = 0
    while k + 8 <= n {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: k, as: UInt64.self))
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      k += 8
    }
    if k < n {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      while k < n {
        word |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) << shift
        shift += 8
        k += 1
      }
      h = (h ^ word) &* 0x94D0_49BB_1331_11EB
      h ^= h >> 29
    }
    h &*= 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return h
  }
}
