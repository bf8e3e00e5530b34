import Dispatch
import Foundation
import Testing
import TierscanCore

/// A split nested inside another one (``ParallelWork/run(count:_:)`` on a thread already running
/// one of its tasks) runs its tasks at the same time, not one after the other as a nested
/// `DispatchQueue.concurrentPerform` does, and still gives every piece exactly once, in order.
@Suite struct ParallelWorkNestingTests {
  /// The two tasks of a nested pair meet: each signals that it started and waits for the other.
  /// Run one after the other (the width a nested `concurrentPerform` gets), the first would wait
  /// for a task that has not started.
  @Test func nestedPairRunsSideBySide() {
    let met = ParallelWork.each(count: 2) { _ in
      let meeting = Rendezvous()
      return ParallelWork.pair({ meeting.arrive(0) }, { meeting.arrive(1) })
    }
    #expect(met.allSatisfy { $0.0 && $0.1 }, "\(met)")
  }

  /// The same two levels deep, through `map` and `each` (every piece of the innermost split meets its sibling).
  @Test func twiceNestedSplitsRunSideBySide() {
    let met = ParallelWork.map(count: 2, minimumToSplit: 0) { _ in
      ParallelWork.each(count: 2) { _ in
        ParallelWork.map(count: 2, minimumToSplit: 0) { _ in
          let meeting = Rendezvous()
          return ParallelWork.pair({ meeting.arrive(0) }, { meeting.arrive(1) })
        }
      }
    }
    #expect(met.joined().joined().allSatisfy { $0.0 && $0.1 })
  }

  /// Nested splits return every piece once and in order, whatever the counts (random sizes, more
  /// tasks than workers, empty ranges), like the same calls made one after the other.
  @Test func nestedPiecesAreCompleteAndInOrder() {
    var random = SplitMix(state: 23)
    for _ in 0..<60 {
      let outer = Int(random.next() % 6)
      let inner = (0..<outer).map { _ in Int(random.next() % 9) }
      let sizes = (0..<outer).map { _ in Int(random.next() % 300) }
      let (innerCounts, innerSizes) = (inner, sizes)
      let got = ParallelWork.each(count: outer) { o -> [[Int]] in
        let each = ParallelWork.each(count: innerCounts[o]) { i in [o * 100 + i] }
        let mapped = ParallelWork.map(count: innerSizes[o], minimumToSplit: 1) { Array($0) }.flatMap { $0 }
        let array = ParallelWork.array(count: innerSizes[o], minimumToSplit: 1) { $0 * 3 }
        let ran = Tally(count: innerCounts[o])
        ParallelWork.run(count: innerCounts[o]) { ran.add($0) }
        return [each.flatMap { $0 }, mapped, array, ran.values]
      }
      let expected = (0..<outer).map { o -> [[Int]] in
        [
          (0..<inner[o]).map { o * 100 + $0 }, Array(0..<sizes[o]), (0..<sizes[o]).map { $0 * 3 },
          [Int](repeating: 1, count: inner[o]),
        ]
      }
      #expect(got == expected, "outer \(outer) inner \(inner) sizes \(sizes)")
    }
  }

  /// A semaphore pair on which two tasks meet, with a timeout so that a failure is a test failure
  /// and not a hang.
  final class Rendezvous: Sendable {
    let semaphores = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]

    /// Signals that `side` (0 or 1) arrived and waits (at most 10 s) for the other side.
    func arrive(_ side: Int) -> Bool {
      semaphores[side].signal()
      return semaphores[1 - side].wait(timeout: .now() + .seconds(10)) == .success
    }
  }

  /// How many times each index ran.
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    init(count: Int) { counts = [Int](repeating: 0, count: count) }
    func add(_ i: Int) { lock.withLock { counts[i] += 1 } }
    var values: [Int] { lock.withLock { counts } }
  }
}
