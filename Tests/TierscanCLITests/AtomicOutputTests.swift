import Foundation
import Testing
import TierscanTestSupport

/// Scan outputs are written into a temporary sibling and renamed into place; an output inside
/// an input directory or over an input is refused, and a failed write keeps the previous output.
@Suite struct AtomicOutputTests {
  private let valid = TierscanBinary.root.appendingPathComponent("Tests/Fixtures/csv/valid")

  private func workspace() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A private copy of the valid inputs.
  private func copyInputs(into work: URL) throws -> URL {
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.copyItem(at: valid, to: inputs)
    return inputs
  }

  private func snapshot(_ directory: URL) -> [String: Data] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var result: [String: Data] = [:]
    for name in names { result[name] = try? Data(contentsOf: directory.appendingPathComponent(name)) }
    return result
  }

  @Test func refusesOutputInsideAnInputDirectory() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = try copyInputs(into: work)
    let before = snapshot(inputs)
    let result = try HostileRunner.run(["scan", inputs.path, "--focus", "ACME", "--out", inputs.appendingPathComponent("out/nested").path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("the output directory is inside the input directory"))
    #expect(snapshot(inputs) == before)
    #expect(!FileManager.default.fileExists(atPath: inputs.appendingPathComponent("out").path))
  }

  @Test func refusesOutputOverAnInputFile() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = try copyInputs(into: work)
    let entities = inputs.appendingPathComponent("entities.csv")
    let before = try Data(contentsOf: entities)
    let result = try HostileRunner.run([
      "scan", entities.path, inputs.appendingPathComponent("relationships.csv").path, "--focus", "ACME", "--out", entities.path,
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("the output directory is an input"))
    #expect(try Data(contentsOf: entities) == before)
  }

  @Test func keepsLeftoversItDidNotCreate() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let out = work.appendingPathComponent("out")
    // What a run killed while writing leaves: a hidden temporary sibling, never `out` itself.
    let leftover = work.appendingPathComponent(".out.tierscan-tmp")
    try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
    try Data("half".utf8).write(to: leftover.appendingPathComponent("exposures.csv"))
    let result = try HostileRunner.run(["scan", valid.path, "--focus", "ACME", "--out", out.path])
    #expect(result.status == 0)
    // Never deleted: tierscan cannot know that it made it (a user may have a folder of that name).
    #expect(try Data(contentsOf: leftover.appendingPathComponent("exposures.csv")) == Data("half".utf8))
    #expect(Set(snapshot(out).keys) == ["attribution.csv", "coverage.json", "exposures.csv", "manifest.json", "paths.json", "quality.json"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [".out.tierscan-tmp", "out"])
  }

  @Test func failedWriteKeepsThePreviousOutput() throws {
    let work = try workspace()
    defer { try? FileManager.default.removeItem(at: work) }
    let first = work.appendingPathComponent("first")
    #expect(try HostileRunner.run(["scan", valid.path, "--focus", "ACME", "--out", first.path]).status == 0)
    // A 250-byte name leaves no room for the temporary sibling's name (".NAME.tierscan-tmp-XXXXXX"
    // is over NAME_MAX), so the write fails after the checks, even for root.
    let out = work.appendingPathComponent(String(repeating: "o", count: 250))
    try FileManager.default.copyItem(at: first, to: out)
    let before = snapshot(out)
    let result = try HostileRunner.run(["scan", valid.path, "--focus", "ACME", "--out", out.path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("error: output:"))
    #expect(snapshot(out) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["first", out.lastPathComponent])
  }
}
