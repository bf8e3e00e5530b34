import GRDB
import TierscanCore
import TierscanMatch
import TierscanRisk

/// Writes one import's merged graph into the queryable tables and gives every entity its
/// workspace id.
///
/// Workspace ids are stable across periods: an entity keeps the id of the earlier entity that
/// shares its LEI, DUNS or CID (the identifiers the graph merges by); an entity matching none
/// keeps the id of the earlier entity with the same input id unless their identifiers
/// disagree (a renumbered export reusing an id for another supplier); the rest go through
/// ``WorkspaceIDResolver`` (`same` judgements, then entity resolution against the previous
/// period). Every id, alias and identifier ever seen is kept in `entity_keys`, so it resolves later.
struct WorkspaceGraphStore {
  let db: Database
  let importID: Int64
  let period: String
  /// Entities that got a new workspace id.
  private(set) var newEntities = 0

  private static let matchingSchemes: Set<String> = ["lei", "duns", "cid"]

  /// Provenance paths, stored once.
  var paths: PathTable

  init(db: Database, importID: Int64, period: String, paths: PathTable) throws {
    self.db = db
    self.importID = importID
    self.period = period
    self.paths = paths
  }

  /// The workspace id of each entity, by entity index, and the judgement and resolution pairs
  /// that kept one or went to review (``WorkspaceIDResolver``).
  mutating func assignWorkspaceIDs(_ graph: SupplyGraph, judgements: [StoredJudgement], matching: MatchConfig) throws
    -> (wids: [Int64], matches: [WorkspaceIDResolver.Match])
  {
    let lookup = try db.makeStatement(
      sql: "SELECT wid FROM entity_keys WHERE scheme = ? AND value = ? ORDER BY first_import DESC, wid DESC LIMIT 1")
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
    let resolver = WorkspaceIDResolver(
      db: db, importID: importID, period: period, judgements: judgements, matching: matching)
    var matches = try resolver.resolveByJudgement(graph, wids: &wids, taken: &taken)
    try matchByID(graph, wids: &wids, taken: &taken, provisional: false)
    matches += try resolver.resolveByEngine(graph, wids: &wids, taken: &taken)
    try matchByID(graph, wids: &wids, taken: &taken, provisional: true)
    for index in graph.entities.indices where wids[index] == 0 {
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
    return (wids, matches)
  }

  /// Gives each unassigned entity the workspace id of the earlier entity with its input id,
  /// unless their LEI / DUNS / CID disagree. An id first given in this import's period (by an
  /// earlier import of it) is *provisional*: it is reused only after judgements and entity
  /// resolution found nothing better (`provisional: true`), so re-importing a period gives the
  /// ids a first import would.
  private func matchByID(_ graph: SupplyGraph, wids: inout [Int64], taken: inout Set<Int64>, provisional: Bool) throws {
    let lookup = try db.makeStatement(
      sql: """
        SELECT k.wid, w.first_period FROM entity_keys k JOIN workspace_entities w ON w.wid = k.wid
        WHERE k.scheme = 'id' AND k.value = ? ORDER BY k.first_import DESC, k.wid DESC LIMIT 1
        """)
    let keysOf = try db.makeStatement(sql: "SELECT scheme, value FROM entity_keys WHERE wid = ?")
    for index in graph.entities.indices where wids[index] == 0 {
      let entity = graph.entities[index]
      guard let row = try Row.fetchOne(lookup, arguments: [entity.id]) else { continue }
      let wid: Int64 = row["wid"]
      let firstPeriod: String = row["first_period"]
      guard !taken.contains(wid), (firstPeriod == period) == provisional else { continue }
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
      }
    }
  }

  /// Stores the judgement and resolution pairs (after the entities they refer to).
  func store(_ matches: [WorkspaceIDResolver.Match]) throws {
    let statement = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO resolution_matches (import_id, idx, candidate_wid, method, decision, similarity, detail, applied)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for match in matches {
      try statement.execute(arguments: [
        importID, match.index, match.candidate, match.method, match.decision.rawValue, match.similarity, match.detail,
        match.applied,
      ])
    }
  }

  /// Stores entities, identifiers, entity provenance and relationships.
  mutating func store(_ graph: SupplyGraph, wids: [Int64]) throws {
    let entity = try db.makeStatement(
      sql: """
        INSERT INTO entities (import_id, idx, wid, id, name, kind, country, sector, placeholder, address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let identifier = try db.makeStatement(
      sql: "INSERT INTO identifiers (import_id, idx, scheme, value) VALUES (?, ?, ?, ?)")
    let source = try db.makeStatement(
      sql: "INSERT INTO entity_sources (import_id, idx, position, file_id, line, sheet, cell) VALUES (?, ?, ?, ?, ?, ?, ?)")
    for (index, value) in graph.entities.enumerated() {
      try entity.execute(arguments: [
        importID, index, wids[index], value.id, value.name, value.kind.rawValue, value.country, value.sector,
        value.isPlaceholder, MatchRecord.address(in: value.attributes),
      ])
      for (scheme, id) in value.identifiers.schemes { try identifier.execute(arguments: [importID, index, scheme, id]) }
      for (position, place) in value.sources.enumerated() {
        try source.execute(arguments: [importID, index, position, try paths.id(of: place.file), place.line, place.sheet, place.cell])
      }
    }
    let relationship = try db.makeStatement(
      sql: """
        INSERT INTO relationships (import_id, seq, from_idx, to_idx, type, commodity, share, basis, file_id, line, sheet, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let table = graph.relationships
    for r in table.indices {
      let place = table.provenance(r)
      try relationship.execute(arguments: [
        importID, r, Int(table.from[r]), Int(table.to[r]), table.type[r].rawValue, table.commodity(r), table.share(r),
        table.basis[r].rawValue, try paths.id(of: place.file), place.line, place.sheet, place.cell,
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
