import GRDB

/// Which workspace entities each period holds, and the retirements between periods.
///
/// A period's members are the entities its newest import reports, plus (policy `retain`) the
/// previous period's members it no longer reports. Under `flag` and `expire` those are retired
/// instead: a `retirements` row says the entity was last present in the previous period
/// (`flag` also opens a review item). Periods follow their labels' byte order; importing a
/// period recomputes it and every later period, since each depends on the one before.
enum WorkspaceMembership {
  struct Counts {
    var retired = 0
    var retained = 0
  }

  /// Recomputes `period` and the periods after it; returns the counts for `period`.
  static func update(_ db: Database, from period: String) throws -> Counts {
    let periods = try Workspace.periods(db)
    var first: Counts?
    var previous: String? = periods.last { $0.utf8Precedes(period) }
    for current in periods where !current.utf8Precedes(period) {
      let counts = try recompute(db, period: current, previous: previous)
      if first == nil { first = counts }
      previous = current
    }
    return first ?? Counts()
  }

  private static func recompute(_ db: Database, period: String, previous: String?) throws -> Counts {
    guard let importID = try Workspace.latestImport(db, period: period) else { return Counts() }
    let policy =
      try String.fetchOne(db, sql: "SELECT retirement_policy FROM imports WHERE id = ?", arguments: [importID])
      .flatMap(RetirementPolicy.init(rawValue:)) ?? .default
    try db.execute(sql: "DELETE FROM period_entities WHERE period = ?", arguments: [period])
    try db.execute(sql: "DELETE FROM retirements WHERE period = ?", arguments: [period])
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO period_entities (period, wid, status, import_id)
        SELECT ?, wid, 'reported', import_id FROM entities WHERE import_id = ?
        """, arguments: [period, importID])
    guard let previous else { return Counts() }
    let missing = """
      SELECT p.wid FROM period_entities p
      WHERE p.period = ? AND NOT EXISTS (SELECT 1 FROM period_entities c WHERE c.period = ? AND c.wid = p.wid)
      """
    var counts = Counts()
    switch policy {
    case .retain:
      try db.execute(
        sql: "INSERT INTO period_entities (period, wid, status, import_id) SELECT ?, wid, 'retained', ? FROM (\(missing))",
        arguments: [period, importID, previous, period])
      counts.retained = db.changesCount
    case .flag, .expire:
      try db.execute(
        sql: """
          INSERT INTO retirements (wid, period, last_period, policy, review, import_id)
          SELECT wid, ?, ?, ?, ?, ? FROM (\(missing))
          """,
        arguments: [period, previous, policy.rawValue, policy == .flag ? "open" : nil, importID, previous, period])
      counts.retired = db.changesCount
    }
    return counts
  }
}
