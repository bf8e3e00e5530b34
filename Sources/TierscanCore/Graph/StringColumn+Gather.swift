import Foundation

/// Gathering runs of strings from several columns into a new column on both cores (the graph
/// build's entity columns, docs/performance.md): every run's string and byte counts are read
/// first, so the result is allocated once, at its exact size, on the calling thread, and the
/// workers copy into disjoint ranges of it. No buffer grows by doubling, none is copied again to
/// compact it, and none is allocated or freed on a worker thread (whose malloc arena would keep it).
extension StringColumn {
  /// A contiguous run of strings of one source column.
  struct Run {
    /// The source column (an index into the `sources` given to the gather).
    var source: Int
    /// The run's first string in that column.
    var first: Int
    /// Number of strings (0 or more).
    var count: Int
  }

  /// The runs `run(0)`, `run(1)`, …, `run(count - 1)` of `sources`, end to end, and where each
  /// run starts in the result: run `k`'s strings are `runStart[k] ..< runStart[k + 1]`.
  ///
  /// - Parameter minimumToSplit: fewer runs are gathered on the calling thread.
  /// - Precondition: the result stays under 4 GiB of bytes and 4G strings.
  /// - Complexity: O(count + strings + bytes gathered), split over both cores.
  static func gathering(
    runs count: Int, from sources: [StringColumn], minimumToSplit: Int, _ run: @Sendable (Int) -> Run
  ) -> (column: StringColumn, runStart: [UInt32]) {
    ColumnView.with(sources) { views in
      // The strings and bytes of each run, then their prefix sums.
      let sizes = ParallelWork.array(count: count, minimumToSplit: minimumToSplit) { k -> (UInt32, UInt32) in
        let r = run(k)
        let view = views[r.source]
        return (UInt32(r.count), view.offsets[r.first + r.count] &- view.offsets[r.first])
      }
      var runStart = [UInt32](repeating: 0, count: count + 1)
      var byteStart = [UInt32](repeating: 0, count: count + 1)
      var (strings, bytes) = (0, 0)
      for k in 0..<count {
        strings += Int(sizes[k].0)
        bytes += Int(sizes[k].1)
        precondition(bytes <= Int(UInt32.max) && strings < Int(UInt32.max), "a string column holds at most 4 GiB")
        runStart[k + 1] = UInt32(strings)
        byteStart[k + 1] = UInt32(bytes)
      }
      let (starts, byteStarts) = (runStart, byteStart)
      var offsets: [UInt32] = []
      let gathered = [UInt8](unsafeUninitializedCapacity: bytes) { byteBuffer, bytesInitialized in
        offsets = [UInt32](unsafeUninitializedCapacity: strings + 1) { offsetBuffer, offsetsInitialized in
          offsetBuffer[0] = 0
          let target = Target(bytes: byteBuffer.baseAddress, offsets: offsetBuffer.baseAddress!)
          _ = ParallelWork.map(count: count, minimumToSplit: minimumToSplit) { range in
            for k in range {
              let r = run(k)
              guard r.count > 0 else { continue }
              let view = views[r.source]
              let base = view.offsets[r.first]
              let (outString, outByte) = (Int(starts[k]), byteStarts[k])
              let length = Int(view.offsets[r.first + r.count] &- base)
              if length > 0 { memcpy(target.bytes! + Int(outByte), view.bytes! + Int(base), length) }
              for i in 0..<r.count {
                target.offsets[outString + i + 1] = outByte &+ (view.offsets[r.first + i + 1] &- base)
              }
            }
          }
          offsetsInitialized = strings + 1
        }
        bytesInitialized = bytes
      }
      var column = StringColumn()
      column.bytes = gathered
      column.offsets = offsets
      return (column, starts)
    }
  }
}

/// A column's buffers in place, for the workers of a gather (valid inside ``with(_:_:)`` only).
private struct ColumnView: @unchecked Sendable {
  let bytes: UnsafePointer<UInt8>?
  let offsets: UnsafePointer<UInt32>

  /// Calls `body` with a view of each column.
  static func with<R>(_ columns: [StringColumn], _ body: ([ColumnView]) -> R) -> R {
    func nest(_ i: Int, _ views: [ColumnView]) -> R {
      guard i < columns.count else { return body(views) }
      return columns[i].bytes.withUnsafeBufferPointer { bytes in
        columns[i].offsets.withUnsafeBufferPointer { offsets in
          nest(i + 1, views + [ColumnView(bytes: bytes.baseAddress, offsets: offsets.baseAddress!)])
        }
      }
    }
    return nest(0, [])
  }
}

/// The result's buffers, written by the workers at disjoint places.
private struct Target: @unchecked Sendable {
  let bytes: UnsafeMutablePointer<UInt8>?
  let offsets: UnsafeMutablePointer<UInt32>
}
