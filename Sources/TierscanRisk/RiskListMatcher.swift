import TierscanCore

/// Matches risk-list rows to entities by the three rules of SPEC §2.4, through hash indexes
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
  /// Normalised entity names and aliases to entities.
  private var byName: EntityKeyIndex
  /// Per scheme of ``schemes``, identifier values to entities.
  private var byIdentifier: [EntityKeyIndex]

  /// The identifier schemes, in the order a row's identifiers are tried.
  private static let schemes = ["lei", "duns", "cid"]

  /// Builds the indexes.
  ///
  /// - Complexity: O(V × a) where a is the number of names and aliases per entity.
  public init(graph: SupplyGraph, normalizer: NameNormalizer) {
    self.init(
      graph: graph, normalizer: normalizer, byName: EntityKeyIndex(),
      byIdentifier: Self.schemes.map { _ in EntityKeyIndex() })
  }

  /// Builds the indexes for matching `rows` only: entity names, aliases and identifiers that no
  /// row has are left out of the indexes (each name is still normalised once).
  ///
  /// - Complexity: O(V × a + R × n).
  public init(graph: SupplyGraph, normalizer: NameNormalizer, rows: [RiskListEntry]) {
    let names = rows.flatMap { row in (CollectionOfOne(row.name) + row.aliases).map(normalizer.normalize) }
    let identifiers = Self.schemes.indices.map { s in
      EntityKeyIndex(closedOver: rows.compactMap { Self.identifier(s, of: $0.identifiers) })
    }
    self.init(
      graph: graph, normalizer: normalizer, byName: EntityKeyIndex(closedOver: names.filter { !$0.isEmpty }),
      byIdentifier: identifiers)
  }

  private init(graph: SupplyGraph, normalizer: NameNormalizer, byName: EntityKeyIndex, byIdentifier: [EntityKeyIndex]) {
    self.graph = graph
    self.normalizer = normalizer
    self.byName = byName
    self.byIdentifier = byIdentifier
    var keys = NameKeyCache(normalizer: normalizer)
    // Fields are read in place: binding each `Entity` would retain and release all its fields.
    let entities = graph.entities
    for i in entities.indices {
      let index = EntityIndex(i)
      func addName(_ name: String) {
        keys.withKey(name) { key in
          if !key.isEmpty { self.byName.add(index, key: key) }
        }
      }
      addName(entities[i].name)
      for alias in entities[i].aliases { addName(alias) }
      for s in Self.schemes.indices {
        guard var value = Self.identifier(s, of: entities[i].identifiers) else { continue }
        value.withUTF8 { self.byIdentifier[s].add(index, key: UnsafeRawBufferPointer($0)) }
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
      for entity in byIdentifier[s].entities(withKey: value) where found[entity] == nil {
        found[entity] = Match(entity: entity, rule: .identifier, matchedOn: Self.schemes[s] + ":" + value)
      }
    }
    for name in [entry.name] + entry.aliases {
      let key = normalizer.normalize(name)
      if key.isEmpty { continue }
      for entity in byName.entities(withKey: key) {
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
