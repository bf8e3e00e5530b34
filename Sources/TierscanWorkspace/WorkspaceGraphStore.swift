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
    let lookup = try BulkStatement(
      db, sql: "SELECT wid FROM entity_keys WHERE scheme = ? AND value = ? ORDER BY first_import DESC, wid DESC LIMIT 1")
    let create = try BulkStatement(db, sql: "INSERT INTO workspace_entities (first_period, first_import) VALUES (?, ?)")
    let addKey = try BulkStatement(
      db, sql: "INSERT OR IGNORE INTO entity_keys (scheme, value, wid, first_import) VALUES (?, ?, ?, ?)")
    let entities = graph.entities
    var wids = [Int64](repeating: 0, count: entities.count)
    var taken = Set<Int64>()
    // Identifier matches first, so an id reused by a renumbered export cannot take an id that
    // an identifier claims.
    for index in entities.indices where !entities.identifiers(of: index).isEmpty {
      for (scheme, value) in entities.identifiers(of: index).schemes where Self.matchingSchemes.contains(scheme) {
        let found = try lookup.firstInt64 { bind in
          bind.text(scheme)
          bind.text(value)
        }
        if let wid = found, !taken.contains(wid) {
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
    for index in entities.indices where wids[index] == 0 {
      try create.execute { bind in
        bind.text(period)
        bind.int(importID)
      }
      wids[index] = db.lastInsertedRowID
      taken.insert(wids[index])
      newEntities += 1
    }
    func add(_ scheme: String, _ value: String, _ wid: Int64) throws {
      try addKey.execute { bind in
        bind.text(scheme)
        bind.text(value)
        bind.int(wid)
        bind.int(importID)
      }
    }
    for index in entities.indices {
      let wid = wids[index]
      try add("id", entities.id(of: index), wid)
      for alias in entities.aliases(of: index) { try add("alias", alias, wid) }
      if !entities.identifiers(of: index).isEmpty {
        for (scheme, value) in entities.identifiers(of: index).schemes { try add(scheme, value, wid) }
      }
    }
    return (wids, matches)
  }

  /// Gives each unassigned entity the workspace id of the earlier entity with its input id,
  /// unless their LEI / DUNS / CID disagree. An id first given in this import's period (by an
  /// earlier import of it) is *provisional*: it is reused only after judgements and entity
  /// resolution found nothing better (`provisional: true`), so re-importing a period gives the
  /// ids a first import would.
  private func matchByID(_ graph: SupplyGraph, wids: inout [Int64], taken: inout Set<Int64>, provisional: Bool) throws {
    let lookup = try BulkStatement(
      db,
      sql: """
        SELECT wid FROM entity_keys WHERE scheme = 'id' AND value = ? ORDER BY first_import DESC, wid DESC LIMIT 1
        """)
    let firstPeriodOf = try db.makeStatement(sql: "SELECT first_period FROM workspace_entities WHERE wid = ?")
    let keysOf = try db.makeStatement(sql: "SELECT scheme, value FROM entity_keys WHERE wid = ?")
    let entities = graph.entities
    for index in entities.indices where wids[index] == 0 {
      guard let wid = try lookup.firstInt64({ $0.text(entities.id(of: index)) }), !taken.contains(wid) else { continue }
      let firstPeriod = try String.fetchOne(firstPeriodOf, arguments: [wid])
      guard (firstPeriod == period) == provisional else { continue }
      var known: [String: Set<String>] = [:]
      for row in try Row.fetchAll(keysOf, arguments: [wid]) {
        known[row["scheme"], default: []].insert(row["value"])
      }
      let disagrees = entities.identifiers(of: index).schemes.contains { scheme, value in
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
    let entity = try BulkStatement(
      db,
      sql: """
        INSERT INTO entities (import_id, idx, wid, id, name, kind, country, sector, placeholder, address)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let identifier = try BulkStatement(
      db, sql: "INSERT INTO identifiers (import_id, idx, scheme, value) VALUES (?, ?, ?, ?)")
    let source = try BulkStatement(
      db,
      sql: "INSERT INTO entity_sources (import_id, idx, position, file_id, line, sheet, cell) VALUES (?, ?, ?, ?, ?, ?, ?)")
    let entities = graph.entities
    for index in entities.indices {
      try entity.execute { bind in
        bind.int(importID)
        bind.int(index)
        bind.int(wids[index])
        bind.text(entities.id(of: index))
        bind.text(entities.name(of: index))
        bind.text(entities.kind(of: index).rawValue)
        bind.text(entities.country(of: index))
        bind.text(entities.sector(of: index))
        bind.bool(entities.isPlaceholder(of: index))
        bind.text(MatchRecord.address(in: entities.attributes(of: index)))
      }
      if !entities.identifiers(of: index).isEmpty {
        for (scheme, id) in entities.identifiers(of: index).schemes {
          try identifier.execute { bind in
            bind.int(importID)
            bind.int(index)
            bind.text(scheme)
            bind.text(id)
          }
        }
      }
      for (position, place) in entities.sources(of: index).enumerated() {
        let file = try paths.id(of: place.file)
        try source.execute { bind in
          bind.int(importID)
          bind.int(index)
          bind.int(position)
          bind.int(file)
          bind.int(place.line)
          bind.text(place.sheet)
          bind.text(place.cell)
        }
      }
    }
    let relationship = try BulkStatement(
      db,
      sql: """
        INSERT INTO relationships (import_id, seq, from_idx, to_idx, type, commodity, share, basis, file_id, line, sheet, cell)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let table = graph.relationships
    for r in table.indices {
      let place = table.provenance(r)
      let file = try paths.id(of: place.file)
      try relationship.execute { bind in
        bind.int(importID)
        bind.int(r)
        bind.int(Int(table.from[r]))
        bind.int(Int(table.to[r]))
        bind.text(table.type[r].rawValue)
        bind.text(table.commodity(r))
        bind.double(table.share(r))
        bind.text(table.basis[r].rawValue)
        bind.int(file)
        bind.int(place.line)
        bind.text(place.sheet)
        bind.text(place.cell)
      }
    }
  }

  /// Stores the analysis's exposures (one row per entity and category with a score).
  func store(_ analysis: RiskAnalysis, wids: [Int64]) throws {
    let statement = try BulkStatement(
      db,
      sql: """
        INSERT INTO exposures (import_id, idx, category, wid, tier, score, level, hops)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for exposure in analysis.exposures {
      let index = Int(exposure.entity)
      try statement.execute { bind in
        bind.int(importID)
        bind.int(index)
        bind.text(exposure.category)
        bind.int(wids[index])
        bind.int(analysis.tiers[index])
        bind.double(exposure.score)
        bind.text(exposure.level.rawValue)
        bind.int(exposure.hops)
      }
    }
  }
}
