import TierscanCore

/// Strings to dense ids (0, 1, 2, … in order of first insertion), exactly as a `[String: Int32]`
/// dictionary gives them, but kept and looked up by bytes (``ByteInterner``: no `Hasher`, no
/// string comparison) while every key is ASCII: an ASCII string equals a key exactly when their
/// bytes are equal, and a non-ASCII one when its canonical decomposition is ASCII and equal
/// (Swift compares strings by canonical equivalence: `"\u{212A}"`, the Kelvin sign, equals
/// `"K"`; ``asciiEquivalent(of:)``). The first non-ASCII key makes the dictionary of every key,
/// which decides from then on. The screening asks this for every entity's country and identifiers
/// (``WordGate``, docs/entity-resolution.md §4.1, eleventh round).
struct StringIDs: Sendable {
  /// Every key, once a key is not ASCII (built then from ``bytes``; empty before).
  private var dictionary: [String: Int32] = [:]
  /// The keys by bytes, in order (so with the ids) while ``asciiKeys``.
  private var bytes = ByteInterner()
  private var asciiKeys = true
  /// The hashes of ``bytes``' keys: most identifiers asked for are no key (``ByteFilter``).
  private var filter = ByteFilter(capacity: 0)

  /// Empty.
  init() {}

  /// Number of distinct keys.
  var count: Int { asciiKeys ? bytes.count : dictionary.count }

  /// The id of `key`, given the next id when new. While every key is ASCII, an ASCII key is
  /// interned by bytes alone (no `Hasher`, no dictionary); the first non-ASCII key makes the
  /// dictionary of all keys, which from then on decides (a non-ASCII string may equal an ASCII
  /// key: the Kelvin sign and `K`).
  @discardableResult
  mutating func insert(_ key: String) -> Int32 {
    if asciiKeys {
      var key = key
      let id: Int32? = key.withUTF8 { utf8 in
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let raw = UnsafeRawBufferPointer(utf8)
        let h = ByteInterner.hash(raw)
        let (id, inserted) = bytes.intern(raw, hash: h)
        if inserted {
          if 16 * bytes.count > filter.bitCount {
            filter = ByteFilter(keysOf: bytes)
          } else {
            filter.insert(h)
          }
        }
        return id
      }
      if let id { return id }
      dictionary.reserveCapacity(bytes.count + 1)
      for k in 0..<bytes.count { dictionary[bytes.string(at: k)] = Int32(k) }
      asciiKeys = false
    }
    if let id = dictionary[key] { return id }
    let id = Int32(dictionary.count)
    dictionary[key] = id
    return id
  }

  /// Each key's id in `other` (``id(of:)``), `missing` for a key `other` has not, by this
  /// table's id.
  func ids(in other: StringIDs, missing: Int32) -> [Int32] {
    var ids = [Int32](repeating: missing, count: count)
    if asciiKeys {
      for k in 0..<bytes.count { ids[k] = other.id(of: bytes.string(at: k)) ?? missing }
    } else {
      for (key, id) in dictionary { ids[Int(id)] = other.id(of: key) ?? missing }
    }
    return ids
  }

  /// The id of `key`, `nil` when it is no key (as a `[String: Int32]` dictionary of the keys
  /// answers).
  @inline(__always)
  func id(of key: String) -> Int32? {
    guard asciiKeys else { return dictionary[key] }
    var key = key
    return key.withUTF8 { utf8 -> Int32? in
      if utf8.allSatisfy({ $0 < 0x80 }) { return bytes.index(of: UnsafeRawBufferPointer(utf8), filter: filter) }
      // Every key is ASCII: a string equals one only when its canonical decomposition is ASCII.
      guard let ascii = Self.asciiEquivalent(of: utf8) else { return nil }
      return ascii.withUnsafeBytes { bytes.index(of: $0) }
    }
  }

  /// The non-ASCII scalars whose canonical decomposition is ASCII, and that ASCII byte: KELVIN
  /// SIGN (`K`), GREEK QUESTION MARK (`;`), GREEK VARIA (`` ` ``). Canonical decomposition maps a
  /// string scalar by scalar and reorders only combining marks (no ASCII character is one), so a
  /// string is canonically equivalent — Swift's `==` — to an ASCII string exactly when each of
  /// its scalars is ASCII or one of these (`StringIDsTests` checks the list against every scalar).
  static let asciiDecompositions: [UInt32: UInt8] = [0x212A: 0x4B, 0x037E: 0x3B, 0x1FEF: 0x60]

  /// The ASCII string canonically equivalent to the UTF-8 `utf8`, `nil` when there is none.
  static func asciiEquivalent(of utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var ascii: [UInt8] = []
    for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
      if scalar.isASCII {
        ascii.append(UInt8(scalar.value))
      } else if let byte = asciiDecompositions[scalar.value] {
        ascii.append(byte)
      } else {
        return nil
      }
    }
    return ascii
  }
}
