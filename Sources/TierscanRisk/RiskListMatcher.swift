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
      addName(entities.name(of: i))
      for alias in entities.aliases(of: i) { addName(alias) }
      let identifiers = entities.identifiers(of: i)
      for s in schemes.indices {
        guard var value = identifier(s, of: identifiers) else { continue }
        value.withUTF8 { body(1 + s, entity, UnsafeRawBufferPointer($0)) }
      }
    }
  }

  /// `scheme:value` of identifier scheme `scheme` (a ``Source/identifier(scheme:)``) in `identifiers`.
  public static func matchedOn(scheme: Int, of identifiers: Identifiers) -> String {
    schemes[scheme] + ":" + (identifier(scheme, of: identifiers) ?? "")
  }

  /// The value of scheme `s` (an index of ``schemes``) in `identifiers`.
  private static func identifier(_ s: Int, of identifiers: Identifiers) -> String? {
    switch s {
    case 0: identifiers.lei
    case 1: identifiers.duns
    default: identifiers.cid
    }
  }

  /// What a row's matches depend on: its normalised names and aliases (in order, empty ones
  /// kept so that positions agree), its identifiers and its country. Rows of equal shape match
  /// the same entities by the same rules (``RiskListMatchTable`` computes them once).
  public struct Shape: Hashable, Sendable {
    let keys: [String]
    let lei: String?
    let duns: String?
    let cid: String?
    let country: String?
  }

  /// Where a match came from: an identifier scheme, or the position of the row's name (0) or
  /// alias (1 + i) whose normalised form matched.
  public enum Source: Sendable, Hashable {
    case identifier(scheme: Int)
    case name(position: Int)
  }

  /// One entity matched by a shape.
  public struct ShapeMatch: Sendable, Hashable {
    public var entity: EntityIndex
    public var rule: ListMatchRule
    public var source: Source
  }

  /// The shape of `entry`.
  public func shape(of entry: RiskListEntry) -> Shape {
    var keys = NameKeyCache(normalizer: normalizer)
    return Shape(
      keys: ([entry.name] + entry.aliases).map { keys.key($0) }, lei: entry.identifiers.lei,
      duns: entry.identifiers.duns, cid: entry.identifiers.cid, country: entry.country)
  }

  /// The entities `entry` matches, sorted by entity index, each with its strongest rule
  /// (identifier, then name-country, then name-only).
  ///
  /// - Complexity: O(n + m) hash look-ups for n names and aliases of the row and m candidates.
  public func matches(of entry: RiskListEntry) -> [Match] {
    let names = [entry.name] + entry.aliases
    return matches(of: shape(of: entry)).matches.map { match in
      switch match.source {
      case .identifier(let s):
        Match(entity: match.entity, rule: match.rule, matchedOn: Self.matchedOn(scheme: s, of: entry.identifiers))
      case .name(let position): Match(entity: match.entity, rule: match.rule, matchedOn: names[position])
      }
    }
  }

  /// The entities a row of `shape` matches, sorted by entity index, each with its strongest rule
  /// and where it came from, and the number of (name, entity) candidates checked.
  ///
  /// - Complexity: O(n + m) hash look-ups for n names and aliases and m candidates.
  public func matches(of shape: Shape) -> (matches: [ShapeMatch], checks: Int) {
    var found: [EntityIndex: ShapeMatch] = [:]
    var checks = 0
    let identifiers = [shape.lei, shape.duns, shape.cid]
    for s in Self.schemes.indices {
      guard let value = identifiers[s] else { continue }
      for entity in indexes[1 + s].entities(withKey: value) where found[entity] == nil {
        checks += 1
        found[entity] = ShapeMatch(entity: entity, rule: .identifier, source: .identifier(scheme: s))
      }
    }
    for (position, key) in shape.keys.enumerated() where !key.isEmpty {
      for entity in indexes[Self.nameIndex].entities(withKey: key) {
        checks += 1
        if let existing = found[entity], existing.rule != .nameOnly { continue }
        guard let rule = nameRule(shape, entity) else { continue }
        if let existing = found[entity], existing.rule == rule { continue }
        found[entity] = ShapeMatch(entity: entity, rule: rule, source: .name(position: position))
      }
    }
    return (found.values.sorted { $0.entity < $1.entity }, checks)
  }

  /// The slot of normalised name `key` in the name index, or `nil` when no entity has it.
  func nameSlot(of key: String) -> Int? { indexes[Self.nameIndex].slot(of: key) }

  /// The slot of `value` of identifier scheme `scheme` (0 lei, 1 duns, 2 cid), or `nil`.
  func identifierSlot(_ scheme: Int, of value: String) -> Int? { indexes[1 + scheme].slot(of: value) }

  /// The entities, ascending, of name slot `slot` (`scheme == nil`) or identifier slot `slot`.
  func entities(scheme: Int?, slot: Int) -> [EntityIndex] {
    indexes[scheme.map { 1 + $0 } ?? Self.nameIndex].entities(inSlot: slot)
  }

  /// The identifier values of `identifiers` by scheme (0 lei, 1 duns, 2 cid).
  static func identifierValues(_ identifiers: Identifiers) -> [String?] { schemes.indices.map { identifier($0, of: identifiers) } }

  /// The entities the matcher was built over (read by column, not materialised).
  var entities: EntityTable { graph.entities }

  /// Whether `entry` matches `entity` by an exact rule (as ``matches(of:)-(RiskListEntry)`` would
  /// list it), given the row's normalised names `keys`.
  ///
  /// - Complexity: O(n + a) for n row names and a names of the entity.
  public func matchesExactly(_ entry: RiskListEntry, keys: [String], _ entity: EntityIndex) -> Bool {
    let row = Self.identifierValues(entry.identifiers)
    let other = Self.identifierValues(graph.entities.identifiers(of: entity))
    for s in Self.schemes.indices {
      if let value = row[s], let theirs = other[s], value.utf8Equals(theirs) { return true }
    }
    for key in keys where !key.isEmpty {
      if let slot = nameSlot(of: key), Self.contains(indexes[Self.nameIndex].entities(inSlot: slot), entity) {
        return nameRule(shape(of: entry), entity) != nil
      }
    }
    return false
  }

  private static func contains(_ sorted: [EntityIndex], _ entity: EntityIndex) -> Bool {
    var (low, high) = (0, sorted.count)
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < entity { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == entity
  }

  /// The name rule that applies once names are equal, or `nil` when a guard forbids a match.
  private func nameRule(_ shape: Shape, _ entity: EntityIndex) -> ListMatchRule? {
    let identifiers = graph.entities.identifiers(of: entity)
    if Self.differ(shape.lei, identifiers.lei) || Self.differ(shape.duns, identifiers.duns)
      || Self.differ(shape.cid, identifiers.cid)
    {
      return nil
    }
    if let rowCountry = shape.country, let entityCountry = graph.entities.country(of: entity) {
      return rowCountry.utf8Equals(entityCountry) ? .nameCountry : nil
    }
    return .nameOnly
  }

  private static func differ(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return false }
    return !a.utf8Equals(b)
  }
}
