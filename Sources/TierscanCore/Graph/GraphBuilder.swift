import Dispatch

/// Merges entity and relationship records into a ``SupplyGraph`` (model §1).
///
/// Merge rules: records merge when they share an `id`, or the same valid `lei`, `duns` or `cid`,
/// transitively. The merged entity keeps the first id in input order; the other ids resolve to it
/// and become aliases. Records flagged ``EntityRecord/mergesByName`` that merged with nothing
/// else join the first entity whose normalised name or alias equals theirs (warning `name-merge`);
/// in any merge, such records come after the others, so the entity keeps the existing id.
/// For each field the first value in input order wins; a different later value is a warning
/// `merge-conflict`. Relationship endpoints with no entity anywhere become placeholders
/// (warning `unknown-entity`, once per id).
public struct GraphBuilder {
  private let normalizer: NameNormalizer

  /// Creates a builder; `normalizer` is used for name merges only.
  public init(normalizer: NameNormalizer = NameNormalizer()) {
    self.normalizer = normalizer
  }

  /// Builds the graph.
  ///
  /// - Parameters:
  ///   - entityRecords: entity records in input order.
  ///   - relationshipRecords: relationship records in input order.
  ///   - findings: receives merge conflicts, name merges and unknown-entity warnings.
  /// - Complexity: O((V + E) log V) for the final sort by id; merging is near-linear.
  public func build(
    entityRecords: [EntityRecord], relationshipRecords: [RelationshipRecord], findings: inout FindingLog
  ) -> SupplyGraph {
    build(entityRecords: entityRecords, relationshipRecords: RelationshipRecordTable(relationshipRecords), findings: &findings)
  }

  /// Builds the graph from a record table; the graph's ``RelationshipTable`` shares the table's
  /// columns (no copy) and replaces only the endpoints.
  ///
  /// - Complexity: O((V + E) log V) for the final sort by id; merging is near-linear; each
  ///   distinct endpoint id is looked up once.
  public func build(
    entityRecords: [EntityRecord], relationshipRecords: RelationshipRecordTable, findings: inout FindingLog
  ) -> SupplyGraph {
    guard let timings = PhaseTimings.current else {
      return buildGraph(entityRecords: entityRecords, relationshipRecords: relationshipRecords, findings: &findings)
    }
    return timings.measure("graph build") {
      buildGraph(entityRecords: entityRecords, relationshipRecords: relationshipRecords, findings: &findings)
    }
  }

