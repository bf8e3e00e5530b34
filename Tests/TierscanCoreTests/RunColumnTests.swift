import Testing
import TierscanCore

/// ``RunColumn`` gives back every value exactly as a plain array would, however the values run
/// (lines with step 1, repeated years with step 0, other steps), and whichever way the column
/// was built (row by row or joined from parts).
@Suite struct RunColumnTests {
  /// A deterministic generator (no randomness reaches a test's verdict unseeded).
  /// Lines with runs of consecutive values, jumps, repeats, -1 and the `Int32` extremes.
  private static func lines(seed: UInt64, count: Int, jumpEvery: UInt64, step: Int32) -> [Int32] {
    var random = SplitMix(state: seed)
    var lines: [Int32] = []
    var line: Int32 = 2
    for _ in 0..<count {
      switch random.next() % jumpEvery {
      case 0: line = Int32(truncatingIfNeeded: random.next() % 1_000)
      case 1: line = -1
      case 2: line = Int32.max
      case 3: line = Int32.min
      case 4: line = line == Int32.max ? 0 : line  // a repeated line
      default: line = Int32(truncatingIfNeeded: Int64(line) + Int64(step))
      }
      lines.append(line)
    }
    return lines
  }

  @Test(arguments: [2, 5, 40, 1_000], [0, 1, 2, -1] as [Int32])
  func givesBackEveryValue(jumpEvery: Int, step: Int32) {
    for seed in 0..<20 as Range<UInt64> {
      let lines = Self.lines(seed: seed, count: Int(seed % 7) * 97 + 3, jumpEvery: UInt64(jumpEvery), step: step)
      var column = RunColumn(step: step)
      for line in lines { column.append(line) }
      #expect(column.count == lines.count)
      #expect((0..<lines.count).map { column[$0] } == lines, "seed \(seed), jump every \(jumpEvery)")
      // Joined at every cut (a split read's halves), the column reads the same.
      for cut in stride(from: 0, through: lines.count, by: max(1, lines.count / 9)) {
        var first = RunColumn(step: step)
        var second = RunColumn(step: step)
        for line in lines[..<cut] { first.append(line) }
        for line in lines[cut...] { second.append(line) }
        first.append(contentsOf: second)
        #expect(first.count == lines.count)
        #expect((0..<lines.count).map { first[$0] } == lines, "seed \(seed), cut \(cut)")
        #expect((0..<first.count).map { first[$0] } == (0..<column.count).map { column[$0] })
      }
    }
  }

  @Test func oneFileOfOneLineRowsIsOneRun() {
    var column = RunColumn(step: 1)
    for line in 2..<100_002 as Range<Int32> { column.append(line) }
    #expect(column.isRunEncoded)
    #expect(column[0] == 2 && column[99_999] == 100_001 && column[54_321] == 54_323)
  }

  @Test func oneYearForEveryRowIsOneRun() {
    var column = RunColumn(step: 0)
    for _ in 0..<100_000 { column.append(2024) }
    column.append(Int32.min)
    #expect(column.isRunEncoded)
    #expect(column[0] == 2024 && column[99_999] == 2024 && column[100_000] == Int32.min)
  }

  @Test func manyShortRunsTurnIntoAPlainArray() {
    var column = RunColumn(step: 1)
    // Two-line records everywhere: every row starts a run.
    for row in 0..<1_000 as Range<Int32> { column.append(2 + 2 * row) }
    #expect(!column.isRunEncoded)
    #expect((0..<1_000).map { column[$0] } == (0..<1_000).map { 2 + 2 * Int32($0) })
  }
}
