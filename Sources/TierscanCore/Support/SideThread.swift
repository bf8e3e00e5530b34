import Foundation

/// Runs two tasks side by side on two operating-system threads: one on the calling thread, the
/// other on a thread of its own started for it.
///
/// ``ParallelWork`` splits through `DispatchQueue.concurrentPerform`, which runs a call nested
/// inside another one on the calling thread alone (libdispatch divides the width among nesting
/// levels). The CSV reader splits a large file in two halves while the ingest already reads
/// files side by side, so its halves ran one after the other; with a thread of their own they
/// run at the same time whatever the caller's nesting (the scheduler shares the cores).
public enum SideThread {
  /// Runs `side` on a new thread and `here` on the calling thread; returns when both are done.
  public static func run(_ side: @escaping @Sendable () -> Void, beside here: () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      side()
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    here()
    done.wait()
  }
}
