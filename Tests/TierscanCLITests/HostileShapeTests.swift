import Foundation
import Testing

/// Issue #14, class 5: an entity with 200,000 attribute columns is exported in linear time (the
/// JSON and GraphML writers looked every key up in every entity's list: minutes before).
@Suite struct HostileShapeTests {
  @Test(arguments: ["json", "graphml", "dot"])
  func twoHundredThousandColumnsExportInTime(_ format: String) throws {
    let file = HostileCorpus.generated.appendingPathComponent("columns-200k.csv")
    if !FileManager.default.fileExists(atPath: file.path) {
      var bytes = Array("id,name".utf8)
      for i in 0..<200_000 { bytes += Array(",c\(i)".utf8) }
      bytes += Array("\nA,Acme".utf8)
      for _ in 0..<200_000 { bytes += Array(",v".utf8) }
      bytes += Array("\n".utf8)
      try Data(bytes).write(to: file, options: .atomic)
    }
    let result = try HostileRunner.run([
      "export", file.path, "--format", format, "--max-field-bytes", "100000000", "--max-record-bytes", "100000000",
    ], seconds: 90)
    // The quadratic writers took minutes even in a release build; 90 s leaves room for a debug
    // build on a shared, loaded machine (about 5 s unloaded).
    #expect(!result.timedOut, "export --format \(format) took more than 90 s")
    #expect(result.status == 0, "\(result.stderr.prefix(500))")
    #expect(result.stdout.contains("c199999"))
  }
}