  private func buildGraph(
    entityRecords: [EntityRecord], relationshipRecords: RelationshipRecordTable, findings: inout FindingLog
  ) -> SupplyGraph {
    let recordCount = entityRecords.count
    var sets = UnionFind(count: recordCount)
    // Ids and identifier keys are interned apart: only ids resolve relationship endpoints and
    // `SupplyGraph.index(of:)`. Records are read field by field in place: binding a whole record
    // would retain and release every string and array it holds.
    var recordIDs = ByteInterner()
    recordIDs.reserveCapacity(recordCount)
    var firstRecordOfID: [Int32] = []
    firstRecordOfID.reserveCapacity(recordCount)
    var identifierKeys = IdentifierUnion()
    for i in entityRecords.indices {
      let element = Int32(i)
      let (id, inserted) = recordIDs.intern(entityRecords[i].id)
      if inserted { firstRecordOfID.append(element) } else { sets.union(firstRecordOfID[Int(id)], element) }
      let identifiers = entityRecords[i].identifiers
      guard identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil else { continue }
      identifierKeys.union(identifiers, element: element, sets: &sets)
    }
    mergeByName(entityRecords, sets: &sets, findings: &findings)

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
    // Members of multi-record components, in input order.
    var members: [Int: [Int]] = [:]
    for i in 0..<recordCount where componentSize[Int(componentOfRecord[i])] > 1 {
      members[Int(componentOfRecord[i]), default: []].append(i)
    }
    // Components that need the general merge, merged in component order (so are their findings).
    var mergedEntities: [Int32: Entity] = [:]
    for c in 0..<firstRecord.count {
      let i = Int(firstRecord[c])
      if componentSize[c] == 1, Self.isSimple(entityRecords[i]) { continue }
      var list = members[c] ?? [i]
      // Records that merge by name (CMRT declaring companies) join an existing entity: the
      // existing records come first, so the entity keeps their id and values (model §2.8).
      if list.contains(where: { entityRecords[$0].mergesByName }) {
        list = list.filter { !entityRecords[$0].mergesByName } + list.filter { entityRecords[$0].mergesByName }
      }
      mergedEntities[Int32(c)] = merge(records: list.map { entityRecords[$0] }, findings: &findings)
    }

    // Resolve every distinct endpoint id once: a component, or a placeholder for an unknown id.
    // Ids are in order of first occurrence (input order, `from` before `to`), which is the order
    // placeholders were always created in; each cites the record of its first occurrence.
    let ids = relationshipRecords.ids
    let idOfEndpoint = Self.lookUpIDs(ids, in: recordIDs)
    var componentOfEndpoint = [Int32](repeating: 0, count: ids.count)
    var placeholders: [(id: String, provenance: Provenance)] = []
    for i in 0..<ids.count {
      let id = idOfEndpoint[i]
      if id >= 0 {
        componentOfEndpoint[i] = componentOfRecord[Int(firstRecordOfID[Int(id)])]
        continue
      }
      let endpoint = ids.string(at: i)
      let provenance = relationshipRecords.columns.values(Int(relationshipRecords.idFirstRow[i])).provenance
      findings.add(
        .warning, "unknown-entity", at: provenance, "'\(endpoint)' has no entity record; created a placeholder company")
      componentOfEndpoint[i] = Int32(firstRecord.count + placeholders.count)
      placeholders.append((endpoint, provenance))
    }

    // Sort by id bytes, then build each entity in its place (no copies of whole entities) and
    // the lookup of every id. A component's id is its first record's, except where a
    // name-merging record came first (the merge puts it last).
    var entityIDs = firstRecord.map { entityRecords[Int($0)].id } + placeholders.map(\.id)
    for (c, entity) in mergedEntities { entityIDs[Int(c)] = entity.id }  // distinct slots: order is irrelevant
    let order = Self.orderByIDBytes(entityIDs)
    var indexOfComponent = [EntityIndex](repeating: 0, count: order.count)
    for (newIndex, old) in order.enumerated() { indexOfComponent[old] = EntityIndex(newIndex) }
    // Components are built in input order (records are read sequentially; each entity is
    // written to its sorted place).
    let entities = [Entity](unsafeUninitializedCapacity: order.count) { buffer, initialized in
      let slots = EntitySlots(buffer)
      let (componentSize, firstRecord) = (componentSize, firstRecord)
      let (mergedEntities, placeholders) = (mergedEntities, placeholders)
      let indexOfComponent = indexOfComponent
      let count = indexOfComponent.count
      let workers = count >= 50_000 ? 2 : 1
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        for c in (count * w / workers)..<(count * (w + 1) / workers) {
          let k = Int(indexOfComponent[c])
          if c >= firstRecord.count {
            let placeholder = placeholders[c - firstRecord.count]
            let entity = Entity(
              id: placeholder.id, name: placeholder.id, sources: [placeholder.provenance], isPlaceholder: true)
            slots.initialize(k, to: entity)
          } else if componentSize[c] == 1, Self.isSimple(entityRecords[Int(firstRecord[c])]) {
            slots.initialize(k, to: Self.single(entityRecords[Int(firstRecord[c])]))
          } else {
            slots.initialize(k, to: mergedEntities[Int32(c)]!)
          }
        }
      }
      initialized = count
    }
    // Every id resolves to its entity: the records' ids, then the placeholders' (new) ids.
    var allIDs = recordIDs
    var entityOfID = (0..<recordIDs.count).map { id in
      indexOfComponent[Int(componentOfRecord[Int(firstRecordOfID[id])])]
    }
    for (p, placeholder) in placeholders.enumerated() {
      let (_, inserted) = allIDs.intern(placeholder.id)
      assert(inserted, "a placeholder's id is no record's id")
      entityOfID.append(indexOfComponent[firstRecord.count + p])
    }

    let indexOfEndpoint = componentOfEndpoint.map { indexOfComponent[Int($0)] }
    let relationships = RelationshipTable(
      from: Self.gather(indexOfEndpoint, at: relationshipRecords.fromID),
      to: Self.gather(indexOfEndpoint, at: relationshipRecords.toID),
      basis: relationshipRecords.basis.map { $0 ?? .declared }, columns: relationshipRecords.columns)
    return SupplyGraph(entities: entities, relationships: relationships, ids: allIDs, entityOfID: entityOfID)
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

