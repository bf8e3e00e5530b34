import Dispatch
import Foundation

/// The one place where tierscan splits work over cores (both cores of the reference machine).
///
/// Work splits in two shapes: an index range cut into contiguous pieces, one per worker, whose
/// results are joined in range order (so output order never depends on timing); and two
/// different tasks run side by side. Below `minimumToSplit` items a range runs on the calling
/// thread: for small inputs starting a worker costs more than it saves.
///
/// Every split goes through ``run(count:_:)``, which gives a split nested inside another one
/// (the halves of a CSV file inside the ingest's files, the risk arcs beside the rest of the
/// inherent risk) its own second worker: libdispatch would run a `concurrentPerform` nested in
/// another one on the calling thread alone (it divides the width among nesting levels), so
/// one core idled whenever the outer level's other task finished first.
public enum ParallelWork {
  /// Workers used for a split range.
  public static let workers = 2

  /// The contiguous pieces `0..<count` is cut into: one when `count < minimumToSplit`, else
  /// ``workers`` pieces of near-equal size.
  public static func ranges(count: Int, minimumToSplit: Int) -> [Range<Int>] {
    let pieces = count >= minimumToSplit && count > 0 ? workers : 1
    return (0..<pieces).map { w in (count * w / pieces)..<(count * (w + 1) / pieces) }
  }

  /// Runs `body` on each piece of `0..<count`, concurrently when there are several, and returns
  /// the pieces' results in range order.
  ///
  /// - Complexity: the work of `body` over all pieces, divided over the workers.
  public static func map<T>(
    count: Int, minimumToSplit: Int, _ body: @Sendable (Range<Int>) -> T
  ) -> [T] {
    let pieces = ranges(count: count, minimumToSplit: minimumToSplit)
    if pieces.count == 1 { return [body(pieces[0])] }
    let results = ConcurrentSlots<T>(count: pieces.count)
    run(count: pieces.count) { w in results.set(w, body(pieces[w])) }
    return results.takeAll()
  }

  /// Runs `body` for every index of `0..<count`, as many at a time as there are workers, and
  /// returns the results in index order. For a few large independent items (e.g. one per risk
  /// category); list them largest first so the last to start is a short one.
  public static func each<T>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let results = ConcurrentSlots<T>(count: count)
    run(count: count) { i in results.set(i, body(i)) }
    return results.takeAll()
  }

  /// Runs `first` and `second` side by side and returns both results.
  public static func pair<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = ConcurrentSlots<A>(count: 1)
    let b = ConcurrentSlots<B>(count: 1)
    run(count: 2) { task in
      if task == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.take(0), b.take(0))
  }

  /// Runs `task(i)` for every `i` in `0..<count`, each exactly once, as many at a time as there
  /// are workers (the indices are taken in increasing order as workers become free); returns
  /// when all are done.
  ///
  /// Outside any other split this is `DispatchQueue.concurrentPerform` (its pool's threads).
  /// Inside one (on a thread running a task of another `run`) the calling thread and
  /// ``workers`` − 1 threads started for this call take the indices: the scheduler then shares
  /// the cores among every level's workers, and a core left free by the outer level is used.
  public static func run(count: Int, _ task: @Sendable (Int) -> Void) {
    guard count > 1 else {
      if count == 1 { task(0) }
      return
    }
    guard Nesting.depth > 0 else {
      DispatchQueue.concurrentPerform(iterations: count) { i in Nesting.inside { task(i) } }
      return
    }
    withoutActuallyEscaping(task) { task in
      let tasks = NestedTasks(count: count, task: task)
      let started = min(workers, count) - 1
      let done = DispatchSemaphore(value: 0)
      for _ in 0..<started {
        let thread = Thread {
          tasks.drain()
          done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
      }
      tasks.drain()
      for _ in 0..<started { done.wait() }
      // Every task has run: the started threads (which may outlive this call) no longer hold `task`.
      tasks.release()
    }
  }

  /// Builds an array of `count` elements whose element `i` is `element(i)`, the pieces of the
  /// index range written concurrently into one buffer (no per-piece arrays to join).
  public static func array<T>(
    count: Int, minimumToSplit: Int, _ element: @Sendable (Int) -> T
  ) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = DisjointSlots(buffer)
      _ = map(count: count, minimumToSplit: minimumToSplit) { range in
        for i in range { slots.initialize(i, to: element(i)) }
      }
      initialized = count
    }
  }

  /// The concatenation of what each piece of `0..<count` emits, in range order, built in one
  /// buffer: each piece first counts its elements (`counting`, concurrently), then emits exactly
  /// that many, in order, into its own place (`filling`, concurrently). Unlike joining per-piece
  /// arrays, the pieces' elements are never held twice (a million-entity scan's 2.3M exposures:
  /// 92 MB instead of 184 MB at the peak).
  ///
  /// - Precondition: `filling` emits exactly `counting`'s number of elements for each piece.
  public static func concatenated<T>(
    count: Int, minimumToSplit: Int, counting: @Sendable (Range<Int>) -> Int,
    filling: @Sendable (Range<Int>, _ emit: (T) -> Void) -> Void
  ) -> [T] {
    let pieces = ranges(count: count, minimumToSplit: minimumToSplit)
    let counts = map(count: count, minimumToSplit: minimumToSplit) { counting($0) }
    var starts = [0]
    for c in counts { starts.append(starts.last! + c) }
    let total = starts.last!
    let begins = starts
    return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
      let slots = DisjointSlots(buffer)
      _ = each(count: pieces.count) { w in
        var cursor = begins[w]
        filling(pieces[w]) { value in
          precondition(cursor < begins[w + 1], "a piece emitted more elements than it counted")
          slots.initialize(cursor, to: value)
          cursor += 1
        }
        precondition(cursor == begins[w + 1], "a piece emitted fewer elements than it counted")
      }
      initialized = total
    }
  }

  /// Builds an array of `count` elements that `body` writes in any order: each piece of the
  /// range `0..<count` is handed to `body` with the slots, and `body` must initialise every
  /// index exactly once over all pieces (e.g. a permutation of its piece).
  public static func scatteredArray<T>(
    count: Int, minimumToSplit: Int, _ body: @Sendable (Range<Int>, DisjointSlots<T>) -> Void
  ) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = DisjointSlots(buffer)
      _ = map(count: count, minimumToSplit: minimumToSplit) { range in body(range, slots) }
      initialized = count
    }
  }
}

