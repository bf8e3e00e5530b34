import GRDB

/// The workspace's tables, as numbered migrations (docs/workspace.md describes each table).
///
/// `schema_version` holds one row: the number of migrations applied. Opening a workspace applies
/// the missing ones in one transaction; a workspace whose version is above ``current`` was
/// written by a newer tierscan and is refused.
enum WorkspaceSchema {
  /// The schema version this tierscan writes.
  static var current: Int { migrations.count }

  /// Migration `i` takes the schema from version `i` to `i + 1`.
  static let migrations: [String] = [version1, version2, version3, version4]

  private static let version1 = """
    CREATE TABLE schema_version (version INTEGER NOT NULL);
    INSERT INTO schema_version (version) VALUES (0);

    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      period TEXT NOT NULL,
      tool_version TEXT NOT NULL,
      config_path TEXT,
      config_sha256 TEXT NOT NULL,
      config BLOB,
      retirement_policy TEXT NOT NULL CHECK (retirement_policy IN ('retain', 'flag', 'expire')),
      focus TEXT,
      entity_count INTEGER NOT NULL,
      relationship_count INTEGER NOT NULL,
      error_count INTEGER NOT NULL,
      warning_count INTEGER NOT NULL
    );
    CREATE INDEX imports_by_period ON imports (period, id);

    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      content BLOB NOT NULL
    );

    CREATE TABLE files (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      position INTEGER NOT NULL,
      source TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('input', 'smelter-lookup')),
      path TEXT NOT NULL,
      kind TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs (sha256),
      brought_by INTEGER NOT NULL REFERENCES imports (id),
      PRIMARY KEY (import_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX files_by_path ON files (path);

    CREATE TABLE expansion_findings (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      position INTEGER NOT NULL,
      source TEXT NOT NULL,
      severity TEXT NOT NULL,
      rule TEXT NOT NULL,
      file TEXT NOT NULL,
      message TEXT NOT NULL,
      PRIMARY KEY (import_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE findings (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      position INTEGER NOT NULL,
      severity TEXT NOT NULL,
      rule TEXT NOT NULL,
      file TEXT,
      line INTEGER,
      "column" INTEGER,
      sheet TEXT,
      cell TEXT,
      message TEXT NOT NULL,
      PRIMARY KEY (import_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX findings_by_rule ON findings (rule);

    CREATE TABLE workspace_entities (
      wid INTEGER PRIMARY KEY,
      first_period TEXT NOT NULL,
      first_import INTEGER NOT NULL REFERENCES imports (id)
    );

    CREATE TABLE entity_keys (
      scheme TEXT NOT NULL CHECK (scheme IN ('id', 'alias', 'lei', 'duns', 'vat', 'cid')),
      value TEXT NOT NULL,
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      first_import INTEGER NOT NULL REFERENCES imports (id),
      PRIMARY KEY (scheme, value, wid)
    ) WITHOUT ROWID;
    CREATE INDEX entity_keys_by_wid ON entity_keys (wid);
    CREATE INDEX entity_keys_by_value ON entity_keys (value);

    CREATE TABLE entities (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      idx INTEGER NOT NULL,
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      country TEXT,
      sector TEXT,
      placeholder INTEGER NOT NULL,
      PRIMARY KEY (import_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX entities_by_wid ON entities (wid, import_id);
    CREATE INDEX entities_by_id ON entities (id);

    CREATE TABLE identifiers (
      import_id INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      scheme TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (import_id, idx, scheme),
      FOREIGN KEY (import_id, idx) REFERENCES entities (import_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX identifiers_by_value ON identifiers (scheme, value);

    CREATE TABLE entity_sources (
      import_id INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      position INTEGER NOT NULL,
      file TEXT NOT NULL,
      line INTEGER,
      sheet TEXT,
      cell TEXT,
      PRIMARY KEY (import_id, idx, position),
      FOREIGN KEY (import_id, idx) REFERENCES entities (import_id, idx)
    ) WITHOUT ROWID;

    CREATE TABLE relationships (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      seq INTEGER NOT NULL,
      from_idx INTEGER NOT NULL,
      to_idx INTEGER NOT NULL,
      type TEXT NOT NULL,
      commodity TEXT,
      share REAL,
      basis TEXT NOT NULL,
      file TEXT NOT NULL,
      line INTEGER,
      sheet TEXT,
      cell TEXT,
      PRIMARY KEY (import_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE exposures (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      idx INTEGER NOT NULL,
      category TEXT NOT NULL,
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      tier INTEGER,
      score REAL NOT NULL,
      level TEXT NOT NULL,
      hops INTEGER NOT NULL,
      PRIMARY KEY (import_id, idx, category)
    ) WITHOUT ROWID;
    CREATE INDEX exposures_by_wid ON exposures (wid);

    CREATE TABLE period_entities (
      period TEXT NOT NULL,
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      status TEXT NOT NULL CHECK (status IN ('reported', 'retained')),
      import_id INTEGER NOT NULL REFERENCES imports (id),
      PRIMARY KEY (period, wid)
    ) WITHOUT ROWID;
    CREATE INDEX period_entities_by_wid ON period_entities (wid);

    CREATE TABLE retirements (
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      period TEXT NOT NULL,
      last_period TEXT NOT NULL,
      policy TEXT NOT NULL CHECK (policy IN ('flag', 'expire')),
      review TEXT CHECK (review IN ('open', 'confirmed', 'dismissed')),
      import_id INTEGER NOT NULL REFERENCES imports (id),
      PRIMARY KEY (wid, period)
    ) WITHOUT ROWID;
    CREATE INDEX retirements_by_period ON retirements (period);
    """

