import TierscanCore

/// Which indexed words a word pairs with in ``TokenSimilarity`` (the scorer's partner rule), found
/// without a scan of every word: two different words pair there only when both have four bytes or
/// more, the same first byte, and `JaroWinkler.similarity ≥ 0.9` (``TokenSimilarity/softThreshold``).
/// Every word the look-up finds is checked with that very function, so the partners reported are
/// exactly those words, each with its similarity (docs/entity-resolution.md §4.1, eighth round).
/// ASCII words of 4 to ``maxLength`` bytes only (the caller handles the others).
///
/// Why the look-up finds every partner `v` (length `b`) of a word `u` (length `a`): Jaro-Winkler is
/// `J + 0.1 p (1 − J)` (`p` the common prefix, at most 4, and only when `J > 0.7`; else `J ≤ 0.7`),
/// so 0.9 needs `J ≥ θ_p = (0.9 − 0.1p) / (1 − 0.1p)` (p = 1: .889, 2: .875, 3: .857, 4: .833).
/// With `m` matched characters, `J = (m/a + m/b + (m − t/2)/m) / 3 ≤ (m/a + m/b + 1) / 3`, so
/// `m/a + m/b ≥ 3θ_p − 1`. The first bytes are equal, so `p ≥ 1`, and:
/// - (a) `p ≥ 3`: `v` has `u`'s first three bytes. Words are kept sorted by (first byte, length,
///   bytes), so those of one length and three-byte prefix are a contiguous run, found by halving;
///   the lengths with `m/a + m/b ≥ 1.5` for some `m ≤ min(a, b)` are `a/2 ≤ b ≤ 2a`.
/// - (b) `p ≤ 2`: `m/a + m/b ≥ 1.625` (`3 × 0.875 − 1`; p = 1 asks more). Matched characters are
///   equal bytes at distinct positions, and `u[0]` is always matched to `v[0]` (the match window
///   holds position 0 and the search takes the first free equal byte), so the rest of `u` and the
///   rest of `v` (their bytes after the first, as multisets) share a sub-multiset of `m − 1 ≥
///   m₀(a, b) − 1` bytes, `m₀(a, b)` the least `m` with `m/a + m/b ≥ 1.625` (computed with a
///   tolerance of 1e-9, so a border case such as `b = 2a, m = a`, which is exactly 0.9, is kept
///   and the exact check decides). So each indexed word is hashed under every sub-multiset of its
///   rest of each size `m₀(a, b) − 1` some length `a` needs, keyed by (first byte, `b`, size,
///   sorted bytes), and a query looks up its own sub-multisets of size `m₀(a, b) − 1` for each
///   `b`: every partner shares one of them. For a five-byte code against five bytes `m₀ = 5`: the
///   same multiset of bytes, one key.
/// A word with more than ``keyLimit`` keys is not hashed but kept in its (first byte, length)
/// bucket's list of words always checked; a query with more than ``lookupLimit`` look-ups for one
/// length, or a small bucket, checks the whole bucket. Both are exact.
struct WordPartners: Sendable {
  /// Longest word indexed or looked up.
  static let maxLength = 63
  /// Most keys stored per word before it is always checked instead.
  static let keyLimit = 64
  /// Most look-ups per query and length before the whole bucket is checked instead.
  static let lookupLimit = 64
  /// Buckets of at most this many words are checked whole.
  static let scanLimit = 12

  /// Which look-ups to make (tests leave one out to see the property fail).
  struct Rules: OptionSet, Sendable {
    let rawValue: Int
    /// (a): the words of the same first three bytes.
    static let prefix = Rules(rawValue: 1)
    /// (b): the words sharing a sub-multiset of bytes.
    static let multiset = Rules(rawValue: 2)
    static let all: Rules = [.prefix, .multiset]
  }

  private struct Bucket: Sendable {
    /// Words `start ..< end` (sorted by bytes); the ones not hashed `always[alwaysStart ..< alwaysEnd]`.
    var start: Int32 = 0
    var end: Int32 = 0
    var alwaysStart: Int32 = 0
    var alwaysEnd: Int32 = 0
    /// No word of the bucket has a digit (see ``forEachPartner(of:_:_:)``).
    var digitFree = true
  }

