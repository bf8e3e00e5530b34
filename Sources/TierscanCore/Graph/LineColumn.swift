/// The provenance line of every relationship, stored as runs of consecutive lines.
///
/// Memory trick (docs/performance.md, memory): rows of a CSV file sit on consecutive lines, so
/// row `r` of a run starting at row `s` on line `l` is on line `l + (r - s)`; a file of five million
/// one-line rows is one run (8 bytes) instead of 20 MB of `Int32`. When runs stop paying (more
/// runs than half the rows: multi-line records everywhere), the column turns into a plain array
/// for good, so it never takes more than 4 bytes per row plus the runs it had then.
///
/// Lines are `Int32` values as given (-1 where a row has no line); the runs compare them exactly.
public struct LineColumn: Sendable {
  /// First row of each run, ascending.
  private var runStarts: [Int32] = []
  /// The line of each run's first row.
  private var runLines: [Int32] = []
  /// Every row's line, once runs stopped paying.
  private var plain: [Int32]?
  /// Number of rows.
  public private(set) var count = 0

  /// An empty column.
  public init() {}

  /// Whether the column is stored as runs (not as a plain array).
  public var isRunEncoded: Bool { plain == nil }

  /// Reserves room for `n` rows where a plain array is used.
  public mutating func reserveCapacity(_ n: Int) { plain?.reserveCapacity(n) }

  /// Appends the line of the next row.
  public mutating func append(_ line: Int32) {
    defer { count += 1 }
    if plain != nil {
      plain!.append(line)
      return
    }
    if let k = runStarts.indices.last, Int64(runLines[k]) + Int64(count) - Int64(runStarts[k]) == Int64(line) { return }
    runStarts.append(Int32(count))
    runLines.append(line)
    if runStarts.count > 64, runStarts.count * 2 > count + 1 { makePlain(extraLine: line) }
  }

  /// Turns the runs into a plain array; the row being appended (line `extraLine`) is included.
  private mutating func makePlain(extraLine: Int32) {
    var lines = [Int32]()
    lines.reserveCapacity(Swift.max(2 * (count + 1), 1024))
    for r in 0..<count { lines.append(self[r]) }
    lines.append(extraLine)
    plain = lines
    runStarts = []
    runLines = []
  }

  /// Appends every row of `other` after this column's.
  ///
  /// - Complexity: O(runs of `other`) when both are run-encoded, else O(rows of `other`).
  public mutating func append(contentsOf other: LineColumn) {
    if let lines = other.plain {
      for line in lines { append(line) }
      return
    }
    for k in other.runStarts.indices {
      let end = k + 1 < other.runStarts.count ? Int(other.runStarts[k + 1]) : other.count
      let length = end - Int(other.runStarts[k])
      let first = other.runLines[k]
      if plain != nil {
        for i in 0..<length { append(Int32(Int64(first) + Int64(i))) }
      } else {
        append(first)
        if plain != nil {
          // That row turned the column plain: the rest of the run goes in line by line.
          for i in 1..<Swift.max(length, 1) { append(Int32(Int64(first) + Int64(i))) }
        } else {
          count += length - 1  // the rest of the run continues the run `first` is in
        }
      }
    }
  }

  /// The line of row `r`.
  @inlinable public subscript(r: Int) -> Int32 { line(r) }

  @usableFromInline func line(_ r: Int) -> Int32 {
    if let plain { return plain[r] }
    precondition(r >= 0 && r < count, "row out of range")
    var low = 0
    var high = runStarts.count
    while high - low > 1 {
      let mid = (low + high) / 2
      if runStarts[mid] <= Int32(r) { low = mid } else { high = mid }
    }
    return Int32(truncatingIfNeeded: Int64(runLines[low]) + Int64(r) - Int64(runStarts[low]))
  }
}
