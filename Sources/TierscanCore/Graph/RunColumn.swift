/// An `Int32` per row, stored as arithmetic runs: row `r` of a run starting at row `s` with value
/// `v` holds `v + step × (r - s)`, for the column's fixed `step`.
///
/// Memory trick (docs/performance.md, memory): relationship provenance lines (`step` 1: rows of
/// a CSV file sit on consecutive lines) and reporting years (`step` 0: a file gives one year) of
/// five million relationships are a run or a few (8 bytes each) instead of 20 MB of `Int32` each.
/// When runs stop paying (more runs than half the rows: multi-line records everywhere, years
/// alternating), the column turns into a plain array for good, so it never takes more than 4 bytes
/// per row plus the runs it had then.
///
/// Values are kept exactly as given (any `Int32`, sentinels included).
public struct RunColumn: Sendable {
  /// The difference between consecutive rows of a run.
  public let step: Int32
  /// First row of each run, ascending.
  private var runStarts: [Int32] = []
  /// The value of each run's first row.
  private var runValues: [Int32] = []
  /// Every row's value, once runs stopped paying.
  private var plain: [Int32]?
  /// Number of rows.
  public private(set) var count = 0

  /// An empty column whose runs advance by `step` a row (1 for lines, 0 for repeated values).
  public init(step: Int32) { self.step = step }

  /// Whether the column is stored as runs (not as a plain array).
  public var isRunEncoded: Bool { plain == nil }

  /// Reserves room for `n` rows where a plain array is used.
  public mutating func reserveCapacity(_ n: Int) { plain?.reserveCapacity(n) }

  /// The value a row `r` of run `k` holds (as `Int64`, so no step overflows).
  private func predicted(_ k: Int, _ r: Int) -> Int64 {
    Int64(runValues[k]) + Int64(step) * (Int64(r) - Int64(runStarts[k]))
  }

  /// Appends the value of the next row.
  public mutating func append(_ value: Int32) {
    defer { count += 1 }
    if plain != nil {
      plain!.append(value)
      return
    }
    if let k = runStarts.indices.last, predicted(k, count) == Int64(value) { return }
    runStarts.append(Int32(count))
    runValues.append(value)
    if runStarts.count > 64, runStarts.count * 2 > count + 1 { makePlain(extra: value) }
  }

  /// Turns the runs into a plain array; the row being appended (`extra`) is included.
  private mutating func makePlain(extra: Int32) {
    var lines = [Int32]()
    lines.reserveCapacity(Swift.max(2 * (count + 1), 1024))
    for r in 0..<count { lines.append(self[r]) }
    lines.append(extra)
    plain = lines
    runStarts = []
    runValues = []
  }

  /// Appends every row of `other` (a column of the same step) after this column's.
  ///
  /// - Complexity: O(runs of `other`) when both are run-encoded, else O(rows of `other`).
  public mutating func append(contentsOf other: RunColumn) {
    precondition(other.step == step, "joining run columns of different steps")
    if let lines = other.plain {
      for value in lines { append(value) }
      return
    }
    for k in other.runStarts.indices {
      let end = k + 1 < other.runStarts.count ? Int(other.runStarts[k + 1]) : other.count
      let length = end - Int(other.runStarts[k])
      let first = other.runValues[k]
      if plain != nil {
        for i in 0..<length { append(Int32(truncatingIfNeeded: Int64(first) + Int64(step) * Int64(i))) }
      } else {
        append(first)
        if plain != nil {
          // That row turned the column plain: the rest of the run goes in row by row.
          for i in 1..<Swift.max(length, 1) { append(Int32(truncatingIfNeeded: Int64(first) + Int64(step) * Int64(i))) }
        } else {
          count += length - 1  // the rest of the run continues the run `first` is in
        }
      }
    }
  }

  /// The value of row `r`.
  @inlinable public subscript(r: Int) -> Int32 { value(r) }

  @usableFromInline func value(_ r: Int) -> Int32 {
    if let plain { return plain[r] }
    precondition(r >= 0 && r < count, "row out of range")
    var low = 0
    var high = runStarts.count
    while high - low > 1 {
      let mid = (low + high) / 2
      if runStarts[mid] <= Int32(r) { low = mid } else { high = mid }
    }
    return Int32(truncatingIfNeeded: predicted(low, r))
  }
}