  private let rules: Rules
  /// Bucket of (first byte, length): `buckets[first << 6 | length]`.
  private var buckets = [Bucket](repeating: Bucket(), count: 256 * 64)
  /// Words back to back, sorted by (first byte, length, bytes): word `k` is
  /// `bytes[starts[k] ..< starts[k + 1]]`, with the caller's id `ids[k]`.
  private var bytes: [UInt8] = []
  private var starts: [Int32] = [0]
  private var ids: [Int32] = []
  /// Letter masks (``JaroBound/letters(_:)``) of the words.
  private var masks: [UInt64] = []
  /// Words with too many keys, per bucket.
  private var always: [Int32] = []
  /// Sub-multiset hash: open addressing, key → first entry of a chain of words.
  private var slotKeys: [UInt64] = []
  private var slotHeads: [Int32] = []
  private var entryWord: [Int32] = []
  private var entryNext: [Int32] = []
  /// The sub-multiset keys stored, and the (first byte, length, second and third bytes) of every
  /// word: a look-up that would miss is told apart here, in cache, before a probe of the slots or
  /// a halving of the bucket (``ByteFilter``; exact, it never refuses what is stored).
  private var keyFilter = ByteFilter(capacity: 0)
  private var prefixFilter = ByteFilter(capacity: 0)

  /// `leastMatched[a][b]`: `m₀(a, b)`, the least `m ≤ min(a, b)` with `m/a + m/b ≥ 1.625 − 1e-9`
  /// (-1 for none).
  static let leastMatched: [[Int]] = (0...maxLength).map { a in
    (0...maxLength).map { b in
      guard a >= 4, b >= 4 else { return -1 }
      for m in 1...min(a, b) where Double(m) / Double(a) + Double(m) / Double(b) >= 1.625 - 1e-9 { return m }
      return -1
    }
  }

  /// ``leastMatched`` flat, `m₀(a, b)` at `a << 6 | b`: one array read in place (a row of
  /// ``leastMatched`` taken per look-up retained and released an array both workers share).
  private static let leastMatchedFlat: [Int8] = (0...maxLength).flatMap { a in
    (0...maxLength).map { b in Int8(leastMatched[a][b]) }
  }

  /// The sub-multiset sizes word lengths `b` are hashed under: `m₀(a, b) − 1` over every `a`.
  private static let storedSizes: [[Int]] = (0...maxLength).map { b in
    var sizes: [Int] = []
    for a in 0...maxLength where leastMatched[a][b] > 0 && !sizes.contains(leastMatched[a][b] - 1) {
      sizes.append(leastMatched[a][b] - 1)
    }
    return sizes.sorted()
  }

  /// Indexes `words` (the caller's id and bytes): ASCII words of 4 to ``maxLength`` bytes; others
  /// are left out.
  init(words: [(id: Int32, bytes: [UInt8])], rules: Rules = .all) {
    self.rules = rules
    let kept = words.filter { $0.bytes.count >= 4 && $0.bytes.count <= Self.maxLength && $0.bytes.allSatisfy { $0 < 0x80 } }
      .sorted { x, y in
        x.bytes[0] != y.bytes[0]
          ? x.bytes[0] < y.bytes[0]
          : x.bytes.count != y.bytes.count ? x.bytes.count < y.bytes.count : x.bytes.lexicographicallyPrecedes(y.bytes)
      }
    var hashed: [(word: Int32, key: UInt64)] = []
    var prefixes: [UInt64] = []
    var k = 0
    while k < kept.count {
      let (first, length) = (kept[k].bytes[0], kept[k].bytes.count)
      var bucket = Bucket(start: Int32(k), end: Int32(k), alwaysStart: Int32(always.count), alwaysEnd: Int32(always.count))
      while k < kept.count, kept[k].bytes[0] == first, kept[k].bytes.count == length {
        let word = kept[k].bytes
        if word.contains(where: Self.isDigit) { bucket.digitFree = false }
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        ids.append(kept[k].id)
        masks.append(JaroBound.letters(word))
        prefixes.append(Self.prefixKey(first, length, word[1], word[2]))
        let rest = Array(word.dropFirst()).sorted()
        var keys: [UInt64] = []
        for size in Self.storedSizes[length] where keys.count <= Self.keyLimit {
          var hashes: [UInt64] = []
          rest.withUnsafeBufferPointer {
            Self.appendSubMultisets($0, 0, size, Self.fnvBasis, &hashes, limit: Self.keyLimit + 1)
          }
          keys += hashes.map { Self.key($0, first: first, length: length, size: size) }
        }
        if keys.count > Self.keyLimit {
          always.append(Int32(k))
        } else {
          for key in keys { hashed.append((Int32(k), key)) }
        }
        k += 1
      }
      bucket.end = Int32(k)
      bucket.alwaysEnd = Int32(always.count)
      buckets[Int(first) << 6 | length] = bucket
    }
    keyFilter = ByteFilter(capacity: hashed.count)
    for (_, key) in hashed { keyFilter.insert(key) }
    prefixFilter = ByteFilter(capacity: prefixes.count)
    for key in prefixes { prefixFilter.insert(key) }
    var slots = 16
    while slots < 2 * hashed.count { slots *= 2 }
    slotKeys = [UInt64](repeating: 0, count: slots)
    slotHeads = [Int32](repeating: -1, count: slots)
    for (word, key) in hashed {
      var s = Self.slot(key, slots)
      while slotHeads[s] >= 0 && slotKeys[s] != key { s = (s + 1) & (slots - 1) }
      slotKeys[s] = key
      entryWord.append(word)
      entryNext.append(slotHeads[s])
      slotHeads[s] = Int32(entryWord.count - 1)
    }
  }

