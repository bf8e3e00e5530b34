/// Merges entity and relationship records into a ``SupplyGraph`` (SPEC §1).
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
    guard let timings = PhaseTimings.current else {
      return buildGraph(entityRecords: entityRecords, relationshipRecords: relationshipRecords, findings: &findings)
    }
    return timings.measure("graph build") {
      buildGraph(entityRecords: entityRecords, relationshipRecords: relationshipRecords, findings: &findings)
    }
  }

  private func buildGraph(
    entityRecords: [EntityRecord], relationshipRecords: [RelationshipRecord], findings: inout FindingLog
  ) -> SupplyGraph {
    var sets = UnionFind()
    for _ in entityRecords { _ = sets.makeSet() }
    var elementOfKey: [RawKey: Int32] = [:]
    elementOfKey.reserveCapacity(entityRecords.count * 2)
    for (i, record) in entityRecords.enumerated() {
      let element = Int32(i)
      if let existing = elementOfKey[RawKey(record.id)] {
        sets.union(existing, element)
      } else {
        elementOfKey[RawKey(record.id)] = element
      }
      for key in Self.identifierKeys(of: record.identifiers) {
        if let existing = elementOfKey[RawKey(key)] {
          sets.union(existing, element)
        } else {
          elementOfKey[RawKey(key)] = element
        }
      }
    }
    mergeByName(entityRecords, sets: &sets, findings: &findings)

    // Group records by component, components ordered by their first record.
    var componentOfRoot: [Int32: Int] = [:]
    var components: [[Int]] = []
    for i in entityRecords.indices {
      let root = sets.find(Int32(i))
      if let c = componentOfRoot[root] {
        components[c].append(i)
      } else {
        componentOfRoot[root] = components.count
        components.append([i])
      }
    }
    // Records that merge by name (CMRT declaring companies) join an existing entity: the
    // existing records come first, so the entity keeps their id and values (SPEC §2.8).
    for c in components.indices where components[c].contains(where: { entityRecords[$0].mergesByName }) {
      components[c] =
        components[c].filter { !entityRecords[$0].mergesByName } + components[c].filter { entityRecords[$0].mergesByName }
    }
    var merged = components.map { merge(records: $0.map { entityRecords[$0] }, findings: &findings) }

    // Placeholders for unknown endpoints.
    var placeholderIDs = Set<RawKey>()
    for record in relationshipRecords {
      for endpoint in [record.from, record.to] where elementOfKey[RawKey(endpoint)] == nil {
        if placeholderIDs.insert(RawKey(endpoint)).inserted {
          findings.add(
            .warning, "unknown-entity", at: record.provenance,
            "'\(endpoint)' has no entity record; created a placeholder company")
          merged.append(Entity(id: endpoint, name: endpoint, sources: [record.provenance], isPlaceholder: true))
          components.append([])
        }
      }
    }

    // Sort by id bytes and build the lookup of every id.
    let order = merged.indices.sorted { merged[$0].id.utf8Precedes(merged[$1].id) }
    var indexOfComponent = [EntityIndex](repeating: 0, count: merged.count)
    for (newIndex, old) in order.enumerated() { indexOfComponent[old] = EntityIndex(newIndex) }
    var lookup: [RawKey: EntityIndex] = [:]
    lookup.reserveCapacity(merged.count)
    for (c, members) in components.enumerated() {
      let index = indexOfComponent[c]
      if members.isEmpty { lookup[RawKey(merged[c].id)] = index }
      for member in members where lookup[RawKey(entityRecords[member].id)] == nil {
        lookup[RawKey(entityRecords[member].id)] = index
      }
    }
    let entities = order.map { merged[$0] }

    let relationships = relationshipRecords.map { record in
      Relationship(
        from: lookup[RawKey(record.from)]!, to: lookup[RawKey(record.to)]!, type: record.type,
        commodity: record.commodity, hsCode: record.hsCode, share: record.share, basis: record.basis ?? .declared,
        confidence: record.confidence, reportingYear: record.reportingYear, attributes: record.attributes,
        provenance: record.provenance)
    }
    return SupplyGraph(entities: entities, relationships: relationships, idLookup: lookup)
  }

  /// Union keys for the merge-capable identifiers (VAT never merges).
  private static func identifierKeys(of identifiers: Identifiers) -> [String] {
    var keys: [String] = []
    if let lei = identifiers.lei { keys.append("\u{0}lei:" + lei) }
    if let duns = identifiers.duns { keys.append("\u{0}duns:" + duns) }
    if let cid = identifiers.cid { keys.append("\u{0}cid:" + cid) }
    return keys
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
