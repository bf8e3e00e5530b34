/// Strings stored end to end in one UTF-8 byte buffer with one offset per string: 4 bytes per
/// string plus its bytes, instead of a 16-byte `String` and, past 15 bytes, a heap block of its
/// own (docs/performance.md, memory).
///
/// Reading a string back builds a `String` (a heap block for long ones); hot writers read the
/// bytes in place with ``withUTF8(_:_:)``.
public struct StringColumn: Sendable, Equatable {
  @usableFromInline var bytes: [UInt8] = []
  @usableFromInline var offsets: [UInt32] = [0]

  /// An empty column.
  public init() {}

  /// Number of strings.
  @inlinable public var count: Int { offsets.count - 1 }

  /// Reserves room for `strings` more strings of `bytes` bytes in all.
  public mutating func reserveCapacity(strings: Int, bytes: Int) {
    offsets.reserveCapacity(offsets.count + strings)
    self.bytes.reserveCapacity(self.bytes.count + bytes)
  }

  /// Appends `string`.
  ///
  /// - Precondition: the column stays under 4 GiB of bytes.
  public mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
    precondition(bytes.count <= Int(UInt32.max), "a string column holds at most 4 GiB")
    offsets.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  /// Appends the bytes of a UTF-8 string given in place (``append(_:)`` without a `String`).
  ///
  /// - Precondition: the column stays under 4 GiB of bytes.
  public mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: utf8)
    precondition(bytes.count <= Int(UInt32.max), "a string column holds at most 4 GiB")
    offsets.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  /// Appends every string of `other`, in order.
  ///
  /// - Precondition: the column stays under 4 GiB of bytes.
  public mutating func append(contentsOf other: StringColumn) {
    let base = UInt32(bytes.count)
    precondition(bytes.count + other.bytes.count <= Int(UInt32.max), "a string column holds at most 4 GiB")
    bytes.append(contentsOf: other.bytes)
    offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + base })
  }

  /// The string at `index`.
  @inlinable public subscript(index: Int) -> String {
    withUTF8(index) { String(decoding: $0, as: UTF8.self) }
  }

  /// The UTF-8 bytes of the string at `index`, valid only inside `body`.
  @inlinable public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let start = Int(offsets[index])
    let end = Int(offsets[index + 1])
    return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
  }

  /// Number of UTF-8 bytes of the string at `index`.
  @inlinable public func utf8Count(_ index: Int) -> Int { Int(offsets[index + 1] - offsets[index]) }

  /// The same strings in buffers of exactly their size (appending leaves up to half unused).
  public func compacted() -> StringColumn {
    var copy = StringColumn()
    copy.bytes = bytes.exactCopy()
    copy.offsets = offsets.exactCopy()
    return copy
  }
}

extension Array {
  /// A copy whose capacity is its count (appending doubles the capacity as it grows).
  func exactCopy() -> [Element] {
    if capacity == count { return self }
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      self.withUnsafeBufferPointer { source in
        for i in source.indices { (buffer.baseAddress! + i).initialize(to: source[i]) }
      }
      initialized = count
    }
  }
}
