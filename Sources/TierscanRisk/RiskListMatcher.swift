import TierscanCore

/// Matches risk-list rows to entities by the three rules of model §2.4, through hash indexes
/// built once over the graph (normalised name or alias → entities, identifier → entities).
public struct RiskListMatcher: Sendable {
  /// One entity matched by a row.
  public struct Match: Sendable, Hashable {
    public var entity: EntityIndex
    public var rule: ListMatchRule
    /// The row's name or alias that matched (name rules), or `scheme:value` (identifier rule).
    public var matchedOn: String
  }

  private let graph: SupplyGraph
  private let normalizer: NameNormalizer
  /// Index ``nameIndex``: normalised entity names and aliases to entities; index 1 + s: values of
  /// identifier scheme `schemes[s]` to entities.
  private var indexes: [EntityKeyIndex]

  /// The identifier schemes, in the order a row's identifiers are tried.
  private static let schemes = ["lei", "duns", "cid"]
  private static let nameIndex = 0

  /// Builds the indexes.
  ///
  /// - Complexity: O(V × a) where a is the number of names and aliases per entity.
  public init(graph: SupplyGraph, normalizer: NameNormalizer) {
    self.graph = graph
    self.normalizer = normalizer
    indexes = Array(repeating: EntityKeyIndex(), count: 1 + Self.schemes.count)
    var keys = NameKeyCache(normalizer: normalizer)
    Self.forEachKey(of: graph, in: 0..<graph.entityCount, names: &keys) { index, entity, key in
      self.indexes[index].add(entity, key: key)
    }
  }

  /// Builds the indexes for matching `rows` only: entity names, aliases and identifiers that no
  /// row has are left out of the indexes (each name is still normalised once). The entities are
  /// read in two halves concurrently.
  ///
  /// - Complexity: O(V × a + R × n).
  public init(graph: SupplyGraph, normalizer: NameNormalizer, rows: [RiskListEntry]) {
    self.graph = graph
    self.normalizer = normalizer
    var rowKeys = NameKeyCache(normalizer: normalizer)
    let names = rows.flatMap { row in (CollectionOfOne(row.name) + row.aliases).map { rowKeys.key($0) } }
    let wanted = [EntityKeyIndex(keys: names.filter { !$0.isEmpty })]
      + Self.schemes.indices.map { s in EntityKeyIndex(keys: rows.compactMap { Self.identifier(s, of: $0.identifiers) }) }
    // Each piece of the entity range lists the (index, slot, entity) of its wanted keys in
    // entity order; the pieces are then added in order.
    let pieces = ParallelWork.map(count: graph.entityCount, minimumToSplit: 50_000) { range in
      var keys = NameKeyCache(normalizer: normalizer)
      var found: [(index: Int, slot: Int, entity: EntityIndex)] = []
      Self.forEachKey(of: graph, in: range, names: &keys) { index, entity, key in
        if let slot = wanted[index].slot(of: key) { found.append((index, slot, entity)) }
      }
      return found
    }
    indexes = wanted
    for (index, slot, entity) in pieces.joined() { indexes[index].add(entity, slot: slot) }
  }

  /// Calls `body` with the index (``nameIndex`` or 1 + scheme), the entity and the key of every
  /// non-empty normalised name and alias and every identifier of the entities in `range`, in
  /// entity order.
  private static func forEachKey(
    of graph: SupplyGraph, in range: Range<Int>, names: inout NameKeyCache,
    _ body: (Int, EntityIndex, UnsafeRawBufferPointer) -> Void
  ) {
    // Fields are read in place: binding each `Entity` would retain and release all its fields.
    let entities = graph.entities
    for i in range {
      let entity = EntityIndex(i)
      func addName(_ name: String) {
        names.withKey(name) { key in
          if !key.isEmpty { body(nameIndex, entity, key) }
        }
      }
      addName(entities[i].name)
      for alias in entities[i].aliases { addName(alias) }
      for s in schemes.indices {
        guard var value = identifier(s, of: entities[i].identifiers) else { continue }
        value.withUTF8 { body(1 + s, entity, UnsafeRawBufferPointer($0)) }
      }
    }
  }

  /// The value of scheme `s` (an index of ``schemes``) in `identifiers`.
  private static func identifier(_ s: Int, of identifiers: Identifiers) -> String? {
    switch s {
    case 0: identifiers.lei
    case 1: identifiers.duns
    default: identifiers.cid
    }
  }

  /// The entities `entry` matches, sorted by entity index, each with its strongest rule
  /// (identifier, then name-country, then name-only).
  ///
  /// - Complexity: O(n + m) hash look-ups for n names and aliases of the row and m candidates.
  public func matches(of entry: RiskListEntry) -> [Match] {
    var found: [EntityIndex: Match] = [:]
    for s in Self.schemes.indices {
      guard let value = Self.identifier(s, of: entry.identifiers) else { continue }
      for entity in indexes[1 + s].entities(withKey: value) where found[entity] == nil {
        found[entity] = Match(entity: entity, rule: .identifier, matchedOn: Self.schemes[s] + ":" + value)
      }
    }
    var keys = NameKeyCache(normalizer: normalizer)
    for name in [entry.name] + entry.aliases {
      let key = keys.key(name)
      if key.isEmpty { continue }
      for entity in indexes[Self.nameIndex].entities(withKey: key) {
        if let existing = found[entity], existing.rule != .nameOnly { continue }
        guard let rule = nameRule(entry, graph[entity]) else { continue }
        if let existing = found[entity], existing.rule == rule { continue }
        found[entity] = Match(entity: entity, rule: rule, matchedOn: name)
      }
    }
    return found.values.sorted { $0.entity < $1.entity }
  }

  /// The name rule that applies once names are equal, or `nil` when a guard forbids a match.
  private func nameRule(_ entry: RiskListEntry, _ entity: Entity) -> ListMatchRule? {
    if Self.differ(entry.identifiers.lei, entity.identifiers.lei)
      || Self.differ(entry.identifiers.duns, entity.identifiers.duns)
      || Self.differ(entry.identifiers.cid, entity.identifiers.cid)
    {
      return nil
    }
    if let rowCountry = entry.country, let entityCountry = entity.country {
      return rowCountry.utf8Equals(entityCountry) ? .nameCountry : nil
    }
    return .nameOnly
  }

  private static func differ(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return false }
    return !a.utf8Equals(b)
  }
}
