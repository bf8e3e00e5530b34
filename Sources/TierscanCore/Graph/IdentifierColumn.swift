/// The identifiers of the entities (or records) that give any, packed into one byte buffer.
///
/// Memory trick (docs/performance.md, memory): an ``Identifiers`` value is 64 bytes (four optional
/// strings) plus a heap block for a 20-character LEI; here a slot costs 5 bytes and each value
/// given 4 bytes plus its UTF-8 bytes (a LEI-only slot: 29 bytes instead of ~110). Reading a slot
/// back builds the ``Identifiers`` value.
struct IdentifierColumn: Sendable {
  /// Which schemes slot `s` gives: bit 0 LEI, 1 DUNS, 2 VAT, 3 CID.
  var present: [UInt8] = []
  /// Index in ``values`` of slot `s`'s first value.
  var firstValue: [UInt32] = []
  /// The values given, slot by slot, in the order LEI, DUNS, VAT, CID.
  var values = StringColumn()

  /// An empty column.
  init() {}

  /// Number of slots.
  var count: Int { present.count }

  /// Whether no slot is stored.
  var isEmpty: Bool { present.isEmpty }

  /// Stores `identifiers` (not empty) in a new slot and returns it.
  mutating func append(_ identifiers: Identifiers) -> Int32 {
    precondition(present.count < Int(Int32.max), "at most 2G identifier slots")
    precondition(values.count < Int(UInt32.max) - 4, "at most 4G identifier values")
    let slot = Int32(present.count)
    firstValue.append(UInt32(values.count))
    var bits: UInt8 = 0
    for (bit, value) in [identifiers.lei, identifiers.duns, identifiers.vat, identifiers.cid].enumerated() {
      guard let value else { continue }
      bits |= 1 << bit
      values.append(value)
    }
    present.append(bits)
    return slot
  }

  /// Appends every slot of `other`, in order (slot `s` of `other` becomes `count + s`).
  mutating func append(contentsOf other: IdentifierColumn) {
    precondition(present.count + other.present.count < Int(Int32.max), "at most 2G identifier slots")
    let base = UInt32(values.count)
    present.append(contentsOf: other.present)
    firstValue.append(contentsOf: other.firstValue.lazy.map { $0 + base })
    values.append(contentsOf: other.values)
    precondition(values.count < Int(UInt32.max) - 4, "at most 4G identifier values")
  }

  /// Stores a copy of `other`'s slot `s` in a new slot (bytes copied, no ``Identifiers`` value
  /// built) and returns it.
  mutating func append(slot s: Int, of other: IdentifierColumn) -> Int32 {
    precondition(present.count < Int(Int32.max), "at most 2G identifier slots")
    precondition(values.count < Int(UInt32.max) - 4, "at most 4G identifier values")
    let slot = Int32(present.count)
    firstValue.append(UInt32(values.count))
    let bits = other.present[s]
    let first = Int(other.firstValue[s])
    for k in 0..<bits.nonzeroBitCount { other.values.withUTF8(first + k) { values.append(utf8: $0) } }
    present.append(bits)
    return slot
  }

  /// The identifiers of slot `s`.
  subscript(s: Int) -> Identifiers {
    let bits = present[s]
    var next = Int(firstValue[s])
    func take(_ bit: UInt8) -> String? {
      guard bits & (1 << bit) != 0 else { return nil }
      defer { next += 1 }
      return values[next]
    }
    let lei = take(0)
    let duns = take(1)
    let vat = take(2)
    let cid = take(3)
    return Identifiers(lei: lei, duns: duns, vat: vat, cid: cid)
  }

  /// The CID of slot `s`, if given (the other values are not read).
  func cid(_ s: Int) -> String? {
    let bits = present[s]
    guard bits & 0b1000 != 0 else { return nil }
    return values[Int(firstValue[s]) + (bits & 0b0111).nonzeroBitCount]
  }

  /// Calls `body` with the scheme bit (0 LEI, 1 DUNS, 2 VAT, 3 CID) and the UTF-8 bytes of each
  /// value slot `s` gives, in that order (no `String` built).
  func forEachValue(_ s: Int, _ body: (_ bit: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Void) {
    let bits = present[s]
    var next = Int(firstValue[s])
    for bit in 0..<4 where bits & (1 << bit) != 0 {
      values.withUTF8(next) { body(bit, $0) }
      next += 1
    }
  }

  /// Whether slot `s` gives a LEI, DUNS or CID (the identifiers that merge).
  func hasMergingIdentifier(_ s: Int) -> Bool { present[s] & 0b1011 != 0 }

  /// The same slots in buffers of exactly their size.
  func compacted() -> IdentifierColumn {
    var copy = IdentifierColumn()
    copy.present = present.exactCopy()
    copy.firstValue = firstValue.exactCopy()
    copy.values = values.compacted()
    return copy
  }
}
