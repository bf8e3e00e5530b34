import TierscanCore

/// A growing byte buffer for the large outputs (`exposures.csv`, `paths.json`, resolve's
/// `candidates.csv`, `blocks.csv` and `review.html`), written without building intermediate
/// strings or ``JSONValue`` trees. Every method produces exactly the bytes of ``CSVWriter``,
/// ``JSONWriter`` (pretty, two-space indent) and ``MarkupText/html(_:)`` for the same values.
///
/// The bytes live in memory of its own (noncopyable, freed with it), written through a pointer:
/// appending to a `[UInt8]` cost a uniqueness check and a capacity check per call, and a call of
/// the generic `append(contentsOf:)` per cell (about 100 instructions per append in callgrind,
/// most of them for one-byte literals and ids of a dozen bytes). ``bytes`` copies them out once.
struct OutputBytes: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  /// The number of bytes written so far.
  private(set) var count = 0
  private var capacity: Int
  /// Where values formatted by ``JSONWriter`` (numbers, escaped strings, whole values) are
  /// written before they are copied in (kept, so that it is allocated once).
  private var scratch: [UInt8] = []

  init(capacity: Int = 0) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes written so far (a copy).
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(to: count + extra) }
  }

  @inline(never)
  private mutating func grow(to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Appends `buffer`'s bytes.
  @inline(__always)
  private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let source = buffer.baseAddress else { return }
    let n = buffer.count
    reserve(n)
    (base + count).initialize(from: source, count: n)
    count &+= n
  }

  /// Appends a literal. One byte (`,`, `\n`, `{`: most literals of the large outputs) is
  /// appended as a byte.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    if text.utf8CodeUnitCount == 1 {
      append(byte: text.utf8Start.pointee)
    } else {
      append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  @inline(__always)
  mutating func append(byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  /// Empties the buffer, keeping its capacity.
  mutating func removeAll() { count = 0 }

  /// Bytes rendered earlier.
  mutating func append(bytes other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

  /// The bytes of another buffer.
  mutating func append(contentsOf other: borrowing OutputBytes) {
    append(UnsafeBufferPointer(start: other.base, count: other.count))
  }

  /// Appends what `format` writes into an array (through ``scratch``).
  private mutating func appendFormatted(_ format: (inout [UInt8]) -> Void) {
    var formatted = scratch
    scratch = []
    formatted.removeAll(keepingCapacity: true)
    format(&formatted)
    formatted.withUnsafeBufferPointer { append($0) }
    scratch = formatted
  }

  /// An integer in decimal, as ``JSONWriter/writeInteger(_:into:)`` writes it (`-` for
  /// negatives, no leading zeros), written in place (not through ``scratch``: ~500 instructions
  /// an integer in callgrind, most of them the array's).
  mutating func append(integer: Int) {
    if integer >= 0 && integer < 10 {
      append(byte: 0x30 &+ UInt8(truncatingIfNeeded: integer))
      return
    }
    reserve(20)  // `Int.min`: a sign and 19 digits
    if integer < 0 {
      base[count] = 0x2D
      count &+= 1
    }
    var magnitude = integer.magnitude
    var digits = 1
    var rest = magnitude / 10
    while rest > 0 {
      digits &+= 1
      rest /= 10
    }
    var i = count &+ digits
    repeat {
      i &-= 1
      base[i] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    count &+= digits
  }

  // MARK: CSV

  /// One CSV cell exactly as ``CSVWriter/cell(_:)`` writes it.
  mutating func appendCSVCell(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in appendCSVCell(utf8: utf8) }
  }

  /// The cell of the bytes `utf8` (valid UTF-8).
  private mutating func appendCSVCell(utf8: UnsafeBufferPointer<UInt8>) {
    guard let first = utf8.first else { return }
    let neutralise = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40  // = + - @
    var quote = false
    for byte in utf8 { quote = quote || byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A }
    if !quote && !neutralise { return append(utf8) }
    reserve(2 * utf8.count + 3)
    if quote { base[count] = 0x22; count &+= 1 }
    if neutralise { base[count] = 0x27; count &+= 1 }
    if quote {
      for byte in utf8 {
        if byte == 0x22 { base[count] = 0x22; count &+= 1 }
        base[count] = byte
        count &+= 1
      }
      base[count] = 0x22
      count &+= 1
    } else {
      (base + count).initialize(from: utf8.baseAddress!, count: utf8.count)
      count &+= utf8.count
    }
  }

  /// The bytes of `other` as one CSV cell, exactly as ``CSVWriter/cell(_:)`` writes the string
  /// they are (a line rendered into a scratch buffer, quoted again as a cell).
  mutating func appendCSVCell(contentsOf other: borrowing OutputBytes) {
    appendCSVCell(utf8: UnsafeBufferPointer(start: other.base, count: other.count))
  }

  /// The cell of `column`'s string at `index`, read in place: the bytes of
  /// `appendCSVCell(column[index])` without building the `String` (an ASCII string's bytes are
  /// its `String`'s; any other goes through the `String`, which repairs invalid UTF-8).
  mutating func appendCSVCell(_ column: StringColumn, _ index: Int) {
    let done = column.withUTF8(index) { utf8 -> Bool in
      var high: UInt8 = 0
      for byte in utf8 { high |= byte }
      guard high < 0x80 else { return false }
      appendCSVCell(utf8: utf8)
      return true
    }
    if !done { appendCSVCell(column[index]) }
  }

  // MARK: HTML

  /// `value` escaped exactly as ``MarkupText/html(_:)`` escapes it.
  mutating func appendHTML(_ value: String) {
    var value = value
    value.withUTF8 { appendHTML(utf8: $0) }
  }

  /// The bytes of `other` escaped as ``MarkupText/html(_:)`` escapes the string they are.
  mutating func appendHTML(contentsOf other: borrowing OutputBytes) {
    appendHTML(utf8: UnsafeBufferPointer(start: other.base, count: other.count))
  }

  /// ``MarkupText/html(_:)`` by bytes: its rules are on scalars, but every scalar it changes or
  /// drops is ASCII (the five markup characters, C0 controls but tab, LF and CR, and DEL), and
  /// in valid UTF-8 an ASCII byte is always a whole scalar; every other byte is copied.
  private mutating func appendHTML(utf8: UnsafeBufferPointer<UInt8>) {
    reserve(6 * utf8.count)  // `&quot;`: the longest replacement of one byte
    var p = base + count
    for byte in utf8 {
      switch byte {
      case 0x26: p = Self.put("&amp;", at: p)
      case 0x3C: p = Self.put("&lt;", at: p)
      case 0x3E: p = Self.put("&gt;", at: p)
      case 0x22: p = Self.put("&quot;", at: p)
      case 0x27: p = Self.put("&#39;", at: p)
      case 0x09, 0x0A, 0x0D:
        p.pointee = byte
        p += 1
      default:
        if byte >= 0x20 && byte != 0x7F {
          p.pointee = byte
          p += 1
        }
      }
    }
    count = p - base
  }

  /// Writes `literal` at `p` (room reserved) and returns the place after it.
  @inline(__always)
  private static func put(_ literal: StaticString, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    p.initialize(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
    return p + literal.utf8CodeUnitCount
  }

  // MARK: JSON (through ``JSONWriter``, so every output formats alike)

  /// Whether ``JSONWriter`` writes `utf8` between quotes as it is: ASCII with no control
  /// character, DEL, quote or backslash.
  @inline(__always)
  private static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in utf8 where byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return false }
    return true
  }

  /// `utf8` between quotes.
  @inline(__always)
  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    reserve(utf8.count + 2)
    base[count] = 0x22
    count &+= 1
    if let source = utf8.baseAddress { (base + count).initialize(from: source, count: utf8.count) }
    count &+= utf8.count
    base[count] = 0x22
    count &+= 1
  }

  /// The JSON string literal of `column`'s string at `index`, read in place: the bytes of
  /// `appendJSONString(column[index])` without building the `String` when it is ASCII and needs
  /// no escape (the usual id); through the `String` and ``JSONWriter`` otherwise.
  mutating func appendJSONString(_ column: StringColumn, _ index: Int) {
    let done = column.withUTF8(index) { utf8 -> Bool in
      guard Self.needsNoEscape(utf8) else { return false }
      appendQuoted(utf8)
      return true
    }
    if !done { appendJSONString(column[index]) }
  }

  /// A newline and `level` two-space indents (``JSONWriter/newline(_:into:)``).
  mutating func newline(indent level: Int) {
    let n = 1 + 2 * max(level, 0)
    reserve(n)
    base[count] = 0x0A
    (base + count + 1).initialize(repeating: 0x20, count: n - 1)
    count &+= n
  }

  /// A JSON string literal exactly as ``JSONWriter`` escapes it (copied as it is when it needs
  /// no escape).
  mutating func appendJSONString(_ value: String) {
    var value = value
    let done = value.withUTF8 { utf8 -> Bool in
      guard Self.needsNoEscape(utf8) else { return false }
      appendQuoted(utf8)
      return true
    }
    if !done { appendFormatted { JSONWriter.writeString(value, into: &$0) } }
  }

  /// A number as ``JSONWriter/formatNumber(_:)`` writes it.
  mutating func appendJSONNumber(_ number: Double) { appendFormatted { JSONWriter.writeNumber(number, into: &$0) } }

  /// An integer exactly as `appendJSONNumber(Double(value))` writes it (`JSONValue.optional`
  /// renders an `Int` as that `Double`), without the `Double` when it makes no difference: below
  /// 10^15 in magnitude the `Double` is exact (10^15 < 2^53) and ``JSONWriter/writeNumber(_:into:)``
  /// writes it with ``JSONWriter/writeInteger(_:into:)``, as ``append(integer:)`` does.
  mutating func appendJSONNumber(integer value: Int) {
    if value.magnitude < 1_000_000_000_000_000 { append(integer: value) } else { appendJSONNumber(Double(value)) }
  }

  /// The JSON string literal of `prefix` followed by `index` in decimal, exactly as
  /// `appendJSONString(prefix + String(index))` writes it, without building that `String` when
  /// `prefix` needs no escape (the digits and `-` never do).
  mutating func appendJSONString(_ prefix: String, followedBy index: Int64) {
    var prefix = prefix
    let done = prefix.withUTF8 { utf8 -> Bool in
      guard Self.needsNoEscape(utf8) else { return false }
      reserve(utf8.count + 1)
      base[count] = 0x22
      count &+= 1
      if let source = utf8.baseAddress { (base + count).initialize(from: source, count: utf8.count) }
      count &+= utf8.count
      return true
    }
    guard done else { return appendJSONString(prefix + String(index)) }
    append(integer: Int(index))
    append(byte: 0x22)
  }

  /// `"key": ` inside an object at `indent` (pretty), preceded by `,` unless `first`.
  ///
  /// Written with one capacity test and one copy (the key), not one append per piece: the large
  /// outputs write a key per value (~225 instructions a key before).
  mutating func appendKey(_ key: StaticString, indent: Int, first: Bool = false) {
    let spaces = 2 * max(indent, 0)
    let keyCount = key.utf8CodeUnitCount
    reserve(keyCount + spaces + 6)
    var p = base + count
    if !first {
      p.pointee = 0x2C
      p += 1
    }
    p[0] = 0x0A
    (p + 1).initialize(repeating: 0x20, count: spaces)
    p[1 + spaces] = 0x22
    p += 2 + spaces
    p.initialize(from: key.utf8Start, count: keyCount)
    p += keyCount
    p[0] = 0x22
    p[1] = 0x3A
    p[2] = 0x20
    p += 3
    count = p - base
  }

  /// Any value, pretty-printed at `indent`, as ``JSONWriter`` writes it.
  mutating func appendJSON(_ value: JSONValue, indent: Int) {
    appendFormatted { JSONWriter.write(value, indent: indent, into: &$0) }
  }
}
