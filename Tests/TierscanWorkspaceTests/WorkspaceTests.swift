import Foundation
import GRDB
import Testing
import TierscanTestSupport

@testable import TierscanWorkspace

/// In-process tests of the workspace store: schema versions, stable ids across periods, retirement.
@Suite struct WorkspaceTests {
  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-ws-unit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

  @Test func aWorkspaceFromANewerTierscanIsRefused() throws {
    let path = try temporaryDirectory().appendingPathComponent("w.db").path
    _ = try Workspace.create(at: path)
    #expect(try Workspace.open(at: path).schemaVersion() == WorkspaceSchema.current)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "UPDATE schema_version SET version = 99") }
    try queue.close()
    #expect {
      _ = try Workspace.open(at: path)
    } throws: { error in
      guard case .newerSchema(_, let found, let supported) = error as? WorkspaceError else { return false }
      return found == 99 && supported == WorkspaceSchema.current
        && "\(error)".contains("written by a newer tierscan (workspace schema version 99")
    }
  }

  @Test func aVersion1WorkspaceIsMigratedWhenOpened() throws {
    let path = try temporaryDirectory().appendingPathComponent("v1.db").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: WorkspaceSchema.migrations[0])
      try db.execute(sql: "UPDATE schema_version SET version = 1")
      try db.execute(
        sql: """
          INSERT INTO imports (id, period, tool_version, config_sha256, retirement_policy, entity_count,
            relationship_count, error_count, warning_count) VALUES (1, '2024', 'old', 'x', 'flag', 1, 0, 0, 0);
          INSERT INTO workspace_entities (wid, first_period, first_import) VALUES (1, '2024', 1)
          """)
    }
    try queue.close()
    let workspace = try Workspace.open(at: path)
    #expect(try workspace.schemaVersion() == WorkspaceSchema.current)
    #expect(try workspace.judgements().isEmpty)
    #expect(try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM workspace_entities") } == 1)
  }

  @Test func anSQLiteFileWithoutTheSchemaIsNotAWorkspace() throws {
    let path = try temporaryDirectory().appendingPathComponent("other.db").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
    try queue.close()
    #expect {
      _ = try Workspace.open(at: path)
    } throws: { error in "\(error)".contains("without a tierscan schema_version table") }
  }

  @Test func aDamagedFileIsAClearError() throws {
    let directory = try temporaryDirectory()
    let path = directory.appendingPathComponent("w.db").path
    _ = try Workspace.create(at: path)
    // Keep the SQLite header, overwrite the rest of the first page and beyond with noise.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    for i in 16..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
    try bytes.write(to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: path + "-wal")
    try? FileManager.default.removeItem(atPath: path + "-shm")
    #expect(throws: WorkspaceError.self) { _ = try Workspace.open(at: path).periods() }
  }

  /// A re-export with renumbered ids keeps every workspace id when identifiers match; an id
  /// reused for a supplier with another LEI is a new entity, and the one dropped is retired.
  @Test func renumberedIdsKeepTheirWorkspaceIdsByIdentifier() throws {
    let directory = try temporaryDirectory()
    let path = directory.appendingPathComponent("w.db").path
    let workspace = try Workspace.create(at: path)
    let header = "id,name,kind,country,sector,commodities,lei,duns,vat,cid\n"
    let first = directory.appendingPathComponent("first.csv")
    try write(
      header + "BUY,Buyer plc,company,GB,,,213800B21D2C4B059857,,,\n"
        + "S-1,Alpha Ltd,company,GB,,,2138003831039283D272,,,\n"
        + "S-2,Beta Ltd,company,GB,,,,123456789,,\n"
        + "S-3,Gamma Ltd,company,GB,,,2138006F2479A8823E57,,,\n", to: first)
    let second = directory.appendingPathComponent("second.csv")
    // Renumbered: Alpha is now S-10, Beta S-20, Gamma dropped, and S-1 now names Delta (other LEI).
    try write(
      header + "BUY,Buyer plc,company,GB,,,213800B21D2C4B059857,,,\n"
        + "S-10,Alpha Ltd,company,GB,,,2138003831039283D272,,,\n"
        + "S-20,Beta Ltd,company,GB,,,,123456789,,\n"
        + "S-1,Delta Ltd,company,GB,,,2138003E3D90BBC76878,,,\n", to: second)
    let one = try workspace.importPeriod(WorkspaceImportRequest(period: "2024", inputs: [first.path], source: "suppliers"))
    #expect(one.newEntities == 4 && one.retired == 0)
    let two = try workspace.importPeriod(WorkspaceImportRequest(period: "2025", inputs: [second.path], source: "suppliers"))
    #expect(two.newEntities == 1)  // Delta only
    #expect(two.retired == 1)  // Gamma
    #expect(two.filesCarried == 0 && two.replacedSources.isEmpty)
    let alpha = try workspace.history(of: "S-10")
    #expect(try workspace.history(of: "2138003831039283D272").wid == alpha.wid)
    #expect(alpha.periods.map(\.status) == ["reported", "reported"])
    #expect(alpha.periods.map(\.id) == ["S-1", "S-10"])
    let delta = try workspace.history(of: "2138003E3D90BBC76878")
    #expect(delta.wid != alpha.wid)
    #expect(delta.periods.map(\.status) == ["absent", "reported"])
    let gamma = try workspace.history(of: "S-3")
    #expect(gamma.periods.map(\.status) == ["reported", "retired"])
    #expect(gamma.periods.last?.retirement == "last present in 2024, policy flag, review open")
    #expect(try workspace.problems().isEmpty)
    // Re-importing 2024 later recomputes 2025's retirements from it (still Gamma only).
    let again = try workspace.importPeriod(
      WorkspaceImportRequest(period: "2024", inputs: [first.path], source: "suppliers", retirement: .expire))
    #expect(again.replacedSources == ["suppliers"] && again.newEntities == 0)
    #expect(try workspace.history(of: "S-3").periods.map(\.status) == ["reported", "retired"])
    #expect {
      _ = try workspace.history(of: "NOPE")
    } throws: { error in "\(error)".contains("NOPE: no entity") }
  }

  /// Suppliers renumbered without identifiers: entity resolution keeps the workspace id on a
  /// `same` decision (names and addresses agree), sends a `possible` one to review, and a `same`
  /// judgement recorded after review keeps the id when the period is imported again.
  @Test func renumberedSuppliersWithoutIdentifiersKeepTheirIdsByResolutionAndJudgement() throws {
    let directory = try temporaryDirectory()
    let workspace = try Workspace.create(at: directory.appendingPathComponent("w.db").path)
    let header = "id,name,kind,country,address\n"
    let first = directory.appendingPathComponent("first.csv")
    try write(
      header + "BUY,Buyer plc,company,GB,1 High Street London\n"
        + "S-1,Shanghai Weijie Garment Co. Ltd,company,CN,88 Jinhai Road Fengxian Shanghai\n"
        + "S-2,Dhaka Knit Composite Ltd,company,BD,\n"
        + "S-3,Ambathur Clothing Pvt Ltd,company,IN,\n"
        + "S-4,Bursa Denim Tekstil,company,TR,Organize Sanayi Bolgesi Bursa\n", to: first)
    let second = directory.appendingPathComponent("second.csv")
    try write(
      header + "BUY,Buyer plc,company,GB,1 High Street London\n"
        + "N-1,Shanghai Weijie Garment Co.,company,CN,88 Jinhai Rd Fengxian Shanghai\n"
        + "N-2,Dhaka Knit Composite Ltd,company,BD,\n"
        + "N-3,Ambathur Clothing Pvt. Ltd.,company,IN,\n"
        + "N-4,Bursa Denim Tekstil,company,TR,Organize Sanayi Bolgesi Bursa\n", to: second)
    _ = try workspace.importPeriod(WorkspaceImportRequest(period: "2024", inputs: [first.path], source: "suppliers"))
    // A reviewer has already said S-4 and N-4 are different (a namesake): the engine may not join them.
    let judgements = directory.appendingPathComponent("judgements.csv")
    try write("left,right,decision,reviewer,decided_on\nS-4,BUY,not_same,J. Doe,2025-01-10\n", to: judgements)
    _ = try workspace.importJudgements(file: judgements.path, period: "2024")
    try write("left,right,decision,reviewer,decided_on\nN-4,S-4,not_same,J. Doe,2025-01-10\n", to: judgements)
    _ = try workspace.importJudgements(file: judgements.path, period: "2024")

    let two = try workspace.importPeriod(WorkspaceImportRequest(period: "2025", inputs: [second.path], source: "suppliers"))
    #expect(two.keptByResolution == 1 && two.keptByJudgement == 0)
    #expect(two.newEntities == 3)  // N-2, N-3 (possible: no addresses) and N-4 (vetoed)
    #expect(two.sentToReview == 2)
    #expect(two.retired == 3)
    let s1 = try workspace.history(of: "S-1")
    #expect(try workspace.history(of: "N-1").wid == s1.wid)
    #expect(s1.periods.map(\.id) == ["S-1", "N-1"])
    #expect(s1.periods.last?.resolution.first?.hasPrefix("kept the workspace id of W2 S-1 by entity resolution (same, similarity ") == true)
    let n2 = try workspace.history(of: "N-2")
    #expect(n2.wid != (try workspace.history(of: "S-2")).wid)
    #expect(n2.periods.last?.resolution == ["may be W3 S-2: entity resolution (possible, similarity 1.0), sent to review"])
    #expect(try workspace.history(of: "N-4").periods.last?.resolution == [])

    // The reviewer settles N-3: the same supplier. Importing 2025 again keeps S-3's id for it,
    // and the provisional id N-2 got stays N-2's (no churn).
    _ = try workspace.recordJudgement(
      WorkspaceJudgementRequest(
        left: "N-3", right: "S-3", decision: "same", reviewer: "J. Doe", decidedOn: "2025-02-01", period: "2025"))
    let again = try workspace.importPeriod(WorkspaceImportRequest(period: "2025", inputs: [second.path], source: "suppliers"))
    #expect(again.keptByJudgement == 1, "\(again)")
    #expect(again.keptByResolution == 0 && again.newEntities == 0)  // N-1 now matches S-1's id by its own id
    #expect(try workspace.history(of: "N-3").wid == (try workspace.history(of: "S-3")).wid)
    #expect(try workspace.history(of: "N-3").periods.last?.resolution == ["kept the workspace id of W4 S-3 by judgement J3"])
    #expect(try workspace.history(of: "N-2").wid == n2.wid)
    #expect(again.retired == 2)  // S-2 and S-4 remain retired; S-3 is back
    #expect(try workspace.problems().isEmpty)
  }

  @Test func periodLabelsAreChecked() throws {
    let path = try temporaryDirectory().appendingPathComponent("w.db").path
    let workspace = try Workspace.create(at: path)
    #expect(throws: WorkspaceError.self) {
      _ = try workspace.importPeriod(WorkspaceImportRequest(period: "2025/Q1", inputs: ["x.csv"]))
    }
    #expect(throws: WorkspaceError.self) {
      _ = try workspace.importPeriod(WorkspaceImportRequest(period: "2025", inputs: ["/nonexistent/tierscan/x.csv"]))
    }
    #expect(try workspace.periods().isEmpty)
  }
}
