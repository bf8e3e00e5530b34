/// Gathering slots from two identifier columns into a new one on both cores (the graph build's
/// entity columns): the values are copied as runs of strings (``StringColumn/gathering(runs:from:minimumToSplit:_:)``).
extension IdentifierColumn {
  /// A column whose slot `s` is a copy of slot `pick(s).slot` of `sources.0` (`pick(s).source`
  /// 0) or of `sources.1` (1): the same column as appending those slots one by one with
  /// ``append(slot:of:)``.
  ///
  /// - Parameter minimumToSplit: fewer slots are gathered on the calling thread.
  /// - Complexity: O(count + values + bytes), split over both cores.
  static func gathering(
    count: Int, from sources: (IdentifierColumn, IdentifierColumn), minimumToSplit: Int,
    _ pick: @Sendable (Int) -> (source: Int, slot: Int)
  ) -> IdentifierColumn {
    precondition(count < Int(Int32.max), "at most 2G identifier slots")
    let (a, b) = sources
    var column = IdentifierColumn()
    column.present = ParallelWork.array(count: count, minimumToSplit: minimumToSplit) { s in
      let (source, slot) = pick(s)
      return source == 0 ? a.present[slot] : b.present[slot]
    }
    let present = column.present
    let (values, runStart) = StringColumn.gathering(runs: count, from: [a.values, b.values], minimumToSplit: minimumToSplit) {
      s in
      let (source, slot) = pick(s)
      let first = source == 0 ? a.firstValue[slot] : b.firstValue[slot]
      return StringColumn.Run(source: source, first: Int(first), count: present[s].nonzeroBitCount)
    }
    precondition(values.count < Int(UInt32.max) - 4, "at most 4G identifier values")
    column.firstValue = Array(runStart.dropLast())
    column.values = values
    return column
  }
}
