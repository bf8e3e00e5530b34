import GRDB
import TierscanCore
import TierscanRisk

/// Writes one import's merged graph into the queryable tables and gives every entity its
/// workspace id.
///
/// Workspace ids are stable across periods: an entity keeps the id of the earlier entity that
/// shares its LEI, DUNS or CID (the identifiers the graph merges by); an entity matching none
/// keeps the id of the earlier entity with the same input id unless their identifiers
/// disagree (a renumbered export reusing an id for another supplier). Every id, alias and
/// identifier ever seen is kept in `entity_keys`, so it resolves later.
struct WorkspaceGraphStore {
  let db: Database
  let importID: Int64
  let period: String
  /// Entities that got a new workspace id.
  private(set) var newEntities = 0

  private static let matchingSchemes: Set<String> = ["lei", "duns", "cid"]

  init(db: Database, importID: Int64, period: String) throws {
    self.db = db
    self.importID = importID
    self.period = period
  }

  /// The workspace id of each entity, by entity index.
  mutating func assignWorkspaceIDs(_ graph: SupplyGraph) throws -> [Int64] {
    let lookup = try db.makeStatement(
      sql: "SELECT wid FROM entity_keys WHERE scheme = ? AND value = ? ORDER BY first_import DESC, wid DESC LIMIT 1")
    let keysOf = try db.makeStatement(sql: "SELECT scheme, value FROM entity_keys WHERE wid = ?")
    let create = try db.makeStatement(sql: "INSERT INTO workspace_entities (first_period, first_import) VALUES (?, ?)")
    let addKey = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO entity_keys (scheme, value, wid, first_import) VALUES (?, ?, ?, ?)")
    var wids = [Int64](repeating: 0, count: graph.entityCount)
    var taken = Set<Int64>()
    // Identifier matches first, so an id reused by a renumbered export cannot take an id that
    // an identifier claims.
    for index in graph.entities.indices {
      for (scheme, value) in graph.entities[index].identifiers.schemes where Self.matchingSchemes.contains(scheme) {
        if let wid = try Int64.fetchOne(lookup, arguments: [scheme, value]), !taken.contains(wid) {
          wids[index] = wid
          taken.insert(wid)
          break
        }
      }
    }
    for index in graph.entities.indices where wids[index] == 0 {
      let entity = graph.entities[index]
      if let wid = try Int64.fetchOne(lookup, arguments: ["id", entity.id]), !taken.contains(wid) {
        var known: [String: Set<String>] = [:]
        for row in try Row.fetchAll(keysOf, arguments: [wid]) {
          known[row["scheme"], default: []].insert(row["value"])
        }
        let disagrees = entity.identifiers.schemes.contains { scheme, value in
          Self.matchingSchemes.contains(scheme) && known[scheme].map { !$0.contains(value) } ?? false
        }
        if !disagrees {
          wids[index] = wid
          taken.insert(wid)
          continue
        }
      }
      try create.execute(arguments: [period, importID])
      wids[index] = db.lastInsertedRowID
      taken.insert(wids[index])
      newEntities += 1
    }
    for (index, entity) in graph.entities.enumerated() {
      let wid = wids[index]
      try addKey.execute(arguments: ["id", entity.id, wid, importID])
      for alias in entity.aliases { try addKey.execute(arguments: ["alias", alias, wid, importID]) }
      for (scheme, value) in entity.identifiers.schemes { try addKey.execute(arguments: [scheme, value, wid, importID]) }
    }
    return wids
  }

  /// Stores entities, identifiers, entity provenance and relationships.
  func store(_ graph: SupplyGraph, wids: [Int64]) throws {
    let entity = try db.makeStatement(
      sql: """
        INSERT INTO entities (import_id, idx, wid, id, name, kind, country, sector, placeholder)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let identifier = try db.makeStatement(
      sql: "INSERT INTO identifiers (import_id, idx, scheme, value) VALUES (?, ?, ?, ?)")
    let source = try db.makeStatement(
      sql: "INSERT INTO entity_sources (import_id, idx, position, file, line, sheet, cell) VALUES (?, ?, ?, ?, ?, ?, ?)")
    for (index, value) in graph.entities.enumerated() {
      try entity.execute(arguments: [
        importID, index, wids[index], value.id, value.name, value.kind.rawValue, value.country, value.sector,
        value.isPlaceholder,
      ])
      for (scheme, id) in value.identifiers.schemes { try identifier.execute(arguments: [importID, index, scheme, id]) }
      for (position, place) in value.sources.enumerated() {
        try source.execute(arguments: [importID, index, position, place.file, place.line, place.sheet, place.cell])
      }
    }
    let relationship = try db.makeStatement(
      sql: """
        INSERT INTO relationships (import_id, seq, from_idx, to_idx, type, commodity, share, basis, file, line, sheet, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let table = graph.relationships
    for r in table.indices {
      let place = table.provenance(r)
      try relationship.execute(arguments: [
        importID, r, Int(table.from[r]), Int(table.to[r]), table.type[r].rawValue, table.commodity(r), table.share(r),
        table.basis[r].rawValue, place.file, place.line, place.sheet, place.cell,
      ])
    }
  }

  /// Stores the analysis's exposures (one row per entity and category with a score).
  func store(_ analysis: RiskAnalysis, wids: [Int64]) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT INTO exposures (import_id, idx, category, wid, tier, score, level, hops)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for exposure in analysis.exposures {
      let index = Int(exposure.entity)
      try statement.execute(arguments: [
        importID, index, exposure.category, wids[index], analysis.tiers[index], exposure.score,
        exposure.level.rawValue, exposure.hops,
      ])
    }
  }
}
