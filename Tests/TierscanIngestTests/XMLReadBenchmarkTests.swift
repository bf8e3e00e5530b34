import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

/// Throughput measurement, not a test: runs only when `TIERSCAN_XML_BENCH` names a file
/// (generate one with `Scripts/gen_xml_disclosure.py`); `TIERSCAN_XML_BENCH_VALIDATE=1` adds the
/// XSD pass. See docs/xml-disclosure.md for the figures.
@Suite("XML read benchmark")
struct XMLReadBenchmarkTests {
  static let path = ProcessInfo.processInfo.environment["TIERSCAN_XML_BENCH"]

  @Test(.enabled(if: path != nil))
  func readThroughput() throws {
    let path = try #require(Self.path)
    let validating = ProcessInfo.processInfo.environment["TIERSCAN_XML_BENCH_VALIDATE"] == "1"
    let bytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    let clock = ContinuousClock()
    var result = IngestedInputs()
    let elapsed = clock.measure {
      result = XMLInputReader.read(InputFile(path: path), options: IngestOptions(validatesSchema: validating))
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(bytes) / 1_000_000
    print(
      "xml-bench validate=\(validating) MB=\(megabytes) seconds=\(seconds) MB/s=\(megabytes / seconds)",
      "entities=\(result.entities.count) edges=\(result.relationships.count) findings=\(result.findings.findings.count)")
    #expect(!result.findings.hasErrors)
  }
}
