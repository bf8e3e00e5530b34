import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Issue #14, class 6 (outputs): tierscan never deletes or replaces what it did not create —
/// folders named like its temporaries, devices, links, pipes — refuses `--out ''` and an export
/// over a directory with a sentence, and concurrent runs on one `--out` leave a consistent directory.
@Suite struct HostileOutputTests {
  private let valid = HostileCorpus.validInputs

  private func workspace() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-outputs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func foldersNamedLikeItsTemporariesAreNeverTouched() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let user = ["out.tierscan-tmp", "out.tierscan-old", ".out.tierscan-tmp", ".out.tierscan-old"]
    for name in user {
      let folder = work.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      // Even files with output names inside stay.
      try Data("user data \(name)".utf8).write(to: folder.appendingPathComponent("exposures.csv"))
    }
    let out = work.appendingPathComponent("out").path
    for _ in 0..<2 {
      let result = try HostileRunner.run(["scan", valid, "--focus", "ACME", "--out", out])
      #expect(result.status == 0, "\(result.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == (user + ["out"]).sorted())
    for name in user {
      let kept = try String(contentsOf: work.appendingPathComponent(name + "/exposures.csv"), encoding: .utf8)
      #expect(kept == "user data \(name)")
    }
  }

  @Test(arguments: [
    ["scan", "Tests/Fixtures/csv/valid", "--focus", "ACME", "--out", ""],
    ["statement", "Tests/Fixtures/csv/valid", "--focus", "ACME", "--year", "2025", "--out", ""],
    ["cmrt", "Tests/Fixtures/csv/valid", "--out", ""],
    ["export", "Tests/Fixtures/csv/valid", "--format", "json", "--out", ""],
  ])
  func anEmptyOutIsAUsageError(_ arguments: [String]) throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let absolute = arguments.map { $0.hasPrefix("Tests/") ? TierscanBinary.root.appendingPathComponent($0).path : $0 }
    let result = try TierscanBinary.run(absolute, in: work)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--out is empty"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
  }

  @Test func exportOverADirectoryIsASentence() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let result = try HostileRunner.run(["export", valid, "--format", "json", "--out", work.path])
    #expect(result.status == 64)
    #expect(result.stderr == "error: output: \(work.path): is a directory; give a file name for the export (for example \(work.path)/graph.json)\n")
  }

  @Test func exportThroughALinkToStdoutKeepsTheLink() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    // The same magic link as /dev/stdout, in a scratch directory (a regression must not break /dev).
    let link = work.appendingPathComponent("stdout").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
    let result = try HostileRunner.run(["export", valid, "--format", "dot", "--out", link])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("digraph"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/proc/self/fd/1")
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["stdout"])
  }

  @Test func exportToAFIFOOrDeviceWritesThrough() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let fifo = work.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Thread {
      // Opening blocks until the writer opens; reading ends when it closes.
      let descriptor = open(fifo, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 65536)
      while descriptor >= 0, read(descriptor, &buffer, buffer.count) > 0 {}
      close(descriptor)
    }
    reader.start()
    let result = try HostileRunner.run(["export", valid, "--format", "json", "--out", fifo])
    #expect(result.status == 0, "\(result.stderr)")
    var status = stat()
    #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    // A private null device (1,3) where the system allows creating one.
    let device = work.appendingPathComponent("null").path
    if mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 {
      let written = try HostileRunner.run(["export", valid, "--format", "json", "--out", device])
      #expect(written.status == 0)
      #expect(lstat(device, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }
    // And a link to a regular file stays a link; the file it names is replaced.
    let target = work.appendingPathComponent("graph.json")
    try Data("old".utf8).write(to: target)
    let link = work.appendingPathComponent("latest.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "graph.json")
    #expect(try HostileRunner.run(["export", valid, "--format", "json", "--out", link]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "graph.json")
    #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["graph.json", "latest.json", "null", "pipe"].filter {
      FileManager.default.fileExists(atPath: work.appendingPathComponent($0).path) || $0 == "pipe"
    })
  }

  /// Two scans of different inputs into one `--out`, at once, several times: every time the
  /// directory's files are exactly those its manifest lists, with the digests it gives.
  @Test func concurrentRunsLeaveADirectoryThatMatchesItsManifest() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let out = work.appendingPathComponent("out")
    let variants = [
      ["scan", valid, "--focus", "ACME", "--out", out.path],
      ["scan", valid, "Tests/Fixtures/hostile/csv/r2-share-trailing-zeros.csv", "--focus", "ACME", "--with-graph", "--out", out.path],
    ]
    for _ in 0..<4 {
      let results = ConcurrentResults()
      DispatchQueue.concurrentPerform(iterations: 2) { i in
        results.set(i, (try? HostileRunner.run(variants[i], seconds: 60))?.status ?? -1)
      }
      #expect(results.statuses.allSatisfy { $0 == 0 }, "\(results.statuses)")
      let manifest = try JSONParser.parse(bytes: Array(try Data(contentsOf: out.appendingPathComponent("manifest.json"))))
      let listed = try #require(manifest["outputs"]?.arrayValue)
      var names = ["manifest.json"]
      for entry in listed {
        let name = try #require(entry["file"]?.stringValue)
        names.append(name)
        let bytes = Array(try Data(contentsOf: out.appendingPathComponent(name)))
        #expect(SHA256.hexDigest(of: bytes) == entry["sha256"]?.stringValue, "\(name) disagrees with the manifest")
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names.sorted())
      #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["out"])
    }
  }
}

/// Exit statuses collected from concurrent runs.
private final class ConcurrentResults: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int: Int32] = [:]
  func set(_ index: Int, _ status: Int32) { lock.withLock { values[index] = status } }
  var statuses: [Int32] { lock.withLock { values.keys.sorted().map { values[$0]! } } }
}
