import Foundation
import Testing

/// `tierscan scan` and the two Python baselines (Scripts/baselines) must write byte-identical
/// `exposures.csv` on generated data: the benchmarks compare like with like only then.
/// Skipped (with the reason) when python3 or a baseline's modules are missing.
@Suite(.serialized) struct BaselineEquivalenceTests {
  /// 2,000 entities / 10,000 relationships, seed 7, generated once per test run.
  private static let data: URL? = {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tierscan-baseline-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: directory)
    let status = Python.run([
      script("generate.py"), "--entities", "2000", "--relationships", "10000", "--seed", "7", "--out", directory.path,
    ])
    return status == 0 ? directory : nil
  }()

  private static func script(_ path: String) -> String {
    TierscanBinary.root.appendingPathComponent("Scripts").appendingPathComponent(path).path
  }

  /// `tierscan scan DATA --focus F0 --out DIR`'s exposures.csv.
  private static let tierscanExposures: [UInt8]? = {
    guard let data else { return nil }
    let out = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-out")
    try? FileManager.default.removeItem(at: out)
    guard let result = try? TierscanBinary.run(["scan", data.path, "--focus", "F0", "--out", out.path]) else { return nil }
    // Exit 0 (nothing to fail on) is expected; warnings (unknown endpoints) go to stderr.
    guard result.status == 0 else { return nil }
    return try? Array(Data(contentsOf: out.appendingPathComponent("exposures.csv")))
  }()

  private static func baseline(_ name: String) throws -> [UInt8] {
    let data = try #require(Self.data, "Scripts/generate.py failed")
    let out = data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-\(name).csv")
    let status = Python.run([script("baselines/\(name).py"), data.path, "--focus", "F0", "--out", out.path])
    try #require(status == 0, "\(name).py exited with \(status)")
    return Array(try Data(contentsOf: out))
  }

  @Test(.enabled(if: Python.has(["numpy", "networkx"]), "needs python3 with numpy and networkx"))
  func networkxBaselineWritesTheSameExposures() throws {
    let ours = try #require(Self.tierscanExposures, "tierscan scan failed")
    let theirs = try Self.baseline("networkx_scan")
    #expect(ours.count > 1_000)
    #expect(Self.firstDifference(ours, theirs) == nil)
  }

  @Test(.enabled(if: Python.has(["numpy", "pyarrow"]), "needs python3 with numpy and pyarrow"))
  func numpyBaselineWritesTheSameExposures() throws {
    let ours = try #require(Self.tierscanExposures, "tierscan scan failed")
    let theirs = try Self.baseline("numpy_scan")
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
