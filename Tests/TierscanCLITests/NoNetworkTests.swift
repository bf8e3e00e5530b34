import Foundation
import Testing
import TierscanTestSupport

/// tierscan never touches the network and never opens a file it was not given: runs under
/// `strace -f` over every hostile XML and XLSX file (XXE by file and by URL, external DTDs,
/// XInclude, schemaLocation, stylesheet PIs, relationship targets that point outside the
/// package), then checks every attempted open and every network call.
@Suite(.enabled(if: StraceTool.path != nil, "strace is not installed"))
struct NoNetworkTests {
  /// System locations the loader and the runtime may read.
  static let systemPrefixes = ["/proc/", "/sys/", "/dev/", "/etc/", "/usr/", "/lib/", "/lib64/"]

  @Test func scanOpensOnlyItsInputsAndOutput() throws {
    let work = try scratch()
    defer { try? FileManager.default.removeItem(at: work) }
    let out = work.appendingPathComponent("out")
    let inputs = ["Tests/Fixtures/csv/valid", "Tests/Fixtures/hostile/xml", "Tests/Fixtures/hostile/xlsx"]
    let calls = try trace(["scan"] + inputs + ["--focus", "ACME", "--out", out.path], log: work.appendingPathComponent("log"))
    try check(calls, inputs: inputs, output: out)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
  }

  @Test func validateOpensOnlyItsInputs() throws {
    let work = try scratch()
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = ["Tests/Fixtures/hostile/xml", "Tests/Fixtures/hostile/xlsx/xxe-part.xlsx", "Tests/Fixtures/xml"]
    let calls = try trace(["validate"] + inputs, log: work.appendingPathComponent("log"))
    try check(calls, inputs: inputs, output: nil)
  }

  private func scratch() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-strace-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The traced lines of one run (`open`, `openat` and every network system call).
  private func trace(_ arguments: [String], log: URL) throws -> [String] {
    let binary = try #require(TierscanBinary.url)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(StraceTool.path))
    process.arguments = ["-f", "-qq", "-e", "trace=network,open,openat", "-o", log.path, binary.path] + arguments
    process.currentDirectoryURL = TierscanBinary.root
    if HostileRunner.sanitized {
      var environment = ProcessInfo.processInfo.environment
      environment["ASAN_OPTIONS"] = "detect_leaks=0"  // leak reports would change the exit code
      process.environment = environment
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2)  // the hostile inputs are errors
    return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  private func check(_ calls: [String], inputs: [String], output: URL?) throws {
    #expect(!calls.isEmpty)
    let network = calls.filter { $0.contains("socket(") || $0.contains("connect(") || $0.contains("sendto(") }
    #expect(network.isEmpty, "network calls: \(network.prefix(5))")
    let binaryDirectory = try #require(TierscanBinary.url).deletingLastPathComponent().resolvingSymlinksInPath().path
    let paths = calls.compactMap(Self.openedPath).map { path in
      path.hasPrefix("/") ? path : TierscanBinary.root.appendingPathComponent(path).standardizedFileURL.path
    }
    // The Swift runtime is wherever the loader found libswiftCore.
    let runtime = Set(paths.filter { $0.hasSuffix("/libswiftCore.so") }.map { ($0 as NSString).deletingLastPathComponent })
    var allowed = inputs.map { TierscanBinary.root.appendingPathComponent($0).standardizedFileURL.path }
    allowed.append(binaryDirectory)
    allowed += runtime
    var temporaryPrefixes: [String] = []
    if let output {
      let parent = output.deletingLastPathComponent().path
      allowed.append(output.path)
      // The run's uniquely named temporaries (`.NAME.tierscan-tmp-XXXXXX`, `.NAME.tierscan-old-XXXXXX`).
      temporaryPrefixes.append("\(parent)/.\(output.lastPathComponent).tierscan-")
    }
    // ThreadSanitizer maps its own /tmp/tsan.rodata.PID file.
    let sanitizerFiles = HostileRunner.sanitized ? ["/tmp/tsan."] : []
    let stray = paths.filter { path in
      !(Self.systemPrefixes + sanitizerFiles + temporaryPrefixes).contains { path.hasPrefix($0) }
        && !allowed.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
    #expect(stray.isEmpty, "opened outside the inputs and output: \(Set(stray).sorted().prefix(10))")
    #expect(!paths.contains { $0.hasSuffix("/etc/passwd") || $0.hasSuffix("/etc/hostname") })
  }

  /// The path of an `open`/`openat` line (attempted, whatever the result).
  static func openedPath(_ line: String) -> String? {
    guard line.contains("open(") || line.contains("openat(") else { return nil }
    guard let first = line.firstIndex(of: "\"") else { return nil }
    let rest = line[line.index(after: first)...]
    guard let last = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<last])
  }
}

/// Where `strace` is, if installed.
enum StraceTool {
  static let path = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
