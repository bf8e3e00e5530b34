import Foundation

/// Step 3 of building the graph: the entities in id order (merged, single-record or
/// placeholder), the lookup of every id, and the relationship table with resolved endpoints.
extension GraphBuilder {
  /// Merges the records of every component that needs the general merge (more than one record,
  /// or one record that is not simple), in component order, so their `merge-conflict` findings
  /// come in that order too.
  ///
  /// - Complexity: near-linear in the records of multi-record components.
  func mergeComponents(
    _ entityRecords: EntityRecordTable, components: RecordComponents, findings: inout FindingLog
  ) -> [Int32: Entity] {
    let (componentOfRecord, componentSize, firstRecord) =
      (components.componentOfRecord, components.componentSize, components.firstRecord)
    // Members of multi-record components, in input order.
    var members: [Int: [Int]] = [:]
    for i in 0..<entityRecords.count where componentSize[Int(componentOfRecord[i])] > 1 {
      members[Int(componentOfRecord[i]), default: []].append(i)
    }
    var mergedEntities: [Int32: Entity] = [:]
    for c in 0..<firstRecord.count {
      let i = Int(firstRecord[c])
      if componentSize[c] == 1, Self.isSimple(entityRecords, i) { continue }
      var list = members[c] ?? [i]
      // Records that merge by name (CMRT declaring companies) join an existing entity: the
      // existing records come first, so the entity keeps their id and values (model §2.8).
      if list.contains(where: { entityRecords.mergesByName($0) }) {
        list = list.filter { !entityRecords.mergesByName($0) } + list.filter { entityRecords.mergesByName($0) }
      }
      mergedEntities[Int32(c)] = merge(records: list.map { entityRecords[$0] }, findings: &findings)
    }
    return mergedEntities
  }