  /// Version 2: reviewer judgements recorded in the workspace (docs/workspace.md, "Judgements").
  private static let version2 = """
    CREATE TABLE judgements (
      id INTEGER PRIMARY KEY,
      period TEXT NOT NULL,
      left_key TEXT NOT NULL,
      right_key TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('same', 'not_same', 'unsure')),
      reviewer TEXT,
      decided_on TEXT,
      reason TEXT,
      attributes TEXT,
      origin TEXT NOT NULL,
      CHECK (left_key <> right_key)
    );
    CREATE INDEX judgements_by_left ON judgements (left_key);
    CREATE INDEX judgements_by_right ON judgements (right_key);
    """

  /// Version 3: workspace ids kept by judgements and entity resolution, and the pairs sent to
  /// review (docs/workspace.md, "Workspace ids"); entities keep their address for matching.
  private static let version3 = """
    ALTER TABLE entities ADD COLUMN address TEXT;

    CREATE TABLE resolution_matches (
      import_id INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      candidate_wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      method TEXT NOT NULL CHECK (method IN ('judgement', 'resolution')),
      decision TEXT NOT NULL CHECK (decision IN ('same', 'possible')),
      similarity REAL,
      detail TEXT NOT NULL,
      applied INTEGER NOT NULL,
      PRIMARY KEY (import_id, idx, candidate_wid),
      FOREIGN KEY (import_id, idx) REFERENCES entities (import_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX resolution_matches_by_candidate ON resolution_matches (candidate_wid);
    """

