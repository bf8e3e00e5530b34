import TierscanCore

/// What a ``BlockingIndex`` record's own query reads about it, stored by record: its blocks as
/// name key numbers (≥ 0) or identifier blocks `~b` (< 0), in the order the blocks were added, and
/// the scope its name keys are counted in.
///
/// The duplicate search queries every record once, in the index's locality order, so the records
/// come at random: read through each block's key and scope and the record's country, a query met
/// a cache miss per block and one on the record (the country test alone was ~40 % of the
/// query's own reading at 1M; docs/performance.md, stop 27). Made here in record order, on all
/// cores, the misses are independent loads a processor overlaps.
enum RecordEntries {
  /// The entries (one per membership in `memberBlocks`, listed by record: record `i`'s from
  /// `recordStarts[i]`) and each record's scope: -3 for a record without a country (it meets
  /// every scope), else the scope of its name blocks (all of a record's name blocks have its
  /// country's scope), -3 too when it has none.
  ///
  /// - Complexity: O(memberships + records), on all cores.
  static func make(
    records: [PreparedRecord], memberBlocks: [Int32], recordStarts: [Int32], blockScopes: [Int32],
    blockKeyNumbers: [Int32]
  ) -> (entries: [Int32], scopes: [Int32]) {
    let entries = ParallelWork.array(count: memberBlocks.count, minimumToSplit: 65_536) { m -> Int32 in
      let block = Int(memberBlocks[m])
      return blockScopes[block] < 0 ? ~Int32(block) : blockKeyNumbers[block]
    }
    let scopes = ParallelWork.array(count: records.count, minimumToSplit: 65_536) { i -> Int32 in
      guard records[i].record.country != nil else { return -3 }
      for m in Int(recordStarts[i])..<Int(recordStarts[i + 1]) where blockScopes[Int(memberBlocks[m])] >= 0 {
        return blockScopes[Int(memberBlocks[m])]
      }
      return -3
    }
    return (entries, scopes)
  }
}