  /// The index in `recordIDs` of every distinct endpoint id, or -1 for an id with no entity
  /// record; large tables are looked up by two concurrent workers over halves.
  static func lookUpIDs(_ ids: ByteInterner, in recordIDs: ByteInterner) -> [Int32] {
    let count = ids.count
    return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
      let result = EndpointBuffer(buffer)
      let workers = count >= 50_000 ? 2 : 1
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        for i in (count * w / workers)..<(count * (w + 1) / workers) {
          result.values[i] = ids.withBytes(at: i) { recordIDs.index(of: $0) } ?? -1
        }
      }
      initialized = count
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
  private static func isSimple(_ record: EntityRecord) -> Bool {
    let attributes = record.attributes
    guard attributes.count <= 8, record.commodities.count <= 8, record.aliases.count <= 8 else { return false }
    if attributes.count > 1 {
      for i in 1..<attributes.count where attributes[..<i].contains(where: { $0.key == attributes[i].key }) {
        return false
      }
    }
    return true
  }

  /// The entity of a component with exactly one record that ``isSimple(_:)``.
  private static func single(_ record: EntityRecord) -> Entity {
    Entity(
      id: record.id, name: record.name ?? record.id, kind: record.kind ?? .company, country: record.country,
      sector: record.sector, commodities: sortedDistinct(record.commodities),
      identifiers: Identifiers(
        lei: record.identifiers.lei, duns: record.identifiers.duns, vat: record.identifiers.vat,
        cid: record.identifiers.cid),
      aliases: firstDistinct(record.aliases), rawMaterial: record.rawMaterial == true, attributes: record.attributes,
      sources: [record.provenance])
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

  /// Joins each name-merging record that is alone in its set to the first other set whose
  /// records carry the same normalised name or alias.
  private func mergeByName(_ records: [EntityRecord], sets: inout UnionFind, findings: inout FindingLog) {
    guard records.contains(where: \.mergesByName) else { return }
    var setSizes: [Int32: Int] = [:]
    for i in records.indices { setSizes[sets.find(Int32(i)), default: 0] += 1 }
    var firstByName: [String: Int32] = [:]
    for (i, record) in records.enumerated() where !record.mergesByName {
      for name in [record.name ?? ""] + record.aliases {
        let key = normalizer.normalize(name)
        if !key.isEmpty, firstByName[key] == nil { firstByName[key] = Int32(i) }
      }
    }
    for (i, record) in records.enumerated() where record.mergesByName {
      guard setSizes[sets.find(Int32(i))] == 1, let name = record.name else { continue }
      let key = normalizer.normalize(name)
      guard !key.isEmpty, let target = firstByName[key] else { continue }
      sets.union(target, Int32(i))
      findings.add(
        .warning, "name-merge", at: record.provenance,
        "'\(name)' merged by normalised name with entity '\(records[Int(target)].id)'")
    }
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
      .warning, "merge-conflict", at: location,
      "entity '\(entityID)': \(field) '\(dropped)' conflicts with earlier '\(kept)'; keeping the first",
      evidence: [Attribute("field", field), Attribute("kept", kept), Attribute("dropped", dropped)])
  }
}

/// An endpoint array written by concurrent workers at disjoint indices.
private final class EndpointBuffer: @unchecked Sendable {
  let values: UnsafeMutableBufferPointer<Int32>

  init(_ values: UnsafeMutableBufferPointer<Int32>) { self.values = values }
}

/// The uninitialised entity array, initialised by concurrent workers at disjoint indices.
private final class EntitySlots: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<Entity>

  init(_ buffer: UnsafeMutableBufferPointer<Entity>) { self.buffer = buffer }

  func initialize(_ index: Int, to entity: Entity) { (buffer.baseAddress! + index).initialize(to: entity) }
}

/// Unions records that share a merge-capable identifier (VAT never merges).
private struct IdentifierUnion {
  /// Keys: a scheme byte (1 LEI, 2 DUNS, 3 CID) followed by the value's UTF-8 bytes.
  private var keys = ByteInterner()
  /// The first record of each key.
  private var firstRecord: [Int32] = []

  /// Joins `element` with the first record of each of its identifiers.
  mutating func union(_ identifiers: Identifiers, element: Int32, sets: inout UnionFind) {
    union(1, identifiers.lei, element, &sets)
    union(2, identifiers.duns, element, &sets)
    union(3, identifiers.cid, element, &sets)
  }

  private mutating func union(_ scheme: UInt8, _ value: String?, _ element: Int32, _ sets: inout UnionFind) {
    guard var value else { return }
    let (key, inserted) = value.withUTF8 { utf8 in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 1) { bytes in
        bytes[0] = scheme
        _ = UnsafeMutableBufferPointer(rebasing: bytes[1...]).initialize(from: utf8)
        return keys.intern(UnsafeRawBufferPointer(bytes))
      }
    }
    if inserted { firstRecord.append(element) } else { sets.union(firstRecord[Int(key)], element) }
  }
}