  /// Builds the graph from the grouped records, the merged entities and the resolved endpoints.
  ///
  /// - Complexity: O((V + E) log V) for the sort by id.
  func materialise(
    entityRecords: EntityRecordTable, components: RecordComponents, mergedEntities: [Int32: Entity],
    endpoints: ResolvedEndpoints, relationshipRecords: RelationshipRecordTable
  ) -> SupplyGraph {
    let (componentOfRecord, firstRecord) = (components.componentOfRecord, components.firstRecord)
    let placeholders = endpoints.placeholders
    let componentCount = firstRecord.count + placeholders.count
    // Sort by id bytes, then build each entity in its place (no copies of whole entities) and
    // the lookup of every id. A component's id is its first record's, except where a
    // name-merging record came first (the merge puts it last).
    var isMerged = [Bool](repeating: false, count: firstRecord.count)
    for c in mergedEntities.keys { isMerged[Int(c)] = true }
    let (order, indexOfComponent) = PhaseTimings.phase("graph build: id sort") { () -> ([Int32], [EntityIndex]) in
      var componentIDs = StringColumn()
      componentIDs.reserveCapacity(strings: componentCount, bytes: 0)
      for c in 0..<firstRecord.count {
        if isMerged[c] {
          componentIDs.append(mergedEntities[Int32(c)]!.id)
        } else {
          entityRecords.ids.withUTF8(Int(firstRecord[c])) { componentIDs.append(utf8: $0) }
        }
      }
      for placeholder in placeholders { componentIDs.append(placeholder.id) }
      let order = Self.orderByIDBytes(componentIDs, minimumToSplit: minimumToSplit)
      let indexOfComponent = ParallelWork.scatteredArray(count: componentCount, minimumToSplit: minimumToSplit) {
        (range, slots: DisjointSlots<EntityIndex>) in
        for k in range { slots.initialize(Int(order[k]), to: EntityIndex(k)) }
      }
      return (order, indexOfComponent)
    }
    // The entity table, column by column on both cores (`EntityTable+Gather.swift`): a single
    // record is gathered column to column (no `Entity` value); a merged component, a placeholder
    // and a record whose aliases repeat (the copy would drop the repeats) are appended one by one
    // to a small side table first, in id order.
    let entities = PhaseTimings.phase("graph build: entity columns") { () -> EntityTable in
      let repeatsAlias = ParallelWork.array(count: entityRecords.count, minimumToSplit: minimumToSplit) {
        EntityTableBuilder.repeatsAlias(entityRecords, $0)
      }
      var side = EntityTableBuilder(reservingCapacity: 0)
      var codes = EntityTableBuilder.RecordCodes(entityRecords)
      var sideCount: Int32 = 0
      let picks = order.map { c32 -> Int32 in
        let c = Int(c32)
        if c < firstRecord.count, !isMerged[c], !repeatsAlias[Int(firstRecord[c])] { return firstRecord[c] }
        if c >= firstRecord.count {
          let placeholder = placeholders[c - firstRecord.count]
          side.append(
            id: placeholder.id, name: placeholder.id, kind: .company, country: nil, sector: nil, commodities: [],
            identifiers: Identifiers(), aliases: [], rawMaterial: false, attributes: [],
            sources: .one(placeholder.provenance), isPlaceholder: true)
        } else if isMerged[c] {
          side.append(mergedEntities[Int32(c)]!)
        } else {
          side.appendSingle(entityRecords, Int(firstRecord[c]), codes: &codes)
        }
        sideCount += 1
        return ~(sideCount - 1)
      }
      return EntityTable.gathering(
        records: entityRecords, side: EntityTable(side), picks: picks, minimumToSplit: minimumToSplit)
    }
    // Every id resolves to its entity: an entity's own id (placeholders' too) by a search of the
    // sorted table, a record id merged into another entity through a small hash table.
    let ids = PhaseTimings.phase("graph build: id lookup") {
      EntityIDLookup(ids: components.recordIDs, entities: entities, minimumToSplit: minimumToSplit) { id in
        indexOfComponent[Int(componentOfRecord[Int(components.firstRecordOfID[id])])]
      }
    }

    let relationships = PhaseTimings.phase("graph build: relationships") { () -> RelationshipTable in
      let componentOfEndpoint = endpoints.componentOfEndpoint
      let indexOfEndpoint = ParallelWork.array(count: componentOfEndpoint.count, minimumToSplit: minimumToSplit) {
        indexOfComponent[Int(componentOfEndpoint[$0])]
      }
      let recordBasis = relationshipRecords.basis
      return RelationshipTable(
        from: Self.gather(indexOfEndpoint, at: relationshipRecords.fromID, minimumToSplit: minimumToSplit),
        to: Self.gather(indexOfEndpoint, at: relationshipRecords.toID, minimumToSplit: minimumToSplit),
        basis: ParallelWork.array(count: recordBasis.count, minimumToSplit: minimumToSplit) {
          recordBasis[$0] ?? .declared
        },
        columns: relationshipRecords.columns)
    }
    return PhaseTimings.phase("graph build: adjacency") {
      SupplyGraph(entities: entities, relationships: relationships, ids: ids)
    }
  }

  /// `values[indices[r]]` for every `r`, the pieces of the range gathered concurrently.
  ///
  /// - Complexity: O(n).
  static func gather(_ values: [Int32], at indices: [Int32], minimumToSplit: Int) -> [Int32] {
    ParallelWork.array(count: indices.count, minimumToSplit: minimumToSplit) { values[Int(indices[$0])] }
  }

  /// The indices of `ids` in ascending order of their UTF-8 bytes (ids are unique).
  static func orderByIDBytes(_ ids: [String]) -> [Int] {
    var column = StringColumn()
    for id in ids { column.append(id) }
    return orderByIDBytes(column).map(Int.init)
  }

