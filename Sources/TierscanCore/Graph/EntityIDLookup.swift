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
  /// - Complexity: O(number of ids × id length + V).
  init(ids: ByteInterner, entities: EntityTable, entityOf: (Int) -> EntityIndex) {
    searchesTable = Self.isStrictlyAscending(entities.ids)
    for i in 0..<ids.count {
      let entity = entityOf(i)
      let own = ids.withBytes(at: i) { bytes in
        entities.ids.withUTF8(Int(entity)) { column in
          column.count == bytes.count && (column.isEmpty || memcmp(column.baseAddress!, bytes.baseAddress!, column.count) == 0)
        }
      }
      if own && searchesTable { continue }
      let (_, inserted) = ids.withBytes(at: i) { mergedIDs.intern($0) }
      if inserted { entityOfMergedID.append(entity) }
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

  /// Whether every string of `column` precedes the next by bytes.
  private static func isStrictlyAscending(_ column: StringColumn) -> Bool {
    guard column.count > 1 else { return true }
    for i in 1..<column.count {
      let ordered = column.withUTF8(i - 1) { a in
        column.withUTF8(i) { b in
          let common = Swift.min(a.count, b.count)
          let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
          return order < 0 || (order == 0 && a.count < b.count)
        }
      }
      if !ordered { return false }
    }
    return true
  }
}
