import Foundation
import Testing
import TierscanTestSupport

/// Formula injection (SPEC §5): ids and names that start with `=`, `+`, `-` or `@` are warned
/// about at input and written with a leading `'` in every CSV tierscan writes.
@Suite struct HostileFormulaTests {
  private static func inputs() throws -> URL {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-formula-\(UUID().uuidString)")
    let inputs = directory.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try Data("id,name,country\nACME,Acme Ltd,GB\n\"=HYPERLINK(\"\"http://x\"\")\",@SUM(1),CN\n+SUPP,-minus co,CN\n".utf8)
      .write(to: inputs.appendingPathComponent("entities.csv"))
    try Data("from,to,type\n\"=HYPERLINK(\"\"http://x\"\")\",ACME,supplies\n+SUPP,ACME,supplies\n".utf8)
      .write(to: inputs.appendingPathComponent("relationships.csv"))
    try Data("country,category,score\nCN,forced_labour,0.9\n".utf8).write(to: inputs.appendingPathComponent("country_risk.csv"))
    return directory
  }

  /// The cells of a CSV text (RFC 4180 quoting), row by row.
  static func cells(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
          } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" { quoted = true }
      else if c == "," { row.append(field); field = "" }
      else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
      else { field.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }

  private static func expectNeutralised(_ csv: String) {
    for row in cells(csv) {
      for cell in row {
        #expect(!["=", "+", "-", "@"].contains(cell.first), "cell '\(cell)' can start a formula")
      }
    }
  }

  @Test func exposuresAndPathsCSVNeutraliseFormulas() throws {
    let directory = try Self.inputs()
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputs = directory.appendingPathComponent("in").path
    let out = directory.appendingPathComponent("out")
    let scan = try HostileRunner.run(["scan", inputs, "--focus", "ACME", "--out", out.path])
    #expect(scan.status == 0)
    #expect(scan.stderr.contains("entities.csv:3: warning: formula-like-id: id '=HYPERLINK(\"http://x\")'"))
    #expect(scan.stderr.contains("entities.csv:4: warning: formula-like-id: id '+SUPP'"))
    #expect(scan.stderr.contains("relationships.csv:2: warning: formula-like-id: from '=HYPERLINK(\"http://x\")'"))
    let exposures = try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
    // By hand: both CN suppliers are sources (0.9, critical, tier 1); ACME gets 0.9 × 0.9 (declared) × 0.85.
    #expect(
      exposures == """
        entity_id,name,kind,country,tier,category,score,level,hops,source_id
        '+SUPP,'-minus co,company,CN,1,forced_labour,0.9,critical,0,'+SUPP
        "'=HYPERLINK(""http://x"")",'@SUM(1),company,CN,1,forced_labour,0.9,critical,0,"'=HYPERLINK(""http://x"")"
        ACME,Acme Ltd,company,GB,0,forced_labour,0.6885,high,1,'+SUPP

        """)
    Self.expectNeutralised(exposures)
    let paths = try HostileRunner.run(["paths", inputs, "--focus", "ACME", "--format", "csv"])
    #expect(paths.status == 0)
    #expect(paths.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    Self.expectNeutralised(paths.stdout)
  }
}