  /// The indices of `ids` in ascending order of their UTF-8 bytes (ids are unique).
  ///
  /// Sorts (first 8 bytes as a big-endian integer, index) pairs, comparing the full bytes only
  /// when the 8-byte prefixes are equal. A shorter id pads with zero bytes, so prefix order never
  /// contradicts byte order. Large tables are sorted in two halves on two cores, then merged by
  /// two cores from the front and from the back (each writes its own half of the result: the
  /// order is unique, so the result does not depend on the split).
  ///
  /// - Parameter minimumToSplit: fewer ids are sorted on the calling thread (tests lower it).
  /// - Complexity: O(V log V), about half of it on each core.
  static func orderByIDBytes(_ ids: StringColumn, minimumToSplit: Int = 1 << 16) -> [Int32] {
    let count = ids.count
    let halves = ParallelWork.map(count: count, minimumToSplit: minimumToSplit) { range -> [IDKey] in
      var keys = [IDKey]()
      keys.reserveCapacity(range.count)
      for i in range { keys.append(IDKey(prefix: ids.withUTF8(i, IDKey.prefix), index: Int32(i))) }
      keys.sort { $0.precedes($1, in: ids) }
      return keys
    }
    guard halves.count == 2 else {
      var keys = halves.flatMap { $0 }
      if halves.count > 2 { keys.sort { $0.precedes($1, in: ids) } }
      return keys.map(\.index)
    }
    let (a, b) = (halves[0], halves[1])
    return ParallelWork.scatteredArray(count: count, minimumToSplit: minimumToSplit) {
      (range, slots: DisjointSlots<Int32>) in
      // The first `range.lowerBound` keys of the merge are a[..<i] and b[..<j]: find i.
      let k = range.lowerBound
      var (low, high) = (max(0, k - b.count), min(k, a.count))
      while low < high {
        let mid = (low + high) / 2
        if a[mid].precedes(b[k - mid - 1], in: ids) { low = mid + 1 } else { high = mid }
      }
      var (i, j) = (low, k - low)
      for out in range {
        if j == b.count || (i < a.count && a[i].precedes(b[j], in: ids)) {
          slots.initialize(out, to: a[i].index)
          i += 1
        } else {
          slots.initialize(out, to: b[j].index)
          j += 1
        }
      }
    }
  }

  /// Whether a component of exactly one record can become an entity directly
  /// (``EntityTableBuilder/appendSingle(_:_:codes:)``):
  /// not when an attribute key is given twice (it can conflict with itself), nor with long
  /// lists, which go through the merge's hashed de-duplication (the pairwise checks of
  /// ``single(_:)`` would be quadratic).
  private static func isSimple(_ records: EntityRecordTable, _ r: Int) -> Bool {
    guard records.aliasCount(r) <= 8 else { return false }
    let attributes = records.attributeSlot[r]
    if attributes < 0, records.commodityList[r] == 0 { return true }  // the common row: nothing to check
    guard records.attributeCount(r) <= 8, records.commodityCount(r) <= 8 else { return false }
    guard records.attributeCount(r) > 1 else { return true }
    let list = records.attributes(r)
    for i in 1..<list.count where list[..<i].contains(where: { $0.key == list[i].key }) {
      return false
    }
    return true
  }

