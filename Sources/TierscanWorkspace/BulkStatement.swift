import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the import's hot loops
/// (millions of rows): binding integers, doubles and text directly instead of building GRDB
/// `StatementArguments` per row (which took about a sixth of a 1M-entity import's CPU time,
/// docs/performance.md "Workspace").
///
/// Used only inside the import's write transaction, for statements without observers; an
/// SQLite error becomes a GRDB `DatabaseError` carrying SQLite's message.
final class BulkStatement {
  private let db: Database
  /// Keeps the GRDB statement (and so the SQLite handle) alive.
  private let statement: Statement
  private let handle: OpaquePointer

  /// Prepares `sql` on `db`.
  init(_ db: Database, sql: String) throws {
    self.db = db
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
  }

  /// Binds the parameters with `bind` (in order) and runs the statement to completion.
  func execute(_ bind: (inout Binder) -> Void) throws {
    var binder = Binder(handle: handle)
    bind(&binder)
    defer { sqlite3_reset(handle) }
    var code = sqlite3_step(handle)
    while code == SQLITE_ROW { code = sqlite3_step(handle) }
    guard code == SQLITE_DONE else { throw error(code) }
  }

  /// Binds the parameters with `bind` and returns the first column of the first row as an
  /// integer (`nil` when there is no row or it is NULL).
  func firstInt64(_ bind: (inout Binder) -> Void) throws -> Int64? {
    var binder = Binder(handle: handle)
    bind(&binder)
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW:
      return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
    case SQLITE_DONE:
      return nil
    default:
      throw error(code)
    }
  }

  private func error(_ code: Int32) -> DatabaseError {
    let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
  }

  /// Binds parameters 1, 2, 3, … in call order.
  struct Binder {
    fileprivate let handle: OpaquePointer
    private var position: Int32 = 1

    fileprivate init(handle: OpaquePointer) {
      self.handle = handle
    }

    /// Binds an integer.
    mutating func int(_ value: Int64) {
      sqlite3_bind_int64(handle, position, value)
      position += 1
    }

    /// Binds an integer.
    mutating func int(_ value: Int) { int(Int64(value)) }

    /// Binds an integer or NULL.
    mutating func int(_ value: Int?) {
      if let value { int(Int64(value)) } else { null() }
    }

    /// Binds a boolean as 0 or 1.
    mutating func bool(_ value: Bool) { int(Int64(value ? 1 : 0)) }

    /// Binds a double or NULL.
    mutating func double(_ value: Double?) {
      if let value { sqlite3_bind_double(handle, position, value) } else { sqlite3_bind_null(handle, position) }
      position += 1
    }

    /// Binds text (copied by SQLite) or NULL.
    mutating func text(_ value: String?) {
      guard var value else { return null() }
      value.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          // SQLite copies the bytes (SQLITE_TRANSIENT); an empty buffer may have no base address.
          if let base = chars.baseAddress {
            _ = sqlite3_bind_text(handle, position, base, Int32(chars.count), Self.transient)
          } else {
            _ = sqlite3_bind_text(handle, position, "", 0, Self.transient)
          }
        }
      }
      position += 1
    }

    /// Binds NULL.
    mutating func null() {
      sqlite3_bind_null(handle, position)
      position += 1
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
  }
}
