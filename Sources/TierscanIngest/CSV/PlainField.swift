/// Byte-level checks shared by the fast paths for plain CSV rows (``RelationshipFastPath``,
/// ``EntityFastPath``); a field is a byte range `start ..< end` of the mapped line.
enum PlainField {
  /// The range without leading and trailing spaces (plain rows have no other whitespace).
  @inline(__always)
  static func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
    var s = start
    var e = end
    while s < e, p[s] == 0x20 { s += 1 }
    while e > s, p[e - 1] == 0x20 { e -= 1 }
    return (s, e)
  }

  /// A non-empty id that draws no `formula-like-id` warning.
  static func isPlainID(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int)) -> Bool {
    guard field.0 < field.1 else { return false }
    let b = p[field.0]
    return b != UInt8(ascii: "=") && b != UInt8(ascii: "+") && b != UInt8(ascii: "-") && b != UInt8(ascii: "@")
  }

  /// Whether the field's bytes equal `word`'s.
  static func equals(_ p: UnsafeBufferPointer<UInt8>, _ field: (Int, Int), _ word: StaticString) -> Bool {
    guard field.1 - field.0 == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<word.utf8CodeUnitCount where p[field.0 + i] != w[i] { return false }
    return true
  }

  /// The eight bytes of `p` from `k` (fewer at the buffer's end, the rest zero) and the high bit of
  /// each of them that lies in the line (`k ..< end`): the word the scans below read at a time.
  @inline(__always)
  private static func lineWord(
    _ p: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, at k: Int, end: Int
  ) -> (word: UInt64, inLine: UInt64) {
    let available = end - k
    let word: UInt64
    if k + 8 <= p.count {
      word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
    } else {
      var partial: UInt64 = 0
      for i in 0..<min(available, 8) { partial |= UInt64(base[k + i]) << (8 * UInt64(i)) }
      word = partial
    }
    return (word, available >= 8 ? ByteWords.high : ByteWords.high >> (8 * UInt64(8 - available)))
  }

  /// The end of an unquoted plain field that starts at `start` (the next comma, or `end`), or
  /// `nil` when the field holds a control character, DEL or a quote; sets `highBytes` when it
  /// holds a non-ASCII byte (the row's UTF-8 is then checked).
  ///
  /// Reads eight bytes at a time (``ByteWords``); a word may also hold bytes of the next fields of
  /// the line (before `end`), whose non-ASCII bytes then set `highBytes` early: every byte of a
  /// line is scanned before its row is accepted, so that changes nothing.
  @inline(__always)
  static func unquotedEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, highBytes: inout Bool) -> Int? {
    guard let base = p.baseAddress else { return start }
    var k = start
    var high: UInt64 = 0
    while k < end {
      let (word, inLine) = lineWord(p, base, at: k, end: end)
      let stops = (ByteWords.matches(word, 0x2C2C_2C2C_2C2C_2C2C) | ByteWords.plainStops(word)) & inLine
      high |= word & inLine
      if stops != 0 {
        let at = k + stops.trailingZeroBitCount / 8
        if high & ByteWords.high != 0 { highBytes = true }
        return base[at] == 0x2C ? at : nil
      }
      k += 8
    }
    if high != 0 { highBytes = true }
    return end
  }

  /// Calls `body` with the bounds of each comma-separated field of the unquoted line
  /// `p[start..<end]`, in order (the last field ends at `end`; an empty line is one empty field),
  /// and returns `true` when `body` took every field; returns `false` as soon as `body` returns
  /// `false`, or when the line holds a control character, DEL or a quote (then `body` may have
  /// seen some fields). Sets `highBytes` when the line holds a non-ASCII byte.
  ///
  /// The same fields and verdict as ``unquotedEnd(_:from:to:highBytes:)`` field after field,
  /// with the line read eight bytes at a time and the commas of a word taken from one mask.
  @inline(__always)
  static func forEachField(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, highBytes: inout Bool,
    _ body: (_ start: Int, _ end: Int) -> Bool
  ) -> Bool {
    guard let base = p.baseAddress else { return body(start, end) }
    var k = start
    var fieldStart = start
    var high: UInt64 = 0
    while k < end {
      let (word, inLine) = lineWord(p, base, at: k, end: end)
      if ByteWords.plainStops(word) & inLine != 0 { return false }
      high |= word & inLine
      var commas = ByteWords.matches(word, 0x2C2C_2C2C_2C2C_2C2C) & inLine
      while commas != 0 {
        let at = k + commas.trailingZeroBitCount / 8
        guard body(fieldStart, at) else { return false }
        fieldStart = at + 1
        commas &= commas &- 1
      }
      k += 8
    }
    if high != 0 { highBytes = true }
    return body(fieldStart, end)
  }

  /// The reference for ``unquotedEnd(_:from:to:highBytes:)``: the same, one byte at a time.
  static func unquotedEndByteByByte(
    _ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, highBytes: inout Bool
  ) -> Int? {
    var k = start
    while k < end {
      let b = p[k]
      if b == 0x2C { break }
      if b < 0x20 || b == 0x22 || b == 0x7F { return nil }
      if b >= 0x80 { highBytes = true }
      k += 1
    }
    return k
  }
}
