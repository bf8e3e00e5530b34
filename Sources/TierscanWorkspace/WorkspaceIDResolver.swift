import GRDB
import TierscanCore
import TierscanMatch

/// Two passes of workspace-id assignment (docs/workspace.md, "Workspace ids"):
///
/// - **judgements** (after identifiers, before ids) — a `same` judgement in force for the period
///   between one of the entity's ids or aliases and an id or alias of an earlier workspace
///   entity keeps that entity's id;
/// - **entity resolution** (after ids) — an entity still without an earlier id is compared,
///   through ``BlockingIndex`` and ``PairScorer`` with the import's `matching` configuration,
///   with the previous period's members that no entity of this import has claimed. A `same`
///   decision keeps the member's workspace id (best similarity first, each id once); `possible`
///   pairs, and `same` pairs that lost to a better one, are recorded for review and the entity
///   gets a new id. A `not_same` judgement in force between the two vetoes the pair.
///
/// Every pair used or sent to review is a ``Match`` stored in `resolution_matches`.
struct WorkspaceIDResolver {
  /// One judgement or resolution pair.
  struct Match {
    var index: Int
    var candidate: Int64
    var method: String
    var decision: MatchDecision
    var similarity: Double?
    var detail: String
    var applied: Bool
  }

  let db: Database
  let importID: Int64
  let period: String
  let judgements: [StoredJudgement]
  let matching: MatchConfig

  /// Pass "judgements": fills `wids[i]` (0 = unassigned) for entities a `same` judgement ties to
  /// an earlier workspace entity; returns the pairs used.
  func resolveByJudgement(_ graph: SupplyGraph, wids: inout [Int64], taken: inout Set<Int64>) throws -> [Match] {
    let open = graph.entities.indices.filter { wids[$0] == 0 && !graph.entities.isPlaceholder(of: $0) }
    if open.isEmpty || judgements.isEmpty { return [] }
    var matches: [Match] = []
    let keyOwner = try db.makeStatement(
      sql: """
        SELECT wid FROM entity_keys WHERE value = ? AND scheme IN ('id', 'alias')
        ORDER BY first_import DESC, wid DESC LIMIT 1
        """)
    var sameBySide: [String: [StoredJudgement]] = [:]
    for stored in entityJudgements where stored.judgement.decision == .same {
      sameBySide[stored.judgement.left, default: []].append(stored)
      sameBySide[stored.judgement.right, default: []].append(stored)
    }
    for index in open {
      let entity = graph.entities[index]
      let names = [entity.id] + entity.aliases
      judged: for name in names {
        for stored in sameBySide[name] ?? [] {
          let other = stored.judgement.left == name ? stored.judgement.right : stored.judgement.left
          if names.contains(other) { continue }
          guard let wid = try Int64.fetchOne(keyOwner, arguments: [other]), !taken.contains(wid) else { continue }
          wids[index] = wid
          taken.insert(wid)
          matches.append(
            Match(index: index, candidate: wid, method: "judgement", decision: .same, similarity: nil,
              detail: "J\(stored.number)", applied: true))
          break judged
        }
      }
    }

    return matches
  }

