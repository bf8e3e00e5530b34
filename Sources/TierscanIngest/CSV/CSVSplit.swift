import Foundation

/// Finds a record boundary near the middle of a CSV file, so that two readers can parse its
/// halves concurrently and yield, concatenated, exactly what one reader yields.
///
/// The boundary follows ``CSVReader``'s rules exactly: a quote opens a quoted field only at the
/// start of a field, `""` inside one is an escaped quote, and after the closing quote the field
/// runs unquoted to the next delimiter; line ends inside quoted fields are not boundaries but
/// count as physical lines.
enum CSVSplit {
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let cr = UInt8(ascii: "\r")
  private static let lf = UInt8(ascii: "\n")

  /// The first record boundary at or after `mid` and before the end of `p` (the offset just after
  /// a record's line end) with the 1-based physical line that starts there; `nil` when there is
  /// none (or a quoted field never closes).
  ///
  /// - Complexity: O(`mid`) when no quote occurs before the boundary (two byte scans), else O(n).
  static func boundary(in p: UnsafeBufferPointer<UInt8>, atOrAfter mid: Int) -> (offset: Int, line: Int)? {
    let n = p.count
    guard mid > 0, mid < n else { return nil }
    // Fast path: no quote before the first LF at or after `mid` means no quoted field is open.
    if let lfAt = firstIndex(of: lf, in: p, from: mid, to: n) {
      let end = lfAt + 1
      if end < n, firstIndex(of: quote, in: p, from: 0, to: end) == nil {
        return (end, 1 + lineEnds(in: p, to: end))
      }
    }
    return walk(p, atOrAfter: mid)
  }

  /// The state machine from the start: runs of bytes outside quoted fields and before the
  /// stretch where the boundary can lie are skipped a quote at a time (`memchr`), their line ends
  /// counted eight bytes at a time; each quote is then read as ``walk(_:from:line:atFieldStart:atOrAfter:)``
  /// would, and from shortly before `mid` on that byte-by-byte walk finishes the search.
  static func walk(_ p: UnsafeBufferPointer<UInt8>, atOrAfter mid: Int) -> (offset: Int, line: Int)? {
    let n = p.count
    var k = 0
    if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { k = 3 }
    let start = k
    var line = 1
    while k < n {
      // A line end at `e` is a boundary at `e + 1` or `e + 2` (CR LF): from `mid - 2` on, walk.
      let q = firstIndex(of: quote, in: p, from: k, to: n) ?? n
      guard q < mid - 2 else { break }
      // `p[k..<q]` holds no quote; `p[k - 1]` is a quote (or `k` is the start), so no CR LF pair
      // straddles the run's start, and one that would straddle its end is a lone CR here too.
      line += lineEnds(in: p, from: k, to: q)
      let b = q > start ? p[q - 1] : comma
      guard b == comma || b == lf || b == cr else {
        k = q + 1  // a quote inside an unquoted field: an ordinary byte
        continue
      }
      // A quoted field: to its closing quote, counting the line ends inside it.
      guard let after = endOfQuoted(p, from: q + 1, line: &line) else { return nil }
      k = after
    }
    let atFieldStart = k == start || (k > start && (p[k - 1] == comma || p[k - 1] == lf || p[k - 1] == cr))
    return walk(p, from: k, line: line, atFieldStart: atFieldStart, atOrAfter: mid)
  }

  /// From just after a quoted field's opening quote at `start`: the offset just past its closing
  /// quote (a doubled quote `""` is part of the field), with the line ends inside it (CR, LF or
  /// CRLF, one each) added to `line`; `nil` when the field is never closed.
  @inline(__always)
  static func endOfQuoted(_ p: UnsafeBufferPointer<UInt8>, from start: Int, line: inout Int) -> Int? {
    let n = p.count
    var k = start
    while k < n {
      let c = p[k]
      if c == quote {
        if k + 1 < n, p[k + 1] == quote {
          k += 2
          continue
        }
        return k + 1
      }
      if c == cr {
        line += 1
        if k + 1 < n, p[k + 1] == lf { k += 1 }
      } else if c == lf {
        line += 1
      }
      k += 1
    }
    return nil
  }

  /// The byte-by-byte state machine from offset `k` on physical line `line`, outside any quoted
  /// field (`atFieldStart`: whether a field starts at `k`). From the start of the data
  /// (after a BOM) with line 1, it is the reference that ``walk(_:atOrAfter:)`` must equal.
  static func walk(
    _ p: UnsafeBufferPointer<UInt8>, from k: Int, line: Int, atFieldStart: Bool, atOrAfter mid: Int
  ) -> (offset: Int, line: Int)? {
    let n = p.count
    var k = k
    var line = line
    var atFieldStart = atFieldStart
    while k < n {
      let b = p[k]
      if atFieldStart && b == quote {
        guard let after = endOfQuoted(p, from: k + 1, line: &line) else { return nil }
        k = after
        atFieldStart = false
        continue
      }
      k += 1
      if b == comma {
        atFieldStart = true
      } else if b == lf || b == cr {
        if b == cr, k < n, p[k] == lf { k += 1 }
        line += 1
        atFieldStart = true
        if k >= mid { return k < n ? (k, line) : nil }
      } else {
        atFieldStart = false
      }
    }
    return nil
  }

  /// The number of `byte`s in `p[from..<to]`.
  static func count(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    ByteWords.count(byte, in: p, from: from, to: to)
  }

  /// The number of line ends (LF, CR LF, lone CR) in `p[from..<end]`, a CR at `end - 1` counting
  /// as a lone CR.
  static func lineEnds(in p: UnsafeBufferPointer<UInt8>, from: Int = 0, to end: Int) -> Int {
    guard from < end else { return 0 }
    if firstIndex(of: cr, in: p, from: from, to: end) == nil { return count(lf, in: p, from: from, to: end) }
    var lfs = 0
    var crs = 0
    var crBeforeLF = 0
    var previous: UInt8 = 0
    for k in from..<end {
      let b = p[k]
      lfs &+= b == lf ? 1 : 0
      crs &+= b == cr ? 1 : 0
      crBeforeLF &+= (b == lf && previous == cr) ? 1 : 0
      previous = b
    }
    return lfs + crs - crBeforeLF
  }

  private static func firstIndex(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
    guard from < to, let base = p.baseAddress else { return nil }
    guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }
}
