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
    let (componentOfRecord, componentSize, firstRecord) =
      (components.componentOfRecord, components.componentSize, components.firstRecord)
    let placeholders = endpoints.placeholders
    // Sort by id bytes, then build each entity in its place (no copies of whole entities) and
    // the lookup of every id. A component's id is its first record's, except where a
    // name-merging record came first (the merge puts it last).
    var entityIDs = firstRecord.map { entityRecords.id(Int($0)) } + placeholders.map(\.id)
    for (c, entity) in mergedEntities { entityIDs[Int(c)] = entity.id }  // distinct slots: order is irrelevant
    let order = Self.orderByIDBytes(entityIDs)
    var indexOfComponent = [EntityIndex](repeating: 0, count: order.count)
    for (newIndex, old) in order.enumerated() { indexOfComponent[old] = EntityIndex(newIndex) }
    // Each entity is appended to the columns in id order: a single simple record field by
    // field (no `Entity` value), a merged component from its merged entity.
    var table = EntityTableBuilder(reservingCapacity: order.count)
    for c in order {
      if c >= firstRecord.count {
        let placeholder = placeholders[c - firstRecord.count]
        table.append(
          id: placeholder.id, name: placeholder.id, kind: .company, country: nil, sector: nil, commodities: [],
          identifiers: Identifiers(), aliases: [], rawMaterial: false, attributes: [],
          sources: .one(placeholder.provenance), isPlaceholder: true)
      } else if componentSize[c] == 1, Self.isSimple(entityRecords, Int(firstRecord[c])) {
        Self.appendSingle(entityRecords, Int(firstRecord[c]), to: &table)
      } else {
        table.append(mergedEntities[Int32(c)]!)
      }
    }
    let entities = EntityTable(table)
    // Every id resolves to its entity: an entity's own id (placeholders' too) by a search of the
    // sorted table, a record id merged into another entity through a small hash table.
    let ids = EntityIDLookup(ids: components.recordIDs, entities: entities) { id in
      indexOfComponent[Int(componentOfRecord[Int(components.firstRecordOfID[id])])]
    }

    let indexOfEndpoint = endpoints.componentOfEndpoint.map { indexOfComponent[Int($0)] }
    let relationships = RelationshipTable(
      from: Self.gather(indexOfEndpoint, at: relationshipRecords.fromID),
      to: Self.gather(indexOfEndpoint, at: relationshipRecords.toID),
      basis: relationshipRecords.basis.map { $0 ?? .declared }, columns: relationshipRecords.columns)
    return SupplyGraph(entities: entities, relationships: relationships, ids: ids)
  }

  /// `values[indices[r]]` for every `r`.
  ///
  /// - Complexity: O(n).
  static func gather(_ values: [Int32], at indices: [Int32]) -> [Int32] {
    [Int32](unsafeUninitializedCapacity: indices.count) { buffer, initialized in
      values.withUnsafeBufferPointer { values in
        indices.withUnsafeBufferPointer { indices in
          for r in indices.indices { buffer[r] = values[Int(indices[r])] }
        }
      }
      initialized = indices.count
    }
  }

  /// The indices of `ids` in ascending order of their UTF-8 bytes (ids are unique).
  ///
  /// Sorts (first 8 bytes as a big-endian integer, index) pairs, comparing the full bytes only
  /// when the 8-byte prefixes are equal. A shorter id pads with zero bytes, so prefix order never
  /// contradicts byte order.
  ///
  /// - Complexity: O(V log V).
  static func orderByIDBytes(_ ids: [String]) -> [Int] {
    var keyed: [(prefix: UInt64, index: Int32)] = []
    keyed.reserveCapacity(ids.count)
    for i in ids.indices {
      var id = ids[i]
      let prefix = id.withUTF8 { bytes -> UInt64 in
        var key: UInt64 = 0
        for k in 0..<8 { key = key << 8 | UInt64(k < bytes.count ? bytes[k] : 0) }
        return key
      }
      keyed.append((prefix, Int32(i)))
    }
    keyed.sort { a, b in
      if a.prefix != b.prefix { return a.prefix < b.prefix }
      return ids[Int(a.index)].utf8Precedes(ids[Int(b.index)])
    }
    return keyed.map { Int($0.index) }
  }

  /// Whether a component of exactly one record can become an entity directly (``single(_:)``):
  /// not when an attribute key is given twice (it can conflict with itself), nor with long
  /// lists, which go through the merge's hashed de-duplication (the pairwise checks of
  /// ``single(_:)`` would be quadratic).
  private static func isSimple(_ records: EntityRecordTable, _ r: Int) -> Bool {
    guard records.attributeCount(r) <= 8, records.commodityCount(r) <= 8, records.aliasCount(r) <= 8 else { return false }
    guard records.attributeCount(r) > 1 else { return true }
    let attributes = records.attributes(r)
    for i in 1..<attributes.count where attributes[..<i].contains(where: { $0.key == attributes[i].key }) {
      return false
    }
    return true
  }

  /// Appends the entity of a component with exactly one record (`r`) that ``isSimple(_:_:)``.
  private static func appendSingle(_ records: EntityRecordTable, _ r: Int, to table: inout EntityTableBuilder) {
    let id = records.id(r)
    table.append(
      id: id, name: records.name(r) ?? id, kind: records.kind(r) ?? .company, country: records.country(r),
      sector: records.sector(r), commodities: sortedDistinct(records.commodities(r)),
      identifiers: records.identifiers(r), aliases: firstDistinct(records.aliases(r)),
      rawMaterial: records.rawMaterial(r) == true, attributes: records.attributes(r),
      sources: .one(records.provenance(r)), isPlaceholder: false)
  }

  /// The distinct values of a short list in byte order; a list already strictly ascending is
  /// returned as it is (no copy).
  private static func sortedDistinct(_ values: [String]) -> [String] {
    if values.count < 2 || values.indices.dropFirst().allSatisfy({ values[$0 - 1].utf8Precedes(values[$0]) }) {
      return values
    }
    let distinct = firstDistinct(values)
    return distinct.count > 1 ? distinct.sorted { $0.utf8Precedes($1) } : distinct
  }

  /// The first occurrence of each value of a short list, in order; a list of fewer than two
  /// values is returned as it is (no copy).
  private static func firstDistinct(_ values: [String]) -> [String] {
    if values.count < 2 { return values }
    var distinct: [String] = []
    for value in values where !distinct.contains(where: { $0.utf8Equals(value) }) { distinct.append(value) }
    return distinct
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
      fields.take("raw_material", record.rawMaterial.map(String.init), at: at, into: &fields.rawMaterial, findings: &findings)
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
            fields.reportConflict(attribute.key, kept: existing.value, dropped: attribute.value, at: at, findings: &findings)
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

  func reportConflict(_ field: String, kept: String, dropped: String, at location: Provenance, findings: inout FindingLog) {
    findings.add(
      .warning, .mergeConflict, at: location,
      "entity '\(entityID)': \(field) '\(dropped)' conflicts with earlier '\(kept)'; keeping the first",
      evidence: [Attribute("field", field), Attribute("kept", kept), Attribute("dropped", dropped)])
  }
}
