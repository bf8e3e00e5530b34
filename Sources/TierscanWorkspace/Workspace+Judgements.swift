import Foundation
import GRDB
import TierscanCore
import TierscanIngest

extension Workspace {
  /// Records one reviewer judgement (`tierscan workspace judge`).
  ///
  /// An entity side must be an id or alias the workspace has seen in some period (a typo is
  /// refused, not stored); a side naming nothing in the period's newest import is recorded but
  /// listed in ``WorkspaceJudgementResult/staleSides``. The same decision already in force for
  /// the pair (same reviewer, date and reason) is not recorded twice.
  ///
  /// - Throws: ``WorkspaceError/invalidArgument(_:)`` for a bad side, decision, date or reviewer;
  ///   ``WorkspaceError/unknownPeriod(_:known:)``.
  public func recordJudgement(_ request: WorkspaceJudgementRequest) throws(WorkspaceError) -> WorkspaceJudgementResult {
    guard
      let decision = Judgement.Decision(
        rawValue: request.decision.lowercased().replacingOccurrences(of: "-", with: "_"))
    else {
      throw .invalidArgument("decision '\(request.decision)' is not same, not_same or unsure")
    }
    for (what, text) in [("left", request.left), ("right", request.right), ("--reviewer", request.reviewer)] {
      try Self.checkLabel(text.trimmingCharacters(in: .whitespaces), what: what, strict: false)
      if text != text.trimmingCharacters(in: .whitespaces) {
        throw .invalidArgument("\(what) '\(text)' has leading or trailing spaces")
      }
    }
    if let reason = request.reason { try Self.checkLabel(reason, what: "--reason", strict: false) }
    if request.left == request.right { throw .invalidArgument("left and right both name '\(request.left)'") }
    guard ISODate(request.decidedOn) != nil else {
      throw .invalidArgument("--decided-on '\(request.decidedOn)' is not an ISO date (YYYY-MM-DD)")
    }
    return try write { db in
      let period = try Self.judgementPeriod(db, request.period)
      for side in [request.left, request.right] where !Judgement.isRiskListKey(side) {
        let known = try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM entity_keys WHERE value = ? AND scheme IN ('id', 'alias'))",
          arguments: [side]) ?? false
        if !known {
          throw WorkspaceError.invalidArgument(
            "\(side): no entity id or alias with this text in any period of the workspace; nothing recorded"
              + " (a risk-list row is written list:<list>|<name>)")
        }
      }
      let judgement = Judgement(
        left: request.left, right: request.right, decision: decision, reviewer: request.reviewer,
        decidedOn: request.decidedOn, reason: request.reason, provenance: Provenance(file: "judge"))
      var result = WorkspaceJudgementResult(recorded: [], alreadyRecorded: [], staleSides: [], findings: [], period: period)
      try Self.record([(judgement, "judge")], period: period, into: &result, db: db, workspace: path)
      return result
    }
  }

  /// Records the judgements of a judgements file (`tierscan workspace judgements import`), in
  /// file order, as one transaction.
  ///
  /// The file is read by the ordinary judgements reader; when it reports an error (an invalid
  /// decision, a self-judgement, a missing field, an unreadable file) nothing is recorded and
  /// the findings say why. A judgement whose decision is already in force for its pair is
  /// skipped (importing a file twice records it once).
  public func importJudgements(file: String, period: String?, options: IngestOptions = IngestOptions())
    throws(WorkspaceError) -> WorkspaceJudgementResult
  {
    guard FileManager.default.fileExists(atPath: file) else { throw .missingInput(path: file) }
    let set = InputSet(arguments: [file])
    let ingested = Ingestor(options: options).read(files: set.files, expansionFindings: set.findings.findings)
    let findings = ingested.findings.findings
    guard let summary = ingested.files.first, ingested.files.count == 1 else {
      throw .invalidArgument("\(file): give one judgements file (a CSV with left, right and decision columns)")
    }
    guard summary.kind == .judgements || findings.contains(where: { $0.severity == .error }) else {
      throw .invalidArgument(
        "\(file): not a judgements file (read as \(summary.kind.rawValue)); it needs left, right and decision columns")
    }
    return try write { db in
      let period = try Self.judgementPeriod(db, period)
      var result = WorkspaceJudgementResult(recorded: [], alreadyRecorded: [], staleSides: [], findings: findings, period: period)
      if findings.contains(where: { $0.severity == .error }) { return result }
      try Self.record(
        ingested.judgements.map { ($0, $0.provenance.description) }, period: period, into: &result, db: db, workspace: path)
      return result
    }
  }

  /// The judgements in force for `period` (default: the newest period) as a judgements file
  /// (`tierscan workspace judgements export`): importing it into an empty workspace and exporting
  /// again gives the same bytes.
  public func exportJudgements(period: String?) throws(WorkspaceError) -> (period: String, count: Int, bytes: [UInt8]) {
    try read { db in
      let period = try Self.judgementPeriod(db, period)
      let judgements = try Self.judgementsInForce(db, period: period, workspace: path)
      return (period, judgements.count, JudgementFileWriter.bytes(judgements.map(\.judgement)))
    }
  }

  /// Every judgement recorded, in number order (replaced ones included).
  public func judgements() throws(WorkspaceError) -> [StoredJudgement] {
    try read { db in try Self.allJudgements(db, workspace: path) }
  }

  /// The judgements in force for `period`: recorded for it or an earlier period, the newest per
  /// pair, in number order.
  static func judgementsInForce(_ db: Database, period: String, workspace: String) throws -> [StoredJudgement] {
    let applicable = try allJudgements(db, workspace: workspace).filter { !period.utf8Precedes($0.period) }
    var newest: [JudgementPair: Int64] = [:]
    for stored in applicable { newest[stored.pair] = stored.number }
    return applicable.filter { newest[$0.pair] == $0.number }
  }

  static func allJudgements(_ db: Database, workspace: String) throws -> [StoredJudgement] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT id, period, left_key, right_key, decision, reviewer, decided_on, reason, attributes, origin
        FROM judgements ORDER BY id
        """
    ).map { row in
      let number: Int64 = row["id"]
      let judgement = Judgement(
        left: row["left_key"], right: row["right_key"],
        decision: Judgement.Decision(rawValue: row["decision"]) ?? .unsure, reviewer: row["reviewer"],
        decidedOn: row["decided_on"], reason: row["reason"],
        provenance: StoredJudgement.provenance(workspace: workspace, number: number),
        attributes: decodeAttributes(row["attributes"]))
      return StoredJudgement(number: number, period: row["period"], judgement: judgement, origin: row["origin"])
    }
  }

  /// Inserts `judgements` in order, skipping each whose decision is already in force.
  private static func record(
    _ judgements: [(Judgement, origin: String)], period: String, into result: inout WorkspaceJudgementResult,
    db: Database, workspace: String
  ) throws {
    var inForce: [JudgementPair: StoredJudgement] = [:]
    for stored in try judgementsInForce(db, period: period, workspace: workspace) { inForce[stored.pair] = stored }
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO judgements (period, left_key, right_key, decision, reviewer, decided_on, reason, attributes, origin)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let present = try db.makeStatement(
      sql: """
        SELECT EXISTS (SELECT 1 FROM entities e JOIN entity_keys k ON k.wid = e.wid AND k.scheme IN ('id', 'alias')
        WHERE e.import_id = ? AND k.value = ?)
        """)
    let latest = try latestImport(db, period: period)
    for (judgement, origin) in judgements {
      let pair = JudgementPair(judgement.left, judgement.right)
      if let earlier = inForce[pair], earlier.period == period, sameDecision(earlier.judgement, judgement) {
        result.alreadyRecorded.append(earlier)
        continue
      }
      try insert.execute(arguments: [
        period, judgement.left, judgement.right, judgement.decision.rawValue, judgement.reviewer, judgement.decidedOn,
        judgement.reason, encodeAttributes(judgement.attributes), origin,
      ])
      var stored = StoredJudgement(
        number: db.lastInsertedRowID, period: period, judgement: judgement, origin: origin)
      stored.judgement.provenance = StoredJudgement.provenance(workspace: workspace, number: stored.number)
      inForce[pair] = stored
      result.recorded.append(stored)
      for side in [judgement.left, judgement.right] where !Judgement.isRiskListKey(side) {
        let here = try latest.map { try Bool.fetchOne(present, arguments: [$0, side]) ?? false } ?? false
        if !here && !result.staleSides.contains(side) { result.staleSides.append(side) }
      }
    }
  }

  /// `period`, or the newest period; it must have an import.
  private static func judgementPeriod(_ db: Database, _ period: String?) throws -> String {
    let known = try periods(db)
    guard let period = period ?? known.last else {
      throw WorkspaceError.invalidArgument("the workspace has no period yet: import one before recording judgements")
    }
    try checkLabel(period, what: "period")
    guard known.contains(period) else { throw WorkspaceError.unknownPeriod(period, known: known) }
    return period
  }

  private static func sameDecision(_ a: Judgement, _ b: Judgement) -> Bool {
    a.decision == b.decision && a.reviewer == b.reviewer && a.decidedOn == b.decidedOn && a.reason == b.reason
      && a.attributes == b.attributes && a.left == b.left && a.right == b.right
  }

  /// Extra columns as a JSON object (`NULL` without any), queryable with SQLite's `json_extract`.
  private static func encodeAttributes(_ attributes: [Attribute]) -> String? {
    if attributes.isEmpty { return nil }
    return JSONWriter.string(.object(attributes.map { ($0.key, .string($0.value)) }), pretty: false)
  }

  private static func decodeAttributes(_ text: String?) -> [Attribute] {
    guard let text, let object = (try? JSONParser.parse(text))?.objectValue else { return [] }
    return object.map { Attribute($0.0, $0.1.stringValue ?? "") }
  }
}
