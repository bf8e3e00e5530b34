/// Step 1 of building the graph: which entity records are one entity (model §1, "Merging").
extension GraphBuilder {
  /// Entity records grouped into components, each component one entity.
  struct RecordComponents {
    /// Every record id, interned in order of first occurrence.
    var recordIDs: ByteInterner
    /// The first record carrying each interned id.
    var firstRecordOfID: [Int32]
    /// The component of each record; components are numbered by their first record.
    var componentOfRecord: [Int32]
    /// The number of records in each component.
    var componentSize: [Int32]
    /// The first record of each component.
    var firstRecord: [Int32]
    /// For each reviewer link that joined two records: the first record of its left id and the
    /// link's provenance.
    var linkedRecords: [(record: Int32, provenance: Provenance)] = []

    /// The number of components (entities before placeholders).
    var count: Int { firstRecord.count }
  }

  /// Unions records that share an id or a merge-capable identifier, joins name-merging records
  /// to their entity, and numbers the components by their first record.
  ///
  /// - Complexity: near-linear in the number of records (union-find with interned keys).
  func components(
    of entityRecords: EntityRecordTable, links: [(left: String, right: String, provenance: Provenance)] = [],
    findings: inout FindingLog
  ) -> RecordComponents {
    let recordCount = entityRecords.count
    var sets = UnionFind(count: recordCount)
    // Ids and identifier keys are interned apart: only ids resolve relationship endpoints and
    // `SupplyGraph.index(of:)`. The two tables are built side by side (each in record order),
    // each noting the unions it finds; the unions are then made in any order, since a set's root
    // is its smallest record whatever order joined it (``UnionFind``).
    let (ids, identifierUnions) =
      recordCount >= minimumToSplit
      ? ParallelWork.pair({ Self.internIDs(entityRecords) }, { IdentifierUnion.unions(entityRecords) })
      : (Self.internIDs(entityRecords), IdentifierUnion.unions(entityRecords))
    let recordIDs = ids.table
    let firstRecordOfID = ids.firstRecord
    for (a, b) in ids.unions { sets.union(a, b) }
    for (a, b) in identifierUnions { sets.union(a, b) }
    mergeByName(entityRecords, sets: &sets, findings: &findings)
    // Reviewer links (`same` judgements): the first records of the two ids, joined.
    var linkedRecords: [(record: Int32, provenance: Provenance)] = []
    for link in links {
      guard let a = recordIDs.index(of: link.left), let b = recordIDs.index(of: link.right) else { continue }
      let (ra, rb) = (firstRecordOfID[Int(a)], firstRecordOfID[Int(b)])
      sets.union(ra, rb)
      linkedRecords.append((ra, link.provenance))
    }

    // Components ordered by their first record (the root of a set is its smallest element).
    var componentOfRecord = [Int32](repeating: 0, count: recordCount)
    var componentSize: [Int32] = []
    componentSize.reserveCapacity(recordCount)
    var firstRecord: [Int32] = []
    firstRecord.reserveCapacity(recordCount)
    for i in 0..<recordCount {
      let root = Int(sets.find(Int32(i)))
      if root == i {
        componentOfRecord[i] = Int32(componentSize.count)
        componentSize.append(1)
        firstRecord.append(Int32(i))
      } else {
        let c = componentOfRecord[root]
        componentOfRecord[i] = c
        componentSize[Int(c)] += 1
      }
    }
    return RecordComponents(
      recordIDs: recordIDs, firstRecordOfID: firstRecordOfID, componentOfRecord: componentOfRecord,
      componentSize: componentSize, firstRecord: firstRecord, linkedRecords: linkedRecords)
  }

