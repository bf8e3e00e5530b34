import Foundation
import GRDB
import TierscanCore
import TierscanIngest
import TierscanReport
import TierscanRisk

extension Workspace {
  /// The periods that have an import, in label byte order (the workspace's period order).
  public func periods() throws(WorkspaceError) -> [String] {
    try read { db in try Self.periods(db) }
  }

  static func periods(_ db: Database) throws -> [String] {
    try String.fetchAll(db, sql: "SELECT DISTINCT period FROM imports").sorted { $0.utf8Precedes($1) }
  }

  /// The newest import of `period`, which holds the period's complete input.
  static func latestImport(_ db: Database, period: String) throws -> Int64? {
    try Int64.fetchOne(db, sql: "SELECT max(id) FROM imports WHERE period = ?", arguments: [period])
  }

  /// The stored input of import `importID`, bytes included.
  static func periodInputs(_ db: Database, importID: Int64) throws -> PeriodInputs {
    let files = try Row.fetchAll(
      db,
      sql: """
        SELECT f.source, f.role, f.path, f.kind, f.sha256, f.brought_by, b.content, b.encoding, b.size
        FROM files f JOIN blobs b ON b.sha256 = f.sha256
        WHERE f.import_id = ? ORDER BY f.position
        """, arguments: [importID]
    ).map { row throws -> StoredFile in
      var bytes: Data = row["content"]
      let encoding: String = row["encoding"]
      let size: Int = row["size"]
      if encoding == BlobCompression.zlib {
        bytes = try BlobCompression.decompress(bytes, size: size)
      } else if encoding != BlobCompression.identity || bytes.count != size {
        throw WorkspaceError.database("a stored input file has an unknown encoding \(encoding) or the wrong size")
      }
      return StoredFile(
        source: row["source"], role: StoredFile.Role(rawValue: row["role"]) ?? .input, path: row["path"],
        kind: row["kind"], sha256: row["sha256"], bytes: bytes, broughtBy: row["brought_by"])
    }
    let rules = Dictionary(FindingRule.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let findings = try Row.fetchAll(
      db, sql: "SELECT source, severity, rule, file, message FROM expansion_findings WHERE import_id = ? ORDER BY position",
      arguments: [importID]
    ).map { row throws -> StoredExpansionFinding in
      let id: String = row["rule"]
      guard let rule = rules[id] else {
        throw WorkspaceError.database("import \(importID) stores a finding with rule \(id), which this tierscan does not know")
      }
      return StoredExpansionFinding(
        source: row["source"],
        finding: Finding(Severity(rawValue: row["severity"]) ?? .error, rule, at: Provenance(file: row["file"]), row["message"]))
    }
    return PeriodInputs(files: files, expansionFindings: findings)
  }

  /// The pipeline's prepared run for `period`, read from the stored files of its newest import
  /// with the configuration of that import: the same value ``ScanPipeline/prepare(_:)`` gives
  /// for the original files, plus the origin the manifest names. The workspace's judgements in
  /// force for the period follow the period's own judgement files.
  public func prepare(period: String, options: IngestOptions = IngestOptions()) throws(WorkspaceError)
    -> ScanPipeline.Prepared
  {
    let (importID, stored, configPath, configBytes, judgements) = try read {
      db -> (Int64, PeriodInputs, String?, Data?, [StoredJudgement]) in
      guard let importID = try Self.latestImport(db, period: period) else {
        throw WorkspaceError.unknownPeriod(period, known: try Self.periods(db))
      }
      let row = try Row.fetchOne(db, sql: "SELECT config_path, config FROM imports WHERE id = ?", arguments: [importID])
      return (
        importID, try Self.periodInputs(db, importID: importID), row?["config_path"], row?["config"],
        try Self.judgementsInForce(db, period: period, workspace: path)
      )
    }
    let config: LoadedRiskConfig
    do {
      config = try LoadedRiskConfig(bytes: configPath == nil ? nil : Array(configBytes ?? Data()))
    } catch {
      throw .config("the configuration stored with import \(importID) is invalid: \(error)")
    }
    var ingested = try stored.ingest(options: options)
    ingested.judgements += judgements.map(\.judgement)
    var prepared = ScanPipeline().prepare(read: ingested, config: config, inputSHA256: stored.digests(of: ingested))
    prepared.workspace = ScanManifest.WorkspaceOrigin(
      path: path, period: period, importID: importID, judgements: judgements.count)
    return prepared
  }
}
