import TierscanCore

/// Strings to dense ids (0, 1, 2, … in order of first insertion), exactly as a `[String: Int32]`
/// dictionary gives them, but looked up by bytes (``ByteInterner``: no `Hasher`, no string
/// comparison) when that gives the same answer: while every key is ASCII, an ASCII string equals a
/// key exactly when their bytes are equal. A non-ASCII argument, or any non-ASCII key, takes the
/// dictionary (Swift compares strings by canonical equivalence: `"\u{212A}"`, the Kelvin sign,
/// equals `"K"`). The screening asks this for every entity's country and identifiers
/// (``WordGate``, docs/entity-resolution.md §4.1, eleventh round).
struct StringIDs: Sendable {
  private var dictionary: [String: Int32] = [:]
  /// The keys by bytes, in the same order (so with the same ids) while ``asciiKeys``.
  private var bytes = ByteInterner()
  private var asciiKeys = true
  /// The hashes of ``bytes``' keys: most identifiers asked for are no key (``ByteFilter``).
  private var filter = ByteFilter(capacity: 0)

  /// Empty.
  init() {}

  /// Number of distinct keys.
  var count: Int { dictionary.count }

  /// The id of `key`, given the next id when new.
  @discardableResult
  mutating func insert(_ key: String) -> Int32 {
    if let id = dictionary[key] { return id }
    let id = Int32(dictionary.count)
    dictionary[key] = id
    if key.utf8.allSatisfy({ $0 < 0x80 }) {
      _ = bytes.intern(key)
      if 16 * bytes.count > filter.bitCount {
        filter = ByteFilter(keysOf: bytes)
      } else {
        var key = key
        filter.insert(key.withUTF8 { ByteInterner.hash(UnsafeRawBufferPointer($0)) })
      }
    } else {
      asciiKeys = false
    }
    return id
  }

  /// The id of `key`, `nil` when it is no key: `dictionary[key]`.
  @inline(__always)
  func id(of key: String) -> Int32? {
    if asciiKeys {
      var key = key
      let found: (ascii: Bool, id: Int32?) = key.withUTF8 { utf8 in
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return (false, nil) }
        return (true, bytes.index(of: UnsafeRawBufferPointer(utf8), filter: filter))
      }
      if found.ascii { return found.id }
    }
    return dictionary[key]
  }
}
