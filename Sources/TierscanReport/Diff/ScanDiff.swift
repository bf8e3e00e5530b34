import TierscanCore
import TierscanRisk

/// The year-over-year comparison of two scan or statement output directories (model §4 `diff`):
/// entities and relationships added or removed (when both sides have `graph.json`), exposures
/// that appeared, disappeared, rose or fell a level, coverage per tier, and smelter status changes.
public struct ScanDiff: Sendable {
  /// An entity present on one side only.
  public struct EntityChange: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
  }

  /// How an exposure changed.
  public enum ExposureChangeKind: String, Sendable, Hashable {
    case appeared, disappeared, rose, fell
  }

  /// An exposure (entity, category) that appeared, disappeared, or changed level.
  public struct ExposureChange: Sendable, Hashable {
    public var entityID: String
    public var name: String
    /// The tier on the new side, else on the old side.
    public var tier: Int?
    public var category: String
    public var change: ExposureChangeKind
    public var oldLevel: String?
    public var newLevel: String?
    public var oldScore: Double?
    public var newScore: Double?
  }

  /// Coverage of one tier on both sides (`nil` where the side has no such tier).
  public struct TierChange: Sendable, Hashable {
    public var tier: Int
    public var old: ScanSnapshot.TierRow?
    public var new: ScanSnapshot.TierRow?

    /// Whether any figure differs.
    public var isChanged: Bool { old != new }
  }

  /// A smelter whose status (or, without statement data, inherent score) changed.
  public struct SmelterChange: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Status (`conformant`, …) or `score 0.3`; `nil` when absent on that side.
    public var old: String?
    public var new: String?
  }

  /// Whether both sides had `graph.json` (otherwise the entity and relationship lists are empty).
  public var comparesGraphs: Bool
  public var entitiesAdded: [EntityChange] = []
  public var entitiesRemoved: [EntityChange] = []
  /// Entities whose id changed (identifiers, an alias or a judgement tie an old-only entity to a
  /// new-only one; ``EntityRenames``): neither added nor removed. Their old relationships and
  /// exposures are compared under the new id.
  public var entitiesRenamed: [EntityRenames.Rename] = []
  /// Entities tied to more than one entity on the other side: left added and removed.
  public var renameAmbiguities: [EntityRenames.Ambiguity] = []
  public var relationshipsAdded: [ScanSnapshot.RelationshipKey] = []
  public var relationshipsRemoved: [ScanSnapshot.RelationshipKey] = []
  /// By entity id, then category (bytes).
  public var exposures: [ExposureChange] = []
  /// Every tier of either side, ascending.
  public var coverage: [TierChange] = []
  /// `statement` when both sides recorded smelter statuses in `statement.json`; otherwise
  /// `exposures`: the smelters' own conflict-minerals score (0 hops) from `exposures.csv`.
  public var smelterBasis: String
  /// By smelter id.
  public var smelters: [SmelterChange] = []

  /// Compares `old` with `new`; `judgements` (`same` / `not_same`) may tie renumbered entities.
  ///
  /// - Complexity: O((V + E + X) log(V + E + X)) over entities, relationship keys and exposure rows.
  public init(old: ScanSnapshot, new: ScanSnapshot, judgements: [Judgement] = []) {
    comparesGraphs = old.entities != nil && new.entities != nil
    var renamed: [RawKey: String] = [:]
    if let a = old.entities, let b = new.entities {
      let oldIDs = Set(a.map { RawKey($0.id) })
      let newIDs = Set(b.map { RawKey($0.id) })
      let added = b.filter { !oldIDs.contains(RawKey($0.id)) }
      let removed = a.filter { !newIDs.contains(RawKey($0.id)) }
      let renames = EntityRenames(removed: removed, added: added, judgements: judgements)
      entitiesRenamed = renames.renames
      renameAmbiguities = renames.ambiguities
      renamed = renames.newIDs
      let renamedNew = Set(renames.renames.map { RawKey($0.newID) })
      entitiesAdded = added.filter { !renamedNew.contains(RawKey($0.id)) }.map {
        EntityChange(id: $0.id, name: $0.name, kind: $0.kind)
      }
      entitiesRemoved = removed.filter { renamed[RawKey($0.id)] == nil }.map {
        EntityChange(id: $0.id, name: $0.name, kind: $0.kind)
      }
    }
    // The old side under the new ids of renamed entities.
    func id(_ old: String) -> String { renamed[RawKey(old)] ?? old }
    var old = old
    if !renamed.isEmpty {
      old.relationships = old.relationships?.map { key in
        var key = key
        (key.from, key.to) = (id(key.from), id(key.to))
        return key
      }
      old.exposures = old.exposures.map { row in
        var row = row
        (row.entityID, row.sourceID) = (id(row.entityID), id(row.sourceID))
        return row
      }
      old.smelters = old.smelters?.map { row in
        var row = row
        row.id = id(row.id)
        return row
      }
    }
    if let a = old.relationships, let b = new.relationships {
      let oldKeys = Set(a.map(Self.rawKey))
      let newKeys = Set(b.map(Self.rawKey))
      relationshipsAdded = b.filter { !oldKeys.contains(Self.rawKey($0)) }
      relationshipsRemoved = a.filter { !newKeys.contains(Self.rawKey($0)) }
    }
    exposures = Self.exposureChanges(old: old.exposures, new: new.exposures)
    let tierNumbers = Set(old.tiers.map(\.tier) + new.tiers.map(\.tier)).sorted()
    coverage = tierNumbers.map { t in
      TierChange(tier: t, old: old.tiers.first { $0.tier == t }, new: new.tiers.first { $0.tier == t })
    }
    if let a = old.smelters, let b = new.smelters {
      smelterBasis = "statement"
      smelters = Self.changes(old: a.map { ($0.id, $0.name, $0.status) }, new: b.map { ($0.id, $0.name, $0.status) })
    } else {
      smelterBasis = "exposures"
      smelters = Self.changes(old: Self.smelterScores(old.exposures), new: Self.smelterScores(new.exposures))
    }
  }

  private static func rawKey(_ key: ScanSnapshot.RelationshipKey) -> [RawKey] {
    [RawKey(key.from), RawKey(key.to), RawKey(key.type), RawKey(key.commodity)]
  }

  private static func exposureKey(_ row: ScanSnapshot.ExposureRow) -> [RawKey] {
    [RawKey(row.entityID), RawKey(row.category)]
  }

  private static func rank(_ level: String) -> Int {
    RiskLevel(rawValue: level).map { RiskLevel.allCases.firstIndex(of: $0) ?? 0 } ?? -1
  }

  private static func exposureChanges(
    old: [ScanSnapshot.ExposureRow], new: [ScanSnapshot.ExposureRow]
  ) -> [ExposureChange] {
    var oldByKey: [[RawKey]: ScanSnapshot.ExposureRow] = [:]
    for row in old { oldByKey[exposureKey(row)] = row }
    var newByKey: [[RawKey]: ScanSnapshot.ExposureRow] = [:]
    for row in new { newByKey[exposureKey(row)] = row }
    var result: [ExposureChange] = []
    for row in new {
      guard let before = oldByKey[exposureKey(row)] else {
        result.append(change(row, .appeared, old: nil, new: row))
        continue
      }
      let delta = rank(row.level) - rank(before.level)
      if delta > 0 { result.append(change(row, .rose, old: before, new: row)) }
      if delta < 0 { result.append(change(row, .fell, old: before, new: row)) }
    }
    for row in old where newByKey[exposureKey(row)] == nil { result.append(change(row, .disappeared, old: row, new: nil)) }
    return result.sorted { a, b in
      if !a.entityID.utf8Equals(b.entityID) { return a.entityID.utf8Precedes(b.entityID) }
      return a.category.utf8Precedes(b.category)
    }
  }

  private static func change(
    _ row: ScanSnapshot.ExposureRow, _ kind: ExposureChangeKind, old: ScanSnapshot.ExposureRow?,
    new: ScanSnapshot.ExposureRow?
  ) -> ExposureChange {
    ExposureChange(
      entityID: row.entityID, name: row.name, tier: new?.tier ?? old?.tier, category: row.category, change: kind,
      oldLevel: old?.level, newLevel: new?.level, oldScore: old?.score, newScore: new?.score)
  }

  /// `(id, name, "score X")` for each smelter's own conflict-minerals row (0 hops).
  private static func smelterScores(_ rows: [ScanSnapshot.ExposureRow]) -> [(String, String, String)] {
    rows.filter { $0.kind == "smelter" && $0.category == "conflict_minerals" && $0.hops == 0 }
      .map { ($0.entityID, $0.name, "score \($0.score.description)") }
  }

  private static func changes(old: [(String, String, String)], new: [(String, String, String)]) -> [SmelterChange] {
    var oldByID: [RawKey: (String, String, String)] = [:]
    for item in old { oldByID[RawKey(item.0)] = item }
    var newByID: [RawKey: (String, String, String)] = [:]
    for item in new { newByID[RawKey(item.0)] = item }
    var ids = Set(oldByID.keys)
    ids.formUnion(newByID.keys)
    var result: [SmelterChange] = []
    for id in ids.map(\.string).sorted(by: { $0.utf8Precedes($1) }) {
      let a = oldByID[RawKey(id)]
      let b = newByID[RawKey(id)]
      if let a, let b, a.2.utf8Equals(b.2) { continue }
      result.append(SmelterChange(id: id, name: b?.1 ?? a?.1 ?? id, old: a?.2, new: b?.2))
    }
    return result
  }
}
