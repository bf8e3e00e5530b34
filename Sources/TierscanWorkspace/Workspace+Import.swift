import Foundation
import GRDB
import TierscanCore
import TierscanIngest
import TierscanReport
import TierscanRisk

extension Workspace {
  /// Imports a period's inputs as one transaction (docs/workspace.md):
  ///
  /// 1. the files are read and hashed; each source's (a `--source` name, or each INPUT argument
  ///    as given) files replace that source's earlier files for the period, other sources'
  ///    files are carried over from the period's previous import;
  /// 2. the period's complete stored input is read back through the same readers as
  ///    `scan --workspace` uses, so what is stored is what a later scan reads;
  /// 3. one write transaction stores the import, the new file bytes (deduplicated by SHA-256),
  ///    the findings, the merged graph with workspace ids, the exposures (with a focus) and the
  ///    period membership and retirements of this and every later period.
  ///
  /// Killed at any moment, the workspace holds either the whole import or none of it.
  public func importPeriod(_ request: WorkspaceImportRequest) throws(WorkspaceError) -> WorkspaceImportResult {
    try Self.checkLabel(request.period, what: "period")
    if let source = request.source { try Self.checkLabel(source, what: "source", strict: false) }
    if request.inputs.isEmpty { throw .invalidArgument("give at least one INPUT file or directory to import") }
    // A missing INPUT would empty its source and retire everything it reported: refuse it.
    for argument in request.inputs + request.smelterLookups where !FileManager.default.fileExists(atPath: argument) {
      throw .missingInput(path: argument)
    }
    let (configBytes, config) = try Self.loadConfig(request.configPath)

    // 1. This import's contributions, per source.
    var brought: [StoredFile] = []
    var broughtFindings: [StoredExpansionFinding] = []
    var newSources: [String] = []
    let groups: [(source: String, arguments: [String])] =
      request.source.map { [($0, request.inputs)] } ?? request.inputs.map { ($0, [$0]) }
    for group in groups {
      if !newSources.contains(group.source) { newSources.append(group.source) }
      let set = InputSet(arguments: group.arguments)
      broughtFindings += set.findings.findings.map { StoredExpansionFinding(source: group.source, finding: $0) }
      for file in set.files {
        brought.append(try Self.storedFile(file.displayPath, source: group.source, role: .input))
      }
    }
    let lookups = try request.smelterLookups.map { path throws(WorkspaceError) in
      try Self.storedFile(path, source: path, role: .smelterLookup)
    }

    // The period's previous state, and the merged input list.
    let (previous, judgements) = try read { db -> (PeriodInputs?, [StoredJudgement]) in
      let judgements = try Self.judgementsInForce(db, period: request.period, workspace: path)
      guard let id = try Self.latestImport(db, period: request.period) else { return (nil, judgements) }
      return (try Self.periodInputs(db, importID: id), judgements)
    }
    var order: [String] = []
    for source in (previous?.files.filter { $0.role == .input }.map(\.source) ?? [])
      + (previous?.expansionFindings.map(\.source) ?? []) + newSources where !order.contains(source)
    {
      order.append(source)
    }
    let replaced = newSources.filter { source in previous?.files.contains { $0.source == source && $0.role == .input } ?? false }
    var files: [StoredFile] = []
    var findings: [StoredExpansionFinding] = []
    for source in order {
      if newSources.contains(source) {
        files += brought.filter { $0.source == source }
        findings += broughtFindings.filter { $0.source == source }
      } else {
        files += previous?.files.filter { $0.source == source && $0.role == .input } ?? []
        findings += previous?.expansionFindings.filter { $0.source == source } ?? []
      }
    }
    files += lookups
    var period = PeriodInputs(files: files, expansionFindings: findings)

    // 2. Read it back as a scan will.
    var ingested = try PhaseTimings.phase("read stored inputs") { () throws(WorkspaceError) in
      try period.ingest(options: request.ingestOptions)
    }
    ingested.judgements += judgements.map(\.judgement)
    var kinds: [String: String] = [:]
    for summary in ingested.files where kinds[summary.path] == nil { kinds[summary.path] = summary.kind.rawValue }
    for i in period.files.indices where period.files[i].broughtBy == 0 {
      period.files[i].kind = kinds[period.files[i].path] ?? InputKind.unrecognised.rawValue
    }
    let pipeline = ScanPipeline()
    let prepared = PhaseTimings.phase("prepare graph") {
      pipeline.prepare(read: ingested, config: config, inputSHA256: period.digests(of: ingested))
    }
    var analysis: RiskAnalysis?
    if let focus = request.focus {
      do {
        analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex(focus, in: prepared.graph))
      } catch {
        throw .invalidArgument(error.description)
      }
    }
    let allFindings = PhaseTimings.phase("input checks") {
      prepared.findings + (analysis?.findings.findings ?? pipeline.inputChecks(prepared))
    }

    // Input bytes this import brings, compressed (in parallel) before the transaction.
    let encoded = PhaseTimings.phase("compress inputs") { Self.encode(period.files) }

