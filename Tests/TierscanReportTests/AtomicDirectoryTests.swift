import Foundation
import Testing
@testable import TierscanReport
import TierscanTestSupport

@Suite struct AtomicDirectoryTests {
  @Test func manifestIsWrittenLast() {
    let files = [
      ("coverage.json", [1]), ("manifest.json", [2]), ("paths.json", [3]), ("quality.json", [4]),
    ].map { AtomicDirectory.File(name: $0.0, parts: [[UInt8($0.1[0])]]) }
    #expect(AtomicDirectory.writingOrder(files).map(\.name) == ["coverage.json", "paths.json", "quality.json", "manifest.json"])
  }

  @Test func placementChecks() throws {
    let base = TestScratch.directory.appendingPathComponent("tierscan-atomic-\(UUID().uuidString)")
    let input = base.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let file = input.appendingPathComponent("a.csv")
    try Data("id,name\n".utf8).write(to: file)
    #expect(throws: OutputDirectoryError.outputIsInput(path: input.path)) {
      try AtomicDirectory.checkPlacement(of: input, inputs: [input])
    }
    #expect(throws: OutputDirectoryError.outputContainsInput(output: base.path, input: input.path)) {
      try AtomicDirectory.checkPlacement(of: base, inputs: [input])
    }
    let inside = input.appendingPathComponent("out")
    #expect(throws: OutputDirectoryError.outputInsideInput(output: inside.path, input: input.path)) {
      try AtomicDirectory.checkPlacement(of: inside, inputs: [input])
    }
    #expect(throws: OutputDirectoryError.outputIsInput(path: file.path)) {
      try AtomicFile.write([1, 2], to: file.path, inputs: [file])
    }
    try AtomicDirectory.checkPlacement(of: base.appendingPathComponent("out"), inputs: [input])
    let written = [UInt8]("hello".utf8)
    try AtomicDirectory.write([("x.txt", written)], to: base.appendingPathComponent("out"), inputs: [input], ownedNames: ["x.txt"])
    #expect(try Data(contentsOf: base.appendingPathComponent("out/x.txt")) == Data(written))
  }
}
