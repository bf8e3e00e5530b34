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

  /// The full state machine: every byte from the start, counting physical lines.
  private static func walk(_ p: UnsafeBufferPointer<UInt8>, atOrAfter mid: Int) -> (offset: Int, line: Int)? {
    let n = p.count
    var k = 0
    if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { k = 3 }
    var line = 1
    var atFieldStart = true
    while k < n {
      let b = p[k]
      if atFieldStart && b == quote {
        k += 1
        while k < n {
          let c = p[k]
          if c == quote {
            if k + 1 < n, p[k + 1] == quote {
              k += 2
              continue
            }
            break
          }
          if c == cr {
            line += 1
            if k + 1 < n, p[k + 1] == lf { k += 1 }
          } else if c == lf {
            line += 1
          }
          k += 1
        }
        guard k < n else { return nil }
        k += 1
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
    var total = 0
    for k in from..<to { total &+= p[k] == byte ? 1 : 0 }
    return total
  }

  /// The number of line ends (LF, CR LF, lone CR) in `p[0..<end]`; `p[end - 1]` is a line end.
  private static func lineEnds(in p: UnsafeBufferPointer<UInt8>, to end: Int) -> Int {
    if firstIndex(of: cr, in: p, from: 0, to: end) == nil { return count(lf, in: p, from: 0, to: end) }
    var lfs = 0
    var crs = 0
    var crBeforeLF = 0
    var previous: UInt8 = 0
    for k in 0..<end {
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
