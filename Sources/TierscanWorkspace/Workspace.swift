import Foundation
import GRDB

/// One workspace file: an SQLite database (WAL mode, foreign keys on) holding every import,
/// period, stored input file and retirement (docs/workspace.md).
///
/// Opening checks the file before SQLite touches it: a missing file, a file that is not SQLite,
/// a damaged database and a workspace written by a newer tierscan are each a clear
/// ``WorkspaceError``. Nothing is written outside the file and its `-wal` / `-shm` companions
/// (temporary tables live in memory).
public final class Workspace: @unchecked Sendable {
  /// The path as given.
  public let path: String
  let queue: DatabaseQueue

  private init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
  }

  /// Creates a new, empty workspace at `path`; refuses an existing file.
  public static func create(at path: String) throws(WorkspaceError) -> Workspace {
    if FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
    let workspace = try connect(path)
    do {
      try workspace.queue.write { db in try WorkspaceSchema.migrate(db, from: 0) }
    } catch {
      throw .database("\(path): cannot create the schema: \(error)")
    }
    return workspace
  }

  /// Opens an existing workspace, applying this tierscan's newer migrations if any.
  public static func open(at path: String) throws(WorkspaceError) -> Workspace {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
    if isDirectory.boolValue { throw .notAWorkspace(path: path, reason: "a directory") }
    try checkHeader(path)
    let workspace = try connect(path)
    let version: Int
    do {
      version = try workspace.queue.read { db -> Int in
        guard try db.tableExists("schema_version") else { return -1 }
        return try Int.fetchOne(db, sql: "SELECT version FROM schema_version") ?? -1
      }
    } catch {
      throw .notAWorkspace(path: path, reason: "SQLite cannot read it (\(Self.reason(error)))")
    }
    if version < 0 { throw .notAWorkspace(path: path, reason: "an SQLite database without a tierscan schema_version table") }
    if version > WorkspaceSchema.current {
      throw .newerSchema(path: path, found: version, supported: WorkspaceSchema.current)
    }
    if version < WorkspaceSchema.current {
      do {
        try workspace.queue.write { db in try WorkspaceSchema.migrate(db, from: version) }
      } catch {
        throw .database("\(path): cannot migrate from schema version \(version): \(error)")
      }
    }
    return workspace
  }

  /// The schema version of the open file.
  public func schemaVersion() throws(WorkspaceError) -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT version FROM schema_version") ?? 0 }
  }

  /// Runs `body` in a read transaction (a snapshot: an import running meanwhile is not seen).
  func read<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
    do {
      return try queue.read(body)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw .database(Self.reason(error))
    }
  }

  /// Runs `body` in one write transaction: all of it is stored, or none of it.
  func write<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
    do {
      return try queue.write(body)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw .database(Self.reason(error))
    }
  }

  private static func connect(_ path: String) throws(WorkspaceError) -> Workspace {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(30)
    configuration.prepareDatabase { db in
      // Sorts and temporary indexes stay in memory: nothing is written beside the workspace.
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      // Already WAL (the usual case) needs no lock, so a reader opens while an import writes.
      let mode = try queue.writeWithoutTransaction { db -> String? in
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode")
        if mode?.lowercased() == "wal" { return mode }
        return try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
      }
      guard mode?.lowercased() == "wal" else {
        throw WorkspaceError.database("\(path): SQLite could not switch to WAL mode (journal mode \(mode ?? "unknown"))")
      }
      return Workspace(path: path, queue: queue)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw .notAWorkspace(path: path, reason: "SQLite cannot open it (\(reason(error)))")
    }
  }

  /// SQLite files start with "SQLite format 3\0"; anything else is refused before SQLite opens
  /// it (SQLite would treat an empty file as a new database and write to it).
  private static func checkHeader(_ path: String) throws(WorkspaceError) {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .notAWorkspace(path: path, reason: "cannot read it") }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 16)) ?? Data()
    if head.isEmpty { throw .notAWorkspace(path: path, reason: "the file is empty") }
    guard head == Data("SQLite format 3\0".utf8) else {
      throw .notAWorkspace(path: path, reason: "not an SQLite database (its first bytes are not the SQLite header)")
    }
  }

  static func reason(_ error: Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
  }
}

extension Workspace {
  /// SQLite's integrity and foreign-key checks: empty when the file is sound.
  public func problems() throws(WorkspaceError) -> [String] {
    try read { db in
      var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
        problems.append("foreign key: table \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) refers to missing \(row[2] as String? ?? "?")")
      }
      return problems
    }
  }
}
