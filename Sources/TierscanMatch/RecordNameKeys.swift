import TierscanCore

/// The name keys of a run of records as ``BlockingIndex`` interns them (each record's keys from
/// ``BlockingIndex/nameKeyBytes(_:generic:_:)``: sorted, distinct, as bytes), each with its
/// ``ByteInterner`` hash, back to back. Made for pieces of the records on both cores
/// (``pieces(of:in:generic:)``), so that the index's own pass, which numbers keys and blocks in
/// record order and so must run in order, only looks them up.
struct RecordNameKeys: Sendable {
  /// The keys' bytes: key `k` is `bytes[keyStarts[k] ..< keyStarts[k + 1]]`, its hash `hashes[k]`.
  private(set) var bytes: [UInt8] = []
  private(set) var keyStarts: [Int32] = [0]
  private(set) var hashes: [UInt64] = []
  /// The `r`-th record of the run has keys `recordStarts[r] ..< recordStarts[r + 1]`.
  private(set) var recordStarts: [Int32] = [0]

  /// The keys of `records[range]`; `generic` is ``GenericWords/names`` interned.
  init(records: [PreparedRecord], range: Range<Int>, generic: ByteInterner) {
    var keys = BlockingIndex.KeyBytes()
    recordStarts.reserveCapacity(range.count + 1)
    for i in range {
      BlockingIndex.nameKeyBytes(records[i].names, generic: generic, &keys)
      keys.bytes.withUnsafeBytes { raw in
        for r in keys.ranges {
          let key = UnsafeRawBufferPointer(rebasing: raw[r])
          bytes.append(contentsOf: key)
          keyStarts.append(Int32(bytes.count))
          hashes.append(ByteInterner.hash(key))
        }
      }
      recordStarts.append(Int32(hashes.count))
    }
  }

  /// Number of records of the run.
  var recordCount: Int { recordStarts.count - 1 }

  /// Number of keys (occurrences: a key of two records counts twice) and of their bytes.
  var keyCount: Int { hashes.count }
  var byteCount: Int { bytes.count }

  /// The keys of `records[run]`, in pieces made side by side when the run has at least `splitAt`
  /// records (in range order: the records of piece 0, then of piece 1 …).
  static func pieces(
    of records: [PreparedRecord], in run: Range<Int>, generic: ByteInterner, splitAt: Int
  ) -> [RecordNameKeys] {
    ParallelWork.map(count: run.count, minimumToSplit: splitAt) { piece in
      RecordNameKeys(
        records: records, range: (run.lowerBound + piece.lowerBound)..<(run.lowerBound + piece.upperBound),
        generic: generic)
    }
  }
}
