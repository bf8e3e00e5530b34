import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

/// Throughput measurement, not a test: runs only when `TIERSCAN_XML_BENCH` names a file
/// (generate one with `Scripts/gen_xml_disclosure.py`); `TIERSCAN_XML_BENCH_VALIDATE=1` adds the
/// XSD pass; `TIERSCAN_XML_BENCH_PARSE_ONLY=1` only pulls the reader's events (no records), to
/// show the parser's own memory stays flat as the file grows. See docs/xml-disclosure.md.
@Suite("XML read benchmark")
struct XMLReadBenchmarkTests {
  static let path = ProcessInfo.processInfo.environment["TIERSCAN_XML_BENCH"]

  static let parseOnly = ProcessInfo.processInfo.environment["TIERSCAN_XML_BENCH_PARSE_ONLY"] == "1"

  @Test(.enabled(if: path != nil && parseOnly))
  func parseOnlyThroughput() throws {
    let path = try #require(Self.path)
    let bytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    let clock = ContinuousClock()
    var elements = 0
    var problems = 0
    let elapsed = clock.measure {
      let reader = XMLStreamReader(file: InputFile(path: path), maxDepth: 256)
      while let event = reader.next() {
        switch event {
        case .start: elements += 1
        case .problem: problems += 1
        default: break
        }
      }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(bytes) / 1_000_000
    print("xml-bench parse-only MB=\(megabytes) seconds=\(seconds) MB/s=\(megabytes / seconds) elements=\(elements)")
    #expect(problems == 0)
  }

  @Test(.enabled(if: path != nil && !parseOnly))
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
