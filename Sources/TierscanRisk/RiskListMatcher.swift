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
  private var byName: [String: [EntityIndex]] = [:]
  private var byIdentifier: [RawKey: [EntityIndex]] = [:]

  /// Builds the indexes.
  ///
  /// - Complexity: O(V × a) where a is the number of names and aliases per entity.
  public init(graph: SupplyGraph, normalizer: NameNormalizer) {
    self.init(graph: graph, normalizer: normalizer, wantedNames: nil)
  }

  /// Builds the indexes for matching `rows` only: entity names and aliases whose normalised form
  /// no row name or alias has are left out of the name index (each is still normalised once).
  ///
  /// - Complexity: O(V × a + R × n).
  public init(graph: SupplyGraph, normalizer: NameNormalizer, rows: [RiskListEntry]) {
    var wanted = Set<String>()
    for row in rows {
      for name in CollectionOfOne(row.name) + row.aliases {
        let key = normalizer.normalize(name)
        if !key.isEmpty { wanted.insert(key) }
      }
    }
    self.init(graph: graph, normalizer: normalizer, wantedNames: wanted)
  }

  private init(graph: SupplyGraph, normalizer: NameNormalizer, wantedNames: Set<String>?) {
    self.graph = graph
    self.normalizer = normalizer
    var keys = NameKeyCache(normalizer: normalizer)
    if wantedNames == nil { byName.reserveCapacity(graph.entityCount) }
    // Fields are read in place: binding each `Entity` would retain and release all its fields.
    let entities = graph.entities
    for i in entities.indices {
      let index = EntityIndex(i)
      func addName(_ name: String) {
        let key = keys.key(name)
        if key.isEmpty { return }
        if let wantedNames, !wantedNames.contains(key) { return }
        if byName[key]?.last != index { byName[key, default: []].append(index) }
      }
      addName(entities[i].name)
      for alias in entities[i].aliases { addName(alias) }
      let identifiers = entities[i].identifiers
      if identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil {
        for key in Self.identifierKeys(identifiers) { byIdentifier[RawKey(key), default: []].append(index) }
      }
    }
  }

  private static func identifierKeys(_ identifiers: Identifiers) -> [String] {
    var keys: [String] = []
    if let lei = identifiers.lei { keys.append("lei:" + lei) }
    if let duns = identifiers.duns { keys.append("duns:" + duns) }
    if let cid = identifiers.cid { keys.append("cid:" + cid) }
    return keys
  }

  /// The entities `entry` matches, sorted by entity index, each with its strongest rule
  /// (identifier, then name-country, then name-only).
  ///
  /// - Complexity: O(n + m) hash look-ups for n names and aliases of the row and m candidates.
  public func matches(of entry: RiskListEntry) -> [Match] {
    var found: [EntityIndex: Match] = [:]
    for key in Self.identifierKeys(entry.identifiers) {
      for entity in byIdentifier[RawKey(key)] ?? [] where found[entity] == nil {
        found[entity] = Match(entity: entity, rule: .identifier, matchedOn: key)
      }
    }
    for name in [entry.name] + entry.aliases {
      let key = normalizer.normalize(name)
      if key.isEmpty { continue }
      for entity in byName[key] ?? [] {
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
