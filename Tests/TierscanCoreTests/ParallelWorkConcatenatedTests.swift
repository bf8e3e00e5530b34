import Testing
import TierscanCore

/// ``ParallelWork/concatenated(count:minimumToSplit:counting:filling:)`` gives the same array as
/// joining each piece's own array (the simple way it replaces), split or not, with empty pieces
/// and pieces of every size.
@Suite struct ParallelWorkConcatenatedTests {
  @Test func isThePiecesJoined() {
    var random = SplitMix(state: 21)
    for _ in 0..<300 {
      let count = Int(random.next() % 200)
      // Element i emits i's value 0–3 times (a pure function of i, as the scan's exposures are).
      let seed = random.next()
      let times: @Sendable (Int) -> Int = { i in Int((UInt64(i) &* 0x9E37_79B9 ^ seed) % 4) }
      let reference = ParallelWork.map(count: count, minimumToSplit: .max) { range in
        range.flatMap { i in (0..<times(i)).map { k in i * 10 + k } }
      }.joined()
      for split in [0, 1, 50, Int.max] {
        let got: [Int] = ParallelWork.concatenated(
          count: count, minimumToSplit: split,
          counting: { range in range.reduce(0) { $0 + times($1) } },
          filling: { range, emit in
            for i in range { for k in 0..<times(i) { emit(i * 10 + k) } }
          })
        #expect(got == Array(reference), "count \(count) split \(split)")
      }
    }
  }

  /// Class references (the exposures' explanation sources) are moved in once and stay valid.
  @Test func holdsReferences() {
    let got: [Box] = ParallelWork.concatenated(
      count: 1_000, minimumToSplit: 0, counting: { $0.count },
      filling: { range, emit in for i in range { emit(Box(i)) } })
    #expect(got.map(\.value) == Array(0..<1_000))
  }

  final class Box: Sendable {
    let value: Int
    init(_ value: Int) { self.value = value }
  }
}
