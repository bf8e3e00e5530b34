import GRDB
import Testing

@testable import TierscanWorkspace

/// `BulkStatement` binds through SQLite's C API: what it stores must read back exactly as GRDB
/// would have stored it, and SQLite errors must surface, not vanish.
@Suite struct BulkStatementTests {
  private func table() throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL, d REAL, s TEXT, b INTEGER NOT NULL, o INTEGER)")
    }
    return queue
  }

  @Test func valuesOfEveryKindReadBackExactly() throws {
    let queue = try table()
    let texts: [String?] = ["", "plain", "Ünïcödé — 中文 🏭", nil, String(repeating: "x", count: 100_000)]
    try queue.write { db in
      let insert = try BulkStatement(db, sql: "INSERT INTO t (n, d, s, b, o) VALUES (?, ?, ?, ?, ?)")
      for (i, text) in texts.enumerated() {
        try insert.execute { bind in
          bind.int(Int64.max - Int64(i))
          bind.double(i.isMultiple(of: 2) ? Double(i) / 3 : nil)
          bind.text(text)
          bind.bool(i.isMultiple(of: 3))
          bind.int(i.isMultiple(of: 2) ? nil : i)
        }
      }
    }
    let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT n, d, s, b, o FROM t ORDER BY rowid") }
    #expect(rows.count == texts.count)
    for (i, row) in rows.enumerated() {
      #expect(row["n"] as Int64 == Int64.max - Int64(i))
      #expect(row["d"] as Double? == (i.isMultiple(of: 2) ? Double(i) / 3 : nil))
      #expect(row["s"] as String? == texts[i])
      #expect(row["b"] as Bool == i.isMultiple(of: 3))
      #expect(row["o"] as Int? == (i.isMultiple(of: 2) ? nil : i))
    }
  }

  @Test func firstInt64ReadsTheFirstRowOrNil() throws {
    let queue = try table()
    try queue.write { db in
      try db.execute(sql: "INSERT INTO t (n, s, b) VALUES (7, 'a', 0), (9, 'a', 0), (11, 'b', 0)")
      let select = try BulkStatement(db, sql: "SELECT n FROM t WHERE s = ? ORDER BY n DESC LIMIT 1")
      #expect(try select.firstInt64 { $0.text("a") } == 9)
      #expect(try select.firstInt64 { $0.text("b") } == 11)
      #expect(try select.firstInt64 { $0.text("missing") } == nil)
      // The statement is reset after each use: the same query again gives the same answer.
      #expect(try select.firstInt64 { $0.text("a") } == 9)
    }
  }

  @Test func anSQLiteErrorIsThrownWithItsMessageAndTheStatementStaysUsable() throws {
    let queue = try table()
    try queue.write { db in
      let insert = try BulkStatement(db, sql: "INSERT INTO t (n, b) VALUES (?, ?)")
      #expect {
        try insert.execute { bind in
          bind.null()
          bind.bool(true)
        }
      } throws: { error in
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("NOT NULL")
      }
      try insert.execute { bind in
        bind.int(1)
        bind.bool(true)
      }
    }
    #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 1)
  }
}
