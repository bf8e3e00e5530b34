import TierscanCore

extension ByteInterner {
  /// Interns the keys `bytes[starts[k] ..< starts[k + 1]]`, whose hashes (``ByteInterner/hash(_:)``)
  /// are `hashes[k]`, in order, appending each key's index to `indices`; the slot of the key 16
  /// on is fetched while one is interned (the table is far larger than the processor's caches).
  /// The keys and words made in pieces on both cores (``RecordNameKeys``, ``RecordWords``) are
  /// numbered through this, one piece after the other.
  mutating func intern(hashed bytes: [UInt8], starts: [Int32], hashes: [UInt64], appendingIndicesTo indices: inout [Int32]) {
    bytes.withUnsafeBytes { bytes in
      starts.withUnsafeBufferPointer { starts in
        hashes.withUnsafeBufferPointer { hashes in
          for k in hashes.indices {
            if k + 16 < hashes.count { prefetchSlot(hash: hashes[k + 16]) }
            let key = UnsafeRawBufferPointer(rebasing: bytes[Int(starts[k])..<Int(starts[k + 1])])
            indices.append(intern(key, hash: hashes[k]).index)
          }
        }
      }
    }
  }
}