/// How many ``ParallelWork/run(count:_:)`` tasks enclose the current thread's code (0 outside
/// any), kept per thread.
private enum Nesting {
  static let key: pthread_key_t = {
    var key = pthread_key_t()
    precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
    return key
  }()

  static var depth: Int { Int(bitPattern: pthread_getspecific(key)) }

  /// Runs `body` one level deeper on this thread.
  static func inside<T>(_ body: () -> T) -> T {
    let outer = pthread_getspecific(key)
    pthread_setspecific(key, UnsafeRawPointer(bitPattern: Int(bitPattern: outer) + 1))
    defer { pthread_setspecific(key, outer) }
    return body()
  }
}

/// The tasks of a nested ``ParallelWork/run(count:_:)``, handed to its workers in index order.
private final class NestedTasks: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private let count: Int
  private var task: (@Sendable (Int) -> Void)?

  init(count: Int, task: @escaping @Sendable (Int) -> Void) {
    self.count = count
    self.task = task
  }

  /// Runs tasks, one level deeper on this thread, until none is left.
  func drain() {
    Nesting.inside {
      while let (i, task) = take() { task(i) }
    }
  }

  /// Drops the task once every worker is done.
  func release() { lock.withLock { task = nil } }

  /// The next index not yet taken and the task, or `nil` when all are taken.
  private func take() -> (Int, @Sendable (Int) -> Void)? {
    lock.withLock {
      guard next < count, let task else { return nil }
      defer { next += 1 }
      return (next, task)
    }
  }
}

/// An uninitialised array buffer that concurrent workers initialise at disjoint indices (see
/// ``ParallelWork/scatteredArray(count:minimumToSplit:_:)``); valid only inside that call.
public final class DisjointSlots<T>: @unchecked Sendable {
  @usableFromInline let buffer: UnsafeMutableBufferPointer<T>

  init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }

  /// Initialises slot `index`, which no other worker writes.
  ///
  /// Inlinable, and taking `value` consumed: a caller in another module (`resolve`'s million
  /// records) then moves its value into the slot, instead of a generic call that copies it
  /// through the type's value witnesses (retaining every string and array it holds) and then
  /// destroys the caller's copy (releasing them again).
  @inlinable public func initialize(_ index: Int, to value: consuming T) {
    (buffer.baseAddress! + index).initialize(to: value)
  }
}
