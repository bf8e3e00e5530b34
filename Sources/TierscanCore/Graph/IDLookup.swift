import Dispatch

/// The two-core steps of joining one interned id table to another
/// (``RelationshipRecordTable/append(contentsOf:)``): looking every id of one table up in the
/// other, and renumbering an index column through the resulting map.
enum IDLookup {
  /// Below this many ids (or rows) the work stays on the calling thread.
  static let minimumToSplit = 1 << 15

  /// How many ids ahead of the look-up the probe slot is prefetched.
  private static let distance = 8

  /// For each id of `keys`, its index in `table`, or -1 when `table` lacks it; computed in
  /// ``ParallelWork`` pieces when there are at least `minimumToSplit` ids.
  static func indices(of keys: ByteInterner, in table: ByteInterner, minimumToSplit: Int = minimumToSplit) -> [Int32] {
    ParallelWork.scatteredArray(count: keys.count, minimumToSplit: minimumToSplit) { range, slots in
      // The slot of the id `distance` ahead is prefetched before each look-up, so the cache
      // misses of random slots overlap (a hint only).
      for i in range.lowerBound..<min(range.lowerBound + distance, range.upperBound) {
        table.prefetchSlot(hash: keys.withBytes(at: i) { ByteInterner.hash($0) })
      }
      for i in range {
        if i + distance < range.upperBound {
          table.prefetchSlot(hash: keys.withBytes(at: i + distance) { ByteInterner.hash($0) })
        }
        slots.initialize(i, to: keys.withBytes(at: i) { table.index(of: $0) } ?? -1)
      }
    }
  }

  /// Appends `map[c]` for each `c` of `column` to `target`, the pieces written on both cores.
  static func appendMapped(
    _ column: [Int32], through map: [Int32], to target: inout [Int32], minimumToSplit: Int = minimumToSplit
  ) {
    let old = target.count
    target.append(contentsOf: repeatElement(0, count: column.count))
    target.withUnsafeMutableBufferPointer { buffer in
      let slots = DisjointSlots(UnsafeMutableBufferPointer(rebasing: buffer[old...]))
      _ = ParallelWork.map(count: column.count, minimumToSplit: minimumToSplit) { range in
        column.withUnsafeBufferPointer { column in
          map.withUnsafeBufferPointer { map in
            for r in range { slots.initialize(r, to: map[Int(column[r])]) }
          }
        }
      }
    }
  }
}