    // 3. One transaction.
    return try PhaseTimings.phase("write transaction") { () throws(WorkspaceError) in
      try write { db in
        try db.execute(
          sql: """
            INSERT INTO imports (period, tool_version, config_path, config_sha256, config, retirement_policy, focus,
              entity_count, relationship_count, error_count, warning_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            request.period, ScanPipeline.toolVersion, request.configPath, config.sha256, configBytes,
            request.retirement.rawValue, request.focus, prepared.graph.entityCount, prepared.graph.relationshipCount,
            allFindings.filter { $0.severity == .error }.count, allFindings.filter { $0.severity == .warning }.count,
          ])
        let importID = db.lastInsertedRowID
        try PhaseTimings.phase("store files") { try Self.storeFiles(db, period: period, importID: importID, encoded: encoded) }
        var paths = try PathTable(db: db)
        _ = try PhaseTimings.phase("store findings") { try FindingStore.store(db, allFindings, importID: importID, paths: &paths) }
        var graphStore = try WorkspaceGraphStore(db: db, importID: importID, period: request.period, paths: paths)
        let (wids, matches) = try PhaseTimings.phase("assign workspace ids") {
          try graphStore.assignWorkspaceIDs(prepared.graph, judgements: judgements, matching: config.config.matching)
        }
        try PhaseTimings.phase("store graph") { try graphStore.store(prepared.graph, wids: wids) }
        try graphStore.store(matches)
        if let analysis { try PhaseTimings.phase("store exposures") { try graphStore.store(analysis, wids: wids) } }
        let membership = try PhaseTimings.phase("period membership") { try WorkspaceMembership.update(db, from: request.period) }
        var result = WorkspaceImportResult(
          importID: importID, period: request.period, sources: newSources, replacedSources: replaced,
          filesBrought: brought.count + lookups.count, filesCarried: files.count - brought.count - lookups.count,
          entities: prepared.graph.entityCount, relationships: prepared.graph.relationshipCount,
          newEntities: graphStore.newEntities, retired: membership.retired, retained: membership.retained,
          exposures: analysis?.exposures.count ?? 0, findings: allFindings)
        result.keptByJudgement = matches.filter { $0.applied && $0.method == "judgement" }.count
        result.keptByResolution = matches.filter { $0.applied && $0.method == "resolution" }.count
        result.sentToReview = matches.filter { !$0.applied }.count
        return result
      }
    }
  }

  private static func storedFile(_ path: String, source: String, role: StoredFile.Role) throws(WorkspaceError) -> StoredFile {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadableInput(path: path)
    }
    return StoredFile(
      source: source, role: role, path: path, kind: role == .smelterLookup ? InputKind.smelterLookup.rawValue : "",
      sha256: SHA256.hexDigest(of: bytes), bytes: bytes, broughtBy: 0)
  }

  private static func loadConfig(_ path: String?) throws(WorkspaceError) -> (Data?, LoadedRiskConfig) {
    var bytes: Data?
    if let path {
      do {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw .config("\(path): cannot read the configuration file")
      }
    }
    do {
      return (bytes, try LoadedRiskConfig(bytes: bytes.map { Array($0) }))
    } catch {
      throw .config("\(path ?? "default config"): \(error)")
    }
  }

  /// The bytes to store for each file this import brings (`nil` for carried-over files):
  /// compressed when that makes them smaller (``BlobCompression``).
  private static func encode(_ files: [StoredFile]) -> [(content: Data, encoding: String)?] {
    let slots = ConcurrentSlots<(content: Data, encoding: String)?>(count: files.count)
    ParallelWork.run(count: files.count) { i in
      guard files[i].broughtBy == 0 else { return slots.set(i, nil) }
      if let compressed = BlobCompression.compress(files[i].bytes) {
        slots.set(i, (compressed, BlobCompression.zlib))
      } else {
        slots.set(i, (files[i].bytes, BlobCompression.identity))
      }
    }
    return slots.takeAll()
  }

  private static func storeFiles(
    _ db: Database, period: PeriodInputs, importID: Int64, encoded: [(content: Data, encoding: String)?]
  ) throws {
    let blob = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO blobs (sha256, size, content, encoding) VALUES (?, ?, ?, ?)")
    let file = try db.makeStatement(
      sql: """
        INSERT INTO files (import_id, position, source, role, path, kind, size, sha256, brought_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (position, stored) in period.files.enumerated() {
      let broughtBy = stored.broughtBy == 0 ? importID : stored.broughtBy
      if stored.broughtBy == 0, let encoded = encoded[position] {
        try blob.execute(arguments: [stored.sha256, stored.bytes.count, encoded.content, encoded.encoding])
      }
      try file.execute(arguments: [
        importID, position, stored.source, stored.role.rawValue, stored.path, stored.kind, stored.bytes.count,
        stored.sha256, broughtBy,
      ])
    }
    let finding = try db.makeStatement(
      sql: """
        INSERT INTO expansion_findings (import_id, position, source, severity, rule, file, message)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    for (position, stored) in period.expansionFindings.enumerated() {
      try finding.execute(arguments: [
        importID, position, stored.source, stored.finding.severity.rawValue, stored.finding.rule.id,
        stored.finding.location?.file ?? "", stored.finding.message,
      ])
    }
  }

  /// Period labels and source names: printable, no control characters; periods also no
  /// spaces or slashes (they order by their bytes, so `2024`, `2025-Q1` sort as meant).
  static func checkLabel(_ label: String, what: String, strict: Bool = true) throws(WorkspaceError) {
    let allowed = strict ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-" : nil
    let ok =
      !label.isEmpty && label.utf8.count <= 200
      && label.unicodeScalars.allSatisfy { scalar in
        guard let allowed else { return !CharacterSet.controlCharacters.contains(scalar) }
        return allowed.unicodeScalars.contains(scalar)
      }
    if !ok {
      throw .invalidArgument(
        strict
          ? "\(what) \"\(label)\": use letters, digits, '.', '_' and '-' (periods order by their text: 2024, 2025-Q1)"
          : "\(what) \"\(label)\": must be non-empty text without control characters")
    }
  }
}
