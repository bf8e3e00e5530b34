import Foundation
import TierscanTestSupport

/// Runs the `tierscan` binary under a time bound and an address-space bound, the way a hostile
/// input must be survivable: the process is killed at the deadline (a failure for the caller).
enum HostileRunner {
  /// What happened.
  struct Result {
    var status: Int32
    /// `true` when the process ended by a signal (a crash, or our kill at the deadline).
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
    var seconds: Double
  }

  /// 2 GiB of address space (`prlimit --as`), when `prlimit` is installed and the build is not
  /// sanitized (AddressSanitizer and ThreadSanitizer reserve terabytes of shadow address space).
  static let addressSpaceBytes = 2 << 30
  static let sanitized = (["__asan_init", "__tsan_init"] as [String]).contains { name in dlsym(nil, name) != nil }
  static let prlimit: String? = {
    if sanitized { return nil }
    return ["/usr/bin/prlimit", "/bin/prlimit"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs `tierscan arguments…` (or `executable arguments…`, e.g. `strace`) in the repository
  /// root, killed after `seconds`. The default bound catches hangs and super-linear paths (which
  /// take minutes on these inputs) while leaving room for a debug build on a loaded, shared
  /// machine (unloaded, every corpus case takes a few seconds at most).
  static func run(_ arguments: [String], executable: String? = nil, seconds: Double = 60) throws -> Result {
    guard let binary = executable.map({ URL(fileURLWithPath: $0) }) ?? TierscanBinary.url else {
      throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    if let prlimit, executable == nil {
      process.executableURL = URL(fileURLWithPath: prlimit)
      process.arguments = ["--as=\(addressSpaceBytes)", "--", binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    process.currentDirectoryURL = TierscanBinary.root
    if sanitized {
      // Leak reports (from Foundation) would change the exit code.
      var environment = ProcessInfo.processInfo.environment
      environment["ASAN_OPTIONS"] = "detect_leaks=0"
      process.environment = environment
    }
    let scratch = TestScratch.directory.appendingPathComponent("tierscan-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
      FileManager.default.createFile(atPath: errURL.path, contents: nil)
    else { throw CocoaError(.fileWriteUnknown) }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    var timedOut = false
    while process.isRunning {
      if Date().timeIntervalSince(start) > seconds {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        break
      }
      usleep(20_000)
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Result(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
      seconds: Date().timeIntervalSince(start))
  }
}
