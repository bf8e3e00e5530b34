import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, class 5: a risk list of 5,000 names against 5,000 entities whose names all
/// collide after normalisation exhausted 4 GiB (25 million matches, each with its evidence).
/// Now each entity lists at most `matching.max_list_matches_per_entity` rows per category and
/// the rest is counted in one warning; the scan stays under the runner's 2 GiB address space.
@Suite struct HostileCollisionTests {
  static let forms = ["Acme Ltd", "ACME LIMITED", "acme ltd.", "Acme  Ltd", "ACME Ltd"]

  /// Writes the case into `generated/NAME/`: 5,000 colliding entities supplying `FOCUS`, and
  /// 5,000 colliding risk-list rows (with a distinct alias each when `distinctAliases`, so that
  /// no two rows are alike).
  static func write(_ name: String, distinctAliases: Bool) throws -> URL {
    let directory = HostileCorpus.generated.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var entities = "id,name,kind,country\nFOCUS,Buyer Plc,company,GB\n"
    var relationships = "from,to,type\n"
    var list = "list,name,category,aliases\n"
    for i in 0..<5_000 {
      entities += "E\(i),\(forms[i % 5]),company,\n"
      relationships += "E\(i),FOCUS,supplies\n"
      list += "L,\(forms[i % 5]),forced_labour,\(distinctAliases ? "Alias \(i)" : "")\n"
    }
    try Data(entities.utf8).write(to: directory.appendingPathComponent("entities.csv"))
    try Data(relationships.utf8).write(to: directory.appendingPathComponent("relationships.csv"))
    try Data(list.utf8).write(to: directory.appendingPathComponent("risk_list.csv"))
    return directory
  }

  @Test(arguments: [false, true])
  func fiveThousandCollidingNamesScanWithinBounds(distinctAliases: Bool) throws {
    let input = try Self.write(distinctAliases ? "collide-5000-aliases" : "collide-5000", distinctAliases: distinctAliases)
    let out = TestScratch.directory.appendingPathComponent("tierscan-collide-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try HostileRunner.run(["scan", input.path, "--focus", "FOCUS", "--out", out.path], seconds: 90)
    #expect(!result.timedOut && !result.signalled, "scan took \(result.seconds) s or was killed")
    #expect(result.status == 0, "\(result.stderr.suffix(500))")
    #expect(
      result.stderr.contains(
        "risk_list.csv:22: warning: list-matches-not-listed: 24900000 risk-list match(es) of 4980 row(s) in forced_labour"))
    // 5,000 exposures of 20 listed rows each: tens of MB, not the gigabytes of 25 million.
    let paths = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("paths.json").path)
    let size = (paths[.size] as? NSNumber)?.intValue ?? 0
    #expect(size > 1_000_000 && size < 60_000_000, "paths.json is \(size) bytes")
    let exposures = try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
    #expect(exposures.split(separator: "\n").count == 5_002)
  }
}