  /// Working memory of one caller.
  struct Scratch: Sendable {
    fileprivate var seen: [Int32] = []
    fileprivate var hashes: [UInt64] = []
    fileprivate var rest: [UInt8] = []
    fileprivate var letters: [UInt8] = []
  }

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Calls `body` with the id and the Jaro-Winkler similarity of every indexed word other than
  /// `word` itself that ``TokenSimilarity`` pairs with `word` (each once, in no promised order).
  /// Nothing for a word of fewer than four or more than ``maxLength`` bytes or with a non-ASCII
  /// byte. Each word found is first tried with ``JaroBound/softCap(_:_:_:_:)`` (a necessary
  /// condition, on letter masks), then with ``JaroWinkler``.
  ///
  /// A bucket whose words have no digit (``Bucket/digitFree``) is searched for a word with digits
  /// only among what its digit-free partners can share: such a partner `v` has none of `word`'s
  /// digits, so (a) when `word[1]` or `word[2]` is a digit no word of the bucket has `word`'s first
  /// three bytes, and (b) the sub-multiset `v` shares with the rest of `word` has no digit: it is a
  /// sub-multiset of the rest's other bytes (``Scratch/letters``, sorted as the rest, so hashed the
  /// same), none when they are fewer than `m₀(a, b) − 1` (then the bucket's words that are always
  /// checked cannot be partners either, for the same reason, unless through (a)).
  ///
  /// - Complexity: O(lengths × (look-ups + words found)), each found word checked once.
  func forEachPartner(of word: UnsafeRawBufferPointer, _ scratch: inout Scratch, _ body: (Int32, Double) -> Void) {
    let a = word.count
    guard a >= 4, a <= Self.maxLength, !word.contains(where: { $0 >= 0x80 }) else { return }
    let u = word.bindMemory(to: UInt8.self)
    let first = u[0]
    let mask = JaroBound.letters(u)
    var rest: [UInt8] = []
    var letters: [UInt8] = []
    var hashes: [UInt64] = []
    var seen: [Int32] = []
    swap(&rest, &scratch.rest)
    swap(&letters, &scratch.letters)
    swap(&hashes, &scratch.hashes)
    swap(&seen, &scratch.seen)
    defer {
      swap(&rest, &scratch.rest)
      swap(&letters, &scratch.letters)
      swap(&hashes, &scratch.hashes)
      swap(&seen, &scratch.seen)
    }
    rest.removeAll(keepingCapacity: true)
    rest.append(contentsOf: u.dropFirst())
    rest.sort()
    letters.removeAll(keepingCapacity: true)
    for byte in rest where !Self.isDigit(byte) { letters.append(byte) }
    let hasDigit = letters.count < rest.count
    let digitInPrefix = Self.isDigit(u[1]) || Self.isDigit(u[2])
    let usePrefix = rules.contains(.prefix)
    let useMultiset = rules.contains(.multiset)
    bytes.withUnsafeBufferPointer { all in
      starts.withUnsafeBufferPointer { starts in
        masks.withUnsafeBufferPointer { masks in
          ids.withUnsafeBufferPointer { ids in
            @inline(__always) func check(_ k: Int) {
              let (s, e) = (Int(starts[k]), Int(starts[k + 1]))
              let b = e - s
              let v = UnsafeBufferPointer(rebasing: all[s..<e])
              guard JaroBound.softCap(mask, a, masks[k], b) != nil else { return }
              if b == a && v.elementsEqual(u) { return }
              let similarity = JaroWinkler.similarity(u, v)
              if similarity >= TokenSimilarity.softThreshold { body(ids[k], similarity) }
            }
            @inline(__always) func samePrefix(_ k: Int) -> Bool {
              let s = Int(starts[k])
              return all[s + 1] == u[1] && all[s + 2] == u[2]
            }
            for b in max(4, (a + 1) / 2)...min(Self.maxLength, 2 * a) {
              let bucket = buckets[Int(first) << 6 | b]
              guard bucket.end > bucket.start else { continue }
              let size = Int(Self.leastMatchedFlat[a << 6 | b]) - 1
              // A word with digits against words without: only what they can share (see above).
              let digitFree = hasDigit && bucket.digitFree
              if digitFree && digitInPrefix && (size < 0 || letters.count < size) { continue }
              if bucket.end - bucket.start <= Self.scanLimit {
                for k in Int(bucket.start)..<Int(bucket.end) { check(k) }
                continue
              }
              hashes.removeAll(keepingCapacity: true)
              if size >= 0 {
                (digitFree ? letters : rest).withUnsafeBufferPointer { rest in
                  Self.appendSubMultisets(rest, 0, size, Self.fnvBasis, &hashes, limit: Self.lookupLimit + 1)
                }
              }
              if hashes.count > Self.lookupLimit {
                for k in Int(bucket.start)..<Int(bucket.end) { check(k) }
                continue
              }
              // (a) the run of the same three first bytes.
              if usePrefix && !(digitFree && digitInPrefix) && prefixFilter.mayContain(Self.prefixKey(first, b, u[1], u[2])) {
                var low = Int(bucket.start)
                var high = Int(bucket.end)
                while low < high {
                  let mid = (low + high) / 2
                  let s = Int(starts[mid])
                  if (all[s + 1], all[s + 2]) < (u[1], u[2]) { low = mid + 1 } else { high = mid }
                }
                var k = low
                while k < Int(bucket.end), samePrefix(k) {
                  check(k)
                  k += 1
                }
              }
              guard size >= 0, useMultiset, !(digitFree && letters.count < size) else { continue }
              // (b) the words sharing a sub-multiset of `size` bytes; those of the same three first
              // bytes were checked above.
              for m in Int(bucket.alwaysStart)..<Int(bucket.alwaysEnd) {
                let k = Int(always[m])
                if !usePrefix || !samePrefix(k) { check(k) }
              }
              seen.removeAll(keepingCapacity: true)
              for hash in hashes {
                let key = Self.key(hash, first: first, length: b, size: size)
                guard keyFilter.mayContain(key) else { continue }
                var s = Self.slot(key, slotKeys.count)
                while slotHeads[s] >= 0 {
                  if slotKeys[s] == key {
                    var e = slotHeads[s]
                    while e >= 0 {
                      let k = Int(entryWord[Int(e)])
                      if (!usePrefix || !samePrefix(k)) && !seen.contains(Int32(k)) {
                        seen.append(Int32(k))
                        check(k)
                      }
                      e = entryNext[Int(e)]
                    }
                    break
                  }
                  s = (s + 1) & (slotKeys.count - 1)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Appends to `found` the id of every partner of `word` (as ``forEachPartner(of:_:_:)`` finds
  /// them, in its order).
  func appendPartners(of word: UnsafeRawBufferPointer, _ scratch: inout Scratch, to found: inout [Int32]) {
    forEachPartner(of: word, &scratch) { v, _ in found.append(v) }
  }

  /// The ``prefixFilter`` key of words of first byte `first`, length `length` and second and
  /// third bytes `second`, `third`.
  @inline(__always)
  private static func prefixKey(_ first: UInt8, _ length: Int, _ second: UInt8, _ third: UInt8) -> UInt64 {
    let packed = UInt64(first) << 24 | UInt64(length) << 16 | UInt64(second) << 8 | UInt64(third)
    var h = (packed ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 31
    return h &* 0x94D0_49BB_1331_11EB
  }

  private static func key(_ hash: UInt64, first: UInt8, length: Int, size: Int) -> UInt64 {
    hash ^ (UInt64(first) << 16 | UInt64(length) << 8 | UInt64(size)) &* 0xC2B2_AE3D_27D4_EB4F
  }

  @inline(__always)
  private static func slot(_ key: UInt64, _ count: Int) -> Int {
    let mixed = (key ^ (key >> 31)) &* 0xBF58_476D_1CE4_E5B9
    return Int(truncatingIfNeeded: mixed >> UInt64(64 - count.trailingZeroBitCount)) & (count - 1)
  }

  private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325

  /// Appends a hash (FNV-1a of the bytes in order, from `hash`) of every distinct sub-multiset of
  /// `left` bytes of the sorted `sorted[start...]` to `hashes` (each once: a byte equal to the one
  /// before it at the same place is not chosen again), stopping once `hashes` holds `limit`.
  private static func appendSubMultisets(
    _ sorted: UnsafeBufferPointer<UInt8>, _ start: Int, _ left: Int, _ hash: UInt64, _ hashes: inout [UInt64],
    limit: Int
  ) {
    guard left >= 0, left <= sorted.count - start, hashes.count < limit else { return }
    if left == 0 {
      hashes.append(hash)
      return
    }
    var i = start
    while i <= sorted.count - left, hashes.count < limit {
      if i == start || sorted[i] != sorted[i - 1] {
        appendSubMultisets(sorted, i + 1, left - 1, (hash ^ UInt64(sorted[i])) &* 0x0000_0100_0000_01B3, &hashes, limit: limit)
      }
      i += 1
    }
  }
}