  /// Every record id interned in record order, the first record of each, and for each later
  /// record carrying an id already seen, the pair (first record of the id, record) to join.
  private static func internIDs(
    _ entityRecords: EntityRecordTable
  ) -> (table: ByteInterner, firstRecord: [Int32], unions: [(Int32, Int32)]) {
    let recordCount = entityRecords.count
    var recordIDs = ByteInterner()
    recordIDs.reserveCapacity(recordCount)
    var firstRecordOfID: [Int32] = []
    firstRecordOfID.reserveCapacity(recordCount)
    var unions: [(Int32, Int32)] = []
    // Ids come in record order, which is no order of their hashes: at the first record of each
    // batch, the slots where the batch's ids will be probed are read in one go, so their cache
    // misses overlap instead of each interning waiting for its own (a hint only).
    let batch = 16
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: batch) { hashes in
      for i in entityRecords.indices {
        if i % batch == 0 {
          let n = min(batch, recordCount - i)
          for j in 0..<n { hashes[j] = entityRecords.withID(i + j) { ByteInterner.hash($0) } }
          recordIDs.prefetchSlots(of: UnsafeBufferPointer(rebasing: hashes[0..<n]))
        }
        let element = Int32(i)
        let (id, inserted) = entityRecords.withID(i) { recordIDs.intern($0) }
        if inserted { firstRecordOfID.append(element) } else { unions.append((firstRecordOfID[Int(id)], element)) }
      }
    }
    return (recordIDs, firstRecordOfID, unions)
  }

  /// Joins each name-merging record that is alone in its set to the first other set whose
  /// records carry the same normalised name or alias.
  private func mergeByName(_ records: EntityRecordTable, sets: inout UnionFind, findings: inout FindingLog) {
    guard records.anyMergesByName else { return }
    var setSizes: [Int32: Int] = [:]
    for i in records.indices { setSizes[sets.find(Int32(i)), default: 0] += 1 }
    var firstByName: [String: Int32] = [:]
    for i in records.indices where !records.mergesByName(i) {
      for name in [records.name(i) ?? ""] + records.aliases(i) {
        let key = normalizer.normalize(name)
        if !key.isEmpty, firstByName[key] == nil { firstByName[key] = Int32(i) }
      }
    }
    for i in records.indices where records.mergesByName(i) {
      guard setSizes[sets.find(Int32(i))] == 1, let name = records.name(i) else { continue }
      let key = normalizer.normalize(name)
      guard !key.isEmpty, let target = firstByName[key] else { continue }
      sets.union(target, Int32(i))
      findings.add(
        .warning, .nameMerge, at: records.provenance(i),
        "'\(name)' merged by normalised name with entity '\(records.id(Int(target)))'")
    }
  }
}

/// Unions records that share a merge-capable identifier (VAT never merges).
private struct IdentifierUnion {
  /// Keys: a scheme byte (1 LEI, 2 DUNS, 3 CID) followed by the value's UTF-8 bytes.
  private var keys = ByteInterner()
  /// The first record of each key.
  private var firstRecord: [Int32] = []

  /// For every record (in order) sharing a merge-capable identifier with an earlier one, the
  /// pair (first record of that identifier, record) to join.
  static func unions(_ records: EntityRecordTable) -> [(Int32, Int32)] {
    var keys = IdentifierUnion()
    var unions: [(Int32, Int32)] = []
    for i in records.indices where records.hasMergingIdentifier(i) {
      keys.union(records, element: Int32(i)) { unions.append(($0, $1)) }
    }
    return unions
  }

  /// Joins record `element` with the first record of each of its LEI, DUNS and CID (read in
  /// place from the record columns), calling `join` with each such pair.
  mutating func union(_ records: EntityRecordTable, element: Int32, join: (Int32, Int32) -> Void) {
    records.forEachIdentifier(Int(element)) { bit, utf8 in
      // Scheme bytes 1 LEI, 2 DUNS, 3 CID; VAT (bit 2) never merges.
      guard bit != 2 else { return }
      let scheme: UInt8 = bit == 3 ? 3 : UInt8(bit + 1)
      let (key, inserted) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 1) { bytes in
        bytes[0] = scheme
        _ = UnsafeMutableBufferPointer(rebasing: bytes[1...]).initialize(from: utf8)
        return keys.intern(UnsafeRawBufferPointer(bytes))
      }
      if inserted { firstRecord.append(element) } else { join(firstRecord[Int(key)], element) }
    }
  }
}
