/// Raw UTF-8 byte comparison of strings (model §1: ids and categories are compared and sorted
/// as raw UTF-8 bytes, without Unicode normalisation). Swift's own `String` `<` and `==` use
/// canonical equivalence, so they must not be used for ids.
extension String {
  /// Whether `self` sorts before `other` by raw UTF-8 bytes.
  @inlinable
  public func utf8Precedes(_ other: String) -> Bool {
    var lhs = self
    var rhs = other
    return lhs.withUTF8 { l in rhs.withUTF8 { r in
      let n = Swift.min(l.count, r.count)
      for i in 0..<n where l[i] != r[i] { return l[i] < r[i] }
      return l.count < r.count
    } }
  }

  /// Whether `self` and `other` hold the same UTF-8 bytes.
  @inlinable
  public func utf8Equals(_ other: String) -> Bool {
    // Compared through contiguous UTF-8 buffers (the generic `elementsEqual` over `UTF8View` is
    // several times slower; dictionary look-ups of ids call this on every probe).
    guard self.utf8.count == other.utf8.count else { return false }
    var lhs = self
    var rhs = other
    return lhs.withUTF8 { l in rhs.withUTF8 { r in
      for i in 0..<l.count where l[i] != r[i] { return false }
      return true
    } }
  }
}

/// A dictionary key that compares and hashes a string by its raw UTF-8 bytes.
public struct RawKey: Hashable, Sendable {
  /// The wrapped string.
  public let string: String

  /// Wraps a string.
  @inlinable public init(_ string: String) { self.string = string }

  @inlinable public static func == (lhs: RawKey, rhs: RawKey) -> Bool { lhs.string.utf8Equals(rhs.string) }

  @inlinable public func hash(into hasher: inout Hasher) {
    var copy = string
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
