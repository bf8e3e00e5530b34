/// Byte-level checks shared by the fast paths for plain CSV rows (``RelationshipFastPath``,
/// ``EntityFastPath``); a field is a byte range `start ..< end` of the mapped line.
enum PlainField {
  /// The range without leading and trailing spaces (plain rows have no other whitespace).
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
}