  /// Pass "entity resolution": fills `wids[i]` for `same` pairs with the previous period's
  /// unclaimed members; returns the pairs used and those sent to review.
  ///
  /// - Complexity: O(u × maxCandidates) scorings for u unassigned entities, plus building the
  ///   blocking index over the previous period's unclaimed members; nothing when u = 0.
  func resolveByEngine(_ graph: SupplyGraph, wids: inout [Int64], taken: inout Set<Int64>) throws -> [Match] {
    let remaining = graph.entities.indices.filter { wids[$0] == 0 && !graph.entities.isPlaceholder(of: $0) }
    if remaining.isEmpty { return [] }
    let notSame = Set(entityJudgements.filter { $0.judgement.decision == .notSame }.map(\.pair))
    let candidates = try previousMembers().filter { !taken.contains($0.wid) }
    if candidates.isEmpty { return [] }
    let prepared = candidates.map { PreparedRecord($0.record) }
    let blocking = BlockingIndex(records: prepared, config: matching)
    let scorer = PairScorer(config: matching)
    var pairs: [Match] = []
    var scratch = blocking.makeScratch()
    for index in remaining {
      let entity = graph.entities[index]
      let query = PreparedRecord(MatchRecord(entity: entity))
      let keys = [entity.id] + entity.aliases
      for c in blocking.candidates(of: query, scratch: &scratch) {
        let candidate = candidates[c]
        if keys.contains(where: { key in candidate.keys.contains { notSame.contains(JudgementPair(key, $0)) } }) { continue }
        let (decision, features) = scorer.score(query, prepared[c])
        guard decision != .distinct else { continue }
        pairs.append(
          Match(index: index, candidate: candidate.wid, method: "resolution", decision: decision,
            similarity: MatchFeatures.rounded(features.similarity),
            detail: JSONWriter.string(features.json, pretty: false), applied: false))
      }
    }
    let order = pairs.indices.sorted { a, b in
      let (x, y) = (pairs[a], pairs[b])
      if x.decision != y.decision { return x.decision == .same }
      if x.similarity != y.similarity { return (x.similarity ?? 0) > (y.similarity ?? 0) }
      return x.index != y.index ? x.index < y.index : x.candidate < y.candidate
    }
    for i in order where pairs[i].decision == .same {
      let index = pairs[i].index
      guard wids[index] == 0, !taken.contains(pairs[i].candidate) else { continue }
      wids[index] = pairs[i].candidate
      taken.insert(pairs[i].candidate)
      pairs[i].applied = true
    }
    // Review items for the entities left without an earlier id.
    return pairs.filter { $0.applied || wids[$0.index] == 0 }
  }

  /// Judgements between two entities (not risk-list rows).
  private var entityJudgements: [StoredJudgement] {
    judgements.filter { !Judgement.isRiskListKey($0.judgement.left) && !Judgement.isRiskListKey($0.judgement.right) }
  }

  /// The previous period's members (by label order) as match records, from their newest stored
  /// entity row before this import, placeholders left out.
  private func previousMembers() throws -> [(wid: Int64, record: MatchRecord, keys: [String])] {
    guard let previous = try Workspace.periods(db).last(where: { $0.utf8Precedes(period) }) else { return [] }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT p.wid, e.import_id, e.idx, e.id, e.name, e.country, e.address FROM period_entities p
        JOIN entities e ON e.wid = p.wid AND e.import_id = (
          SELECT max(x.import_id) FROM entities x WHERE x.wid = p.wid AND x.import_id < ?)
        WHERE p.period = ? AND e.placeholder = 0
        ORDER BY p.wid
        """, arguments: [importID, previous])
    let identifiers = try db.makeStatement(sql: "SELECT scheme, value FROM identifiers WHERE import_id = ? AND idx = ?")
    let aliases = try db.makeStatement(sql: "SELECT value FROM entity_keys WHERE wid = ? AND scheme = 'alias' ORDER BY value")
    return try rows.map { row in
      let wid: Int64 = row["wid"]
      var schemes = Identifiers()
      for pair in try Row.fetchAll(identifiers, arguments: [row["import_id"] as Int64, row["idx"] as Int64]) {
        let value: String = pair["value"]
        switch pair["scheme"] as String {
        case "lei": schemes.lei = value
        case "duns": schemes.duns = value
        case "vat": schemes.vat = value
        case "cid": schemes.cid = value
        default: break
        }
      }
      let names = try String.fetchAll(aliases, arguments: [wid])
      let id: String = row["id"]
      let record = MatchRecord(
        key: id, name: row["name"], aliases: names, country: row["country"], address: row["address"], identifiers: schemes)
      return (wid, record, [id] + names)
    }
  }
}
