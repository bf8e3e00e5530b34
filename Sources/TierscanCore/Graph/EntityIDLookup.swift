import Foundation

/// Resolves any id of a graph (an entity's own id or one merged into it) to its entity.
///
/// Memory trick (docs/performance.md, memory): an entity's own id is found by binary search in
/// the id-sorted ``EntityTable`` (``EntityTable/index(ofID:)-(UnsafeRawBufferPointer)``), so only
/// the ids merged away into another entity (usually few) are hashed here. A hash table of every id
/// beside the table's id column held each id's bytes twice and ~40 bytes of slots per id
/// (≈ 50 MB at a million entities). A table not sorted by id (a graph assembled by hand from
/// ``Entity`` values in any order) has every id hashed, as before.
struct EntityIDLookup: Sendable {
  /// Whether the table's ids are strictly ascending by bytes (then own ids are searched).
  private let searchesTable: Bool
  /// Ids that are not their entity's own id.
  private var mergedIDs = ByteInterner()
  /// The entity each of ``mergedIDs`` resolves to.
  private var entityOfMergedID: [EntityIndex] = []

  /// The lookup of `ids`, where `ids[i]` resolves to `entityOfID[i]`; ids equal to their entity's
  /// own id are left to the table's search.
  ///
  /// - Complexity: O(number of ids × id length).
  init(ids: ByteInterner, entityOfID: [EntityIndex], entities: EntityTable) {
    precondition(ids.count == entityOfID.count)
    self.init(ids: ids, entities: entities) { entityOfID[$0] }
  }

  /// The lookup of `ids`, where id `i` resolves to `entityOf(i)`. Every entity's own id must be
  /// among `ids` unless the table is sorted (then own ids need not be listed: the graph builder
  /// leaves out placeholders' ids).
  ///
  /// - Complexity: O(number of ids × id length + V); the ids are compared with their entities'
  ///   on both cores (`minimumToSplit` as in ``ParallelWork``), the few others hashed in order.
  init(
    ids: ByteInterner, entities: EntityTable, minimumToSplit: Int = 1 << 16,
    entityOf: @Sendable (Int) -> EntityIndex
  ) {
    let searchesTable = Self.isStrictlyAscending(entities.ids, minimumToSplit: minimumToSplit)
    self.searchesTable = searchesTable
    // The ids that are not their entity's own id (all of them when the table is not searched).
    let others = ParallelWork.map(count: ids.count, minimumToSplit: minimumToSplit) { range -> [Int32] in
      guard searchesTable else { return range.map { Int32($0) } }
      var others: [Int32] = []
      for i in range {
        let own = ids.withBytes(at: i) { bytes in
          entities.ids.withUTF8(Int(entityOf(i))) { column in
            column.count == bytes.count
              && (column.isEmpty || memcmp(column.baseAddress!, bytes.baseAddress!, column.count) == 0)
          }
        }
        if !own { others.append(Int32(i)) }
      }
      return others
    }
    for i in others.joined().lazy.map(Int.init) {
      let (_, inserted) = ids.withBytes(at: i) { mergedIDs.intern($0) }
      if inserted { entityOfMergedID.append(entityOf(i)) }
    }
  }

  /// The entity `id` resolves to, if any.
  ///
  /// - Complexity: O(log V) for an entity's own id; O(1) expected for a merged id.
  func index(of id: String, in entities: EntityTable) -> EntityIndex? {
    var id = id
    return id.withUTF8 { utf8 -> EntityIndex? in
      let bytes = UnsafeRawBufferPointer(utf8)
      if searchesTable, let own = entities.index(ofID: bytes) { return EntityIndex(own) }
      return mergedIDs.index(of: bytes).map { entityOfMergedID[Int($0)] }
    }
  }

  /// Number of ids kept in the hash table (the merged-away ids when the table is searched).
  var hashedCount: Int { entityOfMergedID.count }

  /// Whether every string of `column` precedes the next by bytes (pieces checked concurrently).
  private static func isStrictlyAscending(_ column: StringColumn, minimumToSplit: Int) -> Bool {
    guard column.count > 1 else { return true }
    return ParallelWork.map(count: column.count - 1, minimumToSplit: minimumToSplit) { range in
      range.allSatisfy { k in
        column.withUTF8(k) { a in
          column.withUTF8(k + 1) { b in
            let common = Swift.min(a.count, b.count)
            let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
            return order < 0 || (order == 0 && a.count < b.count)
          }
        }
      }
    }.allSatisfy { $0 }
  }
}
