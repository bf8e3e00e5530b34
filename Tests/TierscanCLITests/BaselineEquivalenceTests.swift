import Foundation
import Testing
import TierscanTestSupport

/// `tierscan scan` and the two Python baselines (Scripts/baselines) must write byte-identical
/// `exposures.csv` on generated data: the benchmarks compare like with like only then.
/// The baselines implement model §3 without the `name-fuzzy` rule, so tierscan runs with
/// `{"list_match_score": {"name-fuzzy": 0}}` (a fuzzy hit then adds a rule of score 0, which never
/// makes an exposure). Two generated cases: the classic shape and the realistic shape of issue #21
/// (aliases, LEI/DUNS/CID, name variants, ownership over 100 %).
/// Skipped (with the reason) when python3 or a baseline's modules are missing.
@Suite(.serialized) struct BaselineEquivalenceTests {
  /// Classic shape: 2,000 entities / 10,000 relationships, seed 7, generated once per test run.
  private static let data: URL? = generated("classic", entities: 2000, relationships: 10000, seed: 7)
  /// Realistic shape: 3,000 entities / 15,000 relationships, seed 5.
  private static let realistic: URL? = generated("realistic", entities: 3000, relationships: 15000, seed: 5)

  private static func generated(_ shape: String, entities: Int, relationships: Int, seed: Int) -> URL? {
    let directory = TestScratch.directory
      .appendingPathComponent("tierscan-baseline-\(shape)-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: directory)
    let status = Python.run([
      script("generate.py"), "--shape", shape, "--entities", "\(entities)", "--relationships", "\(relationships)",
      "--seed", "\(seed)", "--out", directory.path,
    ])
    return status == 0 ? directory : nil
  }

  private static func script(_ path: String) -> String {
    TierscanBinary.root.appendingPathComponent("Scripts").appendingPathComponent(path).path
  }

  /// `tierscan scan DATA --focus F0 --config NOFUZZY --out DIR`'s exposures.csv.
  private static func tierscanExposures(_ data: URL?) -> [UInt8]? {
    guard let data else { return nil }
    let out = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-out")
    let config = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-nofuzzy.json")
    try? FileManager.default.removeItem(at: out)
    guard (try? Data(#"{"list_match_score": {"name-fuzzy": 0}}"#.utf8).write(to: config)) != nil,
      let result = try? TierscanBinary.run(["scan", data.path, "--focus", "F0", "--config", config.path, "--out", out.path])
    else { return nil }
    // Exit 0 (nothing to fail on) is expected; warnings (unknown endpoints) go to stderr.
    guard result.status == 0 else { return nil }
    return try? Array(Data(contentsOf: out.appendingPathComponent("exposures.csv")))
  }

  private static let classicExposures: [UInt8]? = tierscanExposures(data)
  private static let realisticExposures: [UInt8]? = tierscanExposures(realistic)

  private static func baseline(_ name: String, on data: URL?) throws -> [UInt8] {
    let data = try #require(data, "Scripts/generate.py failed")
    let out = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-\(name).csv")
    let status = Python.run([script("baselines/\(name).py"), data.path, "--focus", "F0", "--out", out.path])
    try #require(status == 0, "\(name).py exited with \(status)")
    return Array(try Data(contentsOf: out))
  }

  @Test(.enabled(if: Python.has(["numpy", "networkx"]), "needs python3 with numpy and networkx"))
  func networkxBaselineWritesTheSameExposures() throws {
    let ours = try #require(Self.classicExposures, "tierscan scan failed")
    let theirs = try Self.baseline("networkx_scan", on: Self.data)
    #expect(ours.count > 1_000)
    #expect(Self.firstDifference(ours, theirs) == nil)
  }

  @Test(.enabled(if: Python.has(["numpy", "pyarrow"]), "needs python3 with numpy and pyarrow (pip install pyarrow)"))
  func numpyBaselineWritesTheSameExposures() throws {
    let ours = try #require(Self.classicExposures, "tierscan scan failed")
    let theirs = try Self.baseline("numpy_scan", on: Self.data)
    #expect(Self.firstDifference(ours, theirs) == nil)
  }

  /// The strong baseline of the benchmark suite on the shape the suite measures.
  @Test(.enabled(if: Python.has(["numpy", "pyarrow"]), "needs python3 with numpy and pyarrow (pip install pyarrow)"))
  func numpyBaselineWritesTheSameExposuresOnTheRealisticShape() throws {
    let ours = try #require(Self.realisticExposures, "tierscan scan failed")
    let theirs = try Self.baseline("numpy_scan", on: Self.realistic)
    #expect(ours.count > 5_000)
    #expect(Self.firstDifference(ours, theirs) == nil)
  }

  @Test(.enabled(if: Python.has(["numpy", "networkx"]), "needs python3 with numpy and networkx"))
  func networkxBaselineWritesTheSameExposuresOnTheRealisticShape() throws {
    let ours = try #require(Self.realisticExposures, "tierscan scan failed")
    let theirs = try Self.baseline("networkx_scan", on: Self.realistic)
    #expect(Self.firstDifference(ours, theirs) == nil)
  }

  /// The first differing line (1-based) with both versions, or `nil` when the bytes are equal.
  private static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
    if a == b { return nil }
    let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(left.count, right.count) {
      let l = i < left.count ? String(left[i]) : "<end>"
      let r = i < right.count ? String(right[i]) : "<end>"
      if l != r { return "line \(i + 1): tierscan '\(l)' vs baseline '\(r)'" }
    }
    return "same lines, different bytes"
  }
}

/// `python3` from PATH.
private enum Python {
  /// Runs `python3 arguments…` with output discarded; the exit status, or -1 when it cannot start.
  static func run(_ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Whether python3 can import every module in `modules`.
  static func has(_ modules: [String]) -> Bool {
    run(["-c", "import " + modules.joined(separator: ", ")]) == 0
  }
}