  /// Version 4: size (docs/workspace.md, "Size"). Input bytes compressed (`blobs.encoding`);
  /// provenance paths stored once in `paths` and referred to by id; findings stored in full up
  /// to ``FindingStore/detailCap`` per rule and import, every one counted in `finding_counts`;
  /// `entity_keys` keyed by value first; indexes no query uses dropped. Views give the rows with
  /// their paths.
  private static let version4 = """
    ALTER TABLE blobs ADD COLUMN encoding TEXT NOT NULL DEFAULT 'identity';

    CREATE TABLE paths (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
    INSERT OR IGNORE INTO paths (path) VALUES ('');
    INSERT OR IGNORE INTO paths (path) SELECT file FROM relationships;
    INSERT OR IGNORE INTO paths (path) SELECT file FROM entity_sources;
    INSERT OR IGNORE INTO paths (path) SELECT coalesce(file, '') FROM findings;

    CREATE TABLE relationships_v4 (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      seq INTEGER NOT NULL,
      from_idx INTEGER NOT NULL,
      to_idx INTEGER NOT NULL,
      type TEXT NOT NULL,
      commodity TEXT,
      share REAL,
      basis TEXT NOT NULL,
      file_id INTEGER NOT NULL REFERENCES paths (id),
      line INTEGER,
      sheet TEXT,
      cell TEXT,
      PRIMARY KEY (import_id, seq)
    ) WITHOUT ROWID;
    INSERT INTO relationships_v4
      SELECT r.import_id, r.seq, r.from_idx, r.to_idx, r.type, r.commodity, r.share, r.basis, p.id, r.line, r.sheet, r.cell
      FROM relationships r JOIN paths p ON p.path = r.file;
    DROP TABLE relationships;
    ALTER TABLE relationships_v4 RENAME TO relationships;

    CREATE TABLE entity_sources_v4 (
      import_id INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      position INTEGER NOT NULL,
      file_id INTEGER NOT NULL REFERENCES paths (id),
      line INTEGER,
      sheet TEXT,
      cell TEXT,
      PRIMARY KEY (import_id, idx, position),
      FOREIGN KEY (import_id, idx) REFERENCES entities (import_id, idx)
    ) WITHOUT ROWID;
    INSERT INTO entity_sources_v4
      SELECT s.import_id, s.idx, s.position, p.id, s.line, s.sheet, s.cell
      FROM entity_sources s JOIN paths p ON p.path = s.file;
    DROP TABLE entity_sources;
    ALTER TABLE entity_sources_v4 RENAME TO entity_sources;

    CREATE TABLE findings_v4 (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      position INTEGER NOT NULL,
      severity TEXT NOT NULL,
      rule TEXT NOT NULL,
      file_id INTEGER NOT NULL REFERENCES paths (id),
      line INTEGER,
      "column" INTEGER,
      sheet TEXT,
      cell TEXT,
      message TEXT NOT NULL,
      PRIMARY KEY (import_id, position)
    ) WITHOUT ROWID;
    INSERT INTO findings_v4
      SELECT f.import_id, f.position, f.severity, f.rule, p.id, f.line, f."column", f.sheet, f.cell, f.message
      FROM findings f JOIN paths p ON p.path = coalesce(f.file, '');
    DROP TABLE findings;
    ALTER TABLE findings_v4 RENAME TO findings;
    CREATE INDEX findings_by_rule ON findings (rule);

    CREATE TABLE finding_counts (
      import_id INTEGER NOT NULL REFERENCES imports (id),
      severity TEXT NOT NULL,
      rule TEXT NOT NULL,
      file_id INTEGER NOT NULL REFERENCES paths (id),
      count INTEGER NOT NULL,
      stored INTEGER NOT NULL,
      PRIMARY KEY (import_id, rule, severity, file_id)
    ) WITHOUT ROWID;
    INSERT INTO finding_counts
      SELECT import_id, severity, rule, file_id, count(*), count(*) FROM findings GROUP BY import_id, rule, severity, file_id;

    CREATE TABLE entity_keys_v4 (
      scheme TEXT NOT NULL CHECK (scheme IN ('id', 'alias', 'lei', 'duns', 'vat', 'cid')),
      value TEXT NOT NULL,
      wid INTEGER NOT NULL REFERENCES workspace_entities (wid),
      first_import INTEGER NOT NULL REFERENCES imports (id),
      PRIMARY KEY (value, scheme, wid)
    ) WITHOUT ROWID;
    INSERT INTO entity_keys_v4 SELECT scheme, value, wid, first_import FROM entity_keys;
    DROP TABLE entity_keys;
    ALTER TABLE entity_keys_v4 RENAME TO entity_keys;
    CREATE INDEX entity_keys_by_wid ON entity_keys (wid);

    DROP INDEX entities_by_id;
    DROP INDEX identifiers_by_value;

    CREATE VIEW relationship_rows AS
      SELECT r.import_id, r.seq, r.from_idx, r.to_idx, r.type, r.commodity, r.share, r.basis, p.path AS file, r.line,
        r.sheet, r.cell
      FROM relationships r JOIN paths p ON p.id = r.file_id;
    CREATE VIEW entity_source_rows AS
      SELECT s.import_id, s.idx, s.position, p.path AS file, s.line, s.sheet, s.cell
      FROM entity_sources s JOIN paths p ON p.id = s.file_id;
    CREATE VIEW finding_rows AS
      SELECT f.import_id, f.position, f.severity, f.rule, nullif(p.path, '') AS file, f.line, f."column", f.sheet, f.cell,
        f.message
      FROM findings f JOIN paths p ON p.id = f.file_id;
    """

  /// Applies the migrations above `from`, then records the new version.
  static func migrate(_ db: Database, from version: Int) throws {
    for i in version..<migrations.count {
      try db.execute(sql: migrations[i])
    }
    try db.execute(sql: "UPDATE schema_version SET version = ?", arguments: [migrations.count])
  }
}
