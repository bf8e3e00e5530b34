import Foundation

/// Finding an entity by its own id in the id-sorted ``EntityTable``.
extension EntityTable {
  /// The index of the entity whose id has exactly the bytes of `id`, or `nil`.
  ///
  /// Entities are sorted by the UTF-8 bytes of their id (unique), so this is a binary search over
  /// the id column: no hash table of the ids beside the column (``EntityIDLookup``).
  ///
  /// - Complexity: O(log V × id length).
  public func index(ofID id: UnsafeRawBufferPointer) -> Int? {
    ids.bytes.withUnsafeBufferPointer { bytes in
      ids.offsets.withUnsafeBufferPointer { offsets in
        var low = 0
        var high = offsets.count - 1
        while low < high {
          let mid = (low + high) / 2
          let start = Int(offsets[mid])
          let length = Int(offsets[mid + 1]) - start
          let common = Swift.min(length, id.count)
          var order: Int32 = 0
          if common > 0 { order = memcmp(bytes.baseAddress! + start, id.baseAddress!, common) }
          if order == 0 {
            if length == id.count { return mid }
            order = length < id.count ? -1 : 1
          }
          if order < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
      }
    }
  }

  /// The index of the entity whose id is `id` (compared by UTF-8 bytes), or `nil`.
  public func index(ofID id: String) -> Int? {
    var id = id
    return id.withUTF8 { index(ofID: UnsafeRawBufferPointer($0)) }
  }
}
