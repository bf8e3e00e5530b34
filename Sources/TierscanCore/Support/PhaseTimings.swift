import Foundation

/// Opt-in phase timings for benchmarks (`TIERSCAN_TIMINGS=1`): the CLI installs a recorder as
/// the task-local ``current`` and prints ``report`` to stderr. Library code records phases only
/// when a recorder is installed, so nothing observable changes otherwise; timings never reach
/// output files.
public final class PhaseTimings: @unchecked Sendable {
  /// The recorder of the running command, if any.
  @TaskLocal public static var current: PhaseTimings?

  private let lock = NSLock()
  private var phases: [(name: String, seconds: Double, counts: [(String, Int)], memory: String?)] = []

  /// Creates an empty recorder.
  public init() {}

  /// Runs `body` and records its wall time under `name` with optional work counts
  /// (`bytes`, `rows`, `relaxations`…) that the report turns into rates.
  public func measure<T, E: Error>(_ name: String, counts: [(String, Int)] = [], _ body: () throws(E) -> T) throws(E) -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, counts: counts)
    return value
  }

  /// Records a phase measured elsewhere.
  public func record(_ name: String, seconds: Double, counts: [(String, Int)] = []) {
    lock.lock()
    defer { lock.unlock() }
    phases.append((name, seconds, counts, Self.memory()))
  }

  /// Adds work counts to the latest phase called `name`.
  public func addCounts(_ name: String, _ counts: [(String, Int)]) {
    lock.lock()
    defer { lock.unlock() }
    guard let i = phases.lastIndex(where: { $0.name == name }) else { return }
    phases[i].counts += counts
  }

  /// One line per phase: `timing: NAME SECONDS s [COUNT UNIT (RATE UNIT/s)]…`.
  public var report: String {
    lock.lock()
    defer { lock.unlock() }
    var text = ""
    for phase in phases {
      text += "timing: \(phase.name) " + String(format: "%.3f s", phase.seconds)
      for (unit, count) in phase.counts {
        let rate = phase.seconds > 0 ? Double(count) / phase.seconds : 0
        text += unit == "bytes"
          ? String(format: ", %.1f MB (%.1f MB/s)", Double(count) / 1e6, rate / 1e6)
          : ", \(count) \(unit) (" + String(format: "%.0f", rate) + " \(unit)/s)"
      }
      if let memory = phase.memory { text += ", " + memory }
      text += "\n"
    }
    return text
  }

  /// Resident and peak resident memory at the end of a phase (`rss 957 MB, peak 1372 MB`), read
  /// from `/proc/self/status`, and the process's CPU time so far (user + system, all threads:
  /// `cpu 12.4 s`; the difference between two phases is the CPU the later one used, which on a
  /// loaded machine says more than its wall time); `nil` where that file does not exist.
  private static func memory() -> String? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    func megabytes(_ key: String) -> Int? {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
      return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 / 1024 }
    }
    guard let rss = megabytes("VmRSS"), let peak = megabytes("VmHWM") else { return nil }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return "rss \(rss) MB, peak \(peak) MB, cpu " + String(format: "%.2f s", cpu)
  }
}

extension PhaseTimings {
  /// Runs `body`, recording its wall time under `name` in the ``current`` recorder when one is
  /// installed (`TIERSCAN_TIMINGS=1`); without one it only runs `body`.
  public static func phase<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
    guard let timings = current else { return try body() }
    return try timings.measure(name, body)
  }
}
