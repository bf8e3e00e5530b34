import GRDB

/// The `paths` table: every provenance path (a file as given) stored once and referred to by id
/// from `relationships`, `entity_sources`, `findings` and `finding_counts` (the `*_rows` views
/// join them back). The empty path stands for "no file".
struct PathTable {
  private let db: Database
  private let insert: Statement
  private let select: Statement
  private var ids: [String: Int64] = [:]

  init(db: Database) throws {
    self.db = db
    insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO paths (path) VALUES (?)")
    select = try db.makeStatement(sql: "SELECT id FROM paths WHERE path = ?")
  }

  /// The id of `path`, added when new.
  mutating func id(of path: String) throws -> Int64 {
    if let id = ids[path] { return id }
    try insert.execute(arguments: [path])
    guard let id = try Int64.fetchOne(select, arguments: [path]) else {
      throw WorkspaceError.database("cannot record the path \(path)")
    }
    ids[path] = id
    return id
  }
}