  /// Merges the records of one component (in input order) into an entity.
  private func merge(records: [EntityRecord], findings: inout FindingLog) -> Entity {
    let first = records[0]
    var fields = FieldMerger(entityID: first.id)
    var commodities: [String] = []
    var aliases: [String] = []
    var attributes: [Attribute] = []
    // Hash indexes beside the ordered arrays: a hostile row may carry 100,000 aliases or
    // columns, and linear `contains` checks would make the merge quadratic.
    var seenCommodities: Set<RawKey> = []
    var seenAliases: Set<RawKey> = []
    var attributeIndex: [String: Int] = [:]
    for record in records {
      let at = record.provenance
      if record.mergesByName, let kept = fields.name, let name = record.name {
        // The name is how this record found its entity; a spelling variant is an alias, not a conflict.
        if !name.utf8Equals(kept), seenAliases.insert(RawKey(name)).inserted { aliases.append(name) }
      } else {
        fields.take("name", record.name, at: at, into: &fields.name, findings: &findings)
      }
      fields.take("kind", record.kind?.rawValue, at: at, into: &fields.kind, findings: &findings)
      fields.take("country", record.country, at: at, into: &fields.country, findings: &findings)
      fields.take("sector", record.sector, at: at, into: &fields.sector, findings: &findings)
      fields.take("lei", record.identifiers.lei, at: at, into: &fields.lei, findings: &findings)
      fields.take("duns", record.identifiers.duns, at: at, into: &fields.duns, findings: &findings)
      fields.take("vat", record.identifiers.vat, at: at, into: &fields.vat, findings: &findings)
      fields.take("cid", record.identifiers.cid, at: at, into: &fields.cid, findings: &findings)
      fields.take(
        "raw_material", record.rawMaterial.map(String.init), at: at, into: &fields.rawMaterial, findings: &findings)
      for commodity in record.commodities where seenCommodities.insert(RawKey(commodity)).inserted {
        commodities.append(commodity)
      }
      if !record.id.utf8Equals(first.id), seenAliases.insert(RawKey(record.id)).inserted {
        aliases.append(record.id)
      }
      for alias in record.aliases where seenAliases.insert(RawKey(alias)).inserted {
        aliases.append(alias)
      }
      for attribute in record.attributes {
        if let index = attributeIndex[attribute.key] {
          let existing = attributes[index]
          if existing.value != attribute.value {
            fields.reportConflict(
              attribute.key, kept: existing.value, dropped: attribute.value, at: at, findings: &findings)
          }
        } else {
          attributeIndex[attribute.key] = attributes.count
          attributes.append(attribute)
        }
      }
    }
    return Entity(
      id: first.id, name: fields.name ?? first.id, kind: fields.kind.flatMap(EntityKind.init(rawValue:)) ?? .company,
      country: fields.country, sector: fields.sector, commodities: commodities.sorted { $0.utf8Precedes($1) },
      identifiers: Identifiers(lei: fields.lei, duns: fields.duns, vat: fields.vat, cid: fields.cid),
      aliases: aliases, rawMaterial: fields.rawMaterial == "true", attributes: attributes,
      sources: records.map(\.provenance))
  }
}

/// First-value-wins bookkeeping for one entity's scalar fields.
private struct FieldMerger {
  let entityID: String
  var name: String?
  var kind: String?
  var country: String?
  var sector: String?
  var lei: String?
  var duns: String?
  var vat: String?
  var cid: String?
  var rawMaterial: String?

  func take(
    _ field: String, _ value: String?, at location: Provenance, into slot: inout String?, findings: inout FindingLog
  ) {
    guard let value else { return }
    guard let kept = slot else {
      slot = value
      return
    }
    if !kept.utf8Equals(value) { reportConflict(field, kept: kept, dropped: value, at: location, findings: &findings) }
  }

  func reportConflict(
    _ field: String, kept: String, dropped: String, at location: Provenance, findings: inout FindingLog
  ) {
    findings.add(
      .warning, .mergeConflict, at: location,
      "entity '\(entityID)': \(field) '\(dropped)' conflicts with earlier '\(kept)'; keeping the first",
      evidence: [Attribute("field", field), Attribute("kept", kept), Attribute("dropped", dropped)])
  }
}

/// A sort key of an id: its first 8 bytes as a big-endian integer (zero-padded) and its index.
struct IDKey {
  var prefix: UInt64
  var index: Int32

  /// The first 8 bytes of `bytes` as a big-endian integer, padded with zero bytes.
  static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for k in 0..<8 { key = key << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
    return key
  }

  /// Whether this id's bytes precede `other`'s (`ids` holds both).
  func precedes(_ other: IDKey, in ids: StringColumn) -> Bool {
    if prefix != other.prefix { return prefix < other.prefix }
    return ids.withUTF8(Int(index)) { a in
      ids.withUTF8(Int(other.index)) { b in
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order < 0 || (order == 0 && a.count < b.count)
      }
    }
  }
}
