import Foundation
import Testing
import TierscanTestSupport

/// Issue #14, class 5: a single long chain with `max_depth` raised made `paths.json` quadratic
/// (each entity's path lists every hop back to the source: 337 MB from 54 KB of input). Paths
/// now list at most `--max-path-hops` hops each (those nearest the entity), fewer when the
/// listing would exceed `--max-total-path-hops`, and count the rest in `hops_omitted` with the
/// warning `paths-truncated`; `paths --entity` still gives one whole path.
@Suite struct HostileChainTests {
  static let length = 2_000

  /// `generated/chain-2000/`: `C2000 → C1999 → … → C0`, C2000 on the risk list, and a
  /// configuration with `max_depth` 1,000,000 (every entity is exposed: the score stops at the
  /// smallest subnormal doubles instead of reaching 0). Written once per test process: the
  /// tests run in parallel, and a test rewriting the files while another's run reads them made
  /// that run report `file-changed` (as it should) and fail.
  static func write() throws -> URL { try chain.get() }

  /// The configuration with `max_depth` 1,000,000, written once like ``write()``.
  static func config() throws -> URL { try maxDepthConfig.get() }

  private static let chain = Result<URL, any Error> {
    let directory = HostileCorpus.generated.appendingPathComponent("chain-\(length)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var entities = "id,name,kind,country\n"
    var relationships = "from,to,type\n"
    for i in 0...length { entities += "C\(i),Company \(i),company,GB\n" }
    for i in stride(from: length, to: 0, by: -1) { relationships += "C\(i),C\(i - 1),supplies\n" }
    try Data(entities.utf8).write(to: directory.appendingPathComponent("entities.csv"), options: .atomic)
    try Data(relationships.utf8).write(to: directory.appendingPathComponent("relationships.csv"), options: .atomic)
    try Data("list,name,category,country\nL,Company \(length),forced_labour,GB\n".utf8)
      .write(to: directory.appendingPathComponent("risk_list.csv"), options: .atomic)
    return directory
  }

  private static let maxDepthConfig = Result<URL, any Error> {
    let file = HostileCorpus.generated.appendingPathComponent("chain-max-depth.json")
    try Data(#"{"max_depth": 1000000}"#.utf8).write(to: file, options: .atomic)
    return file
  }

  /// The `paths.json` objects of a scan with `extra` options, with the run.
  static func scan(_ extra: [String]) throws -> (HostileRunner.Result, [[String: Any]], Int) {
    let out = TestScratch.directory.appendingPathComponent("tierscan-chain-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try HostileRunner.run(
      ["scan", try write().path, "--focus", "C0", "--config", try config().path, "--out", out.path] + extra, seconds: 120)
    let data = (try? Data(contentsOf: out.appendingPathComponent("paths.json"))) ?? Data()
    let objects = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []
    return (result, objects, data.count)
  }

  /// Every path lists `listed` hops nearest its entity (all of a shorter one) and counts the rest.
  static func checkListed(_ objects: [[String: Any]], listed: Int) {
    #expect(objects.count == length + 1)
    for object in objects {
      let entity = object["entity_id"] as? String ?? ""
      let length = Self.length - (Int(entity.dropFirst()) ?? -1_000_000)  // C_k is length − k hops from the source
      let hops = object["hops"] as? [[String: Any]] ?? []
      let omitted = object["hops_omitted"] as? Int ?? 0
      #expect(hops.count == min(length, listed) && omitted == length - hops.count, "\(entity): \(hops.count) + \(omitted)")
      if let last = hops.last { #expect(last["to"] as? String == entity) }
      if omitted > 0 { #expect(hops.first?["from"] as? String == "C\(Self.length - omitted)") }
      #expect(omitted == 0 ? object["hops_omitted"] == nil : true)
    }
  }

  @Test func longChainListsAtMostMaxPathHopsPerPath() throws {
    let (result, objects, size) = try Self.scan(["--max-path-hops", "20"])
    #expect(!result.timedOut && !result.signalled, "scan took \(result.seconds) s or was killed")
    #expect(result.status == 0, "\(result.stderr.suffix(500))")
    #expect(
      result.stderr.contains(
        "tierscan: warning: paths-truncated: 1980 of 2001 exposure path(s) are longer than paths.json lists (20 hops: "
          + "--max-path-hops 20), the longest 2000 hops (C0, forced_labour)"))
    Self.checkListed(objects, listed: 20)
    // Whole, the 2,001 paths would list 2,001,000 hops (about 600 MB); 20 each is 40,000.
    #expect(size < 20_000_000, "paths.json is \(size) bytes")
  }

  @Test func totalLimitLowersEveryPathAlike() throws {
    // Σ min(length, 2) = 3,999 ≤ 5,000 < Σ min(length, 3) = 5,997: two hops each.
    let (result, objects, _) = try Self.scan(["--max-total-path-hops", "5000"])
    #expect(!result.timedOut && !result.signalled, "scan took \(result.seconds) s or was killed")
    #expect(result.status == 0, "\(result.stderr.suffix(500))")
    #expect(
      result.stderr.contains(
        "paths-truncated: 1998 of 2001 exposure path(s) are longer than paths.json lists (2 hops: --max-path-hops 100 "
          + "lowered so that the listing holds at most --max-total-path-hops (5000) hops)"))
    Self.checkListed(objects, listed: 2)
  }

  @Test func pathsCommandCountsOmittedHopsAndListsOneEntityWhole() throws {
    let input = try Self.write().path
    let config = try Self.config().path
    let some = try HostileRunner.run(
      ["paths", input, "--focus", "C0", "--config", config, "--format", "csv", "--max-path-hops", "3"], seconds: 120)
    #expect(some.status == 0, "\(some.stderr.suffix(500))")
    #expect(some.stderr.contains("paths-truncated: 1997 of 2001 exposure path(s) are longer than `tierscan paths` lists"))
    // C0's three hops keep their numbers along the whole path: 1998, 1999, 2000.
    let c0 = some.stdout.split(separator: "\n").filter { $0.hasPrefix("C0,") && $0.contains(",hop,") }
    #expect(c0.map { $0.split(separator: ",")[6] } == ["1998", "1999", "2000"])
    let whole = try HostileRunner.run(
      ["paths", input, "--focus", "C0", "--config", config, "--entity", "C0", "--format", "csv"], seconds: 120)
    #expect(whole.status == 0, "\(whole.stderr.suffix(500))")
    #expect(!whole.stderr.contains("paths-truncated"))
    #expect(whole.stdout.split(separator: "\n").filter { $0.hasPrefix("C0,") && $0.contains(",hop,") }.count == Self.length)
  }
}
