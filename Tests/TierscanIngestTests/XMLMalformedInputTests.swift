import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

@Suite("XML malformed input (SPEC §5)")
struct XMLMalformedInputTests {
  /// fixture, then the first finding as `rule@line:column`.
  static let cases: [(String, String)] = [
    ("unclosed.xml", "xml-malformed@6:14"),
    ("mismatched.xml", "xml-malformed@5:13"),
    ("truncated.xml", "xml-malformed@5:23"),
    ("bad-encoding.xml", "xml-malformed@1:48"),
    ("invalid-utf8.xml", "xml-malformed@4:31"),
    ("wrong-namespace.xml", "unrecognised-root@2:-"),
    ("wrong-root.xml", "unrecognised-root@2:-"),
  ]

  @Test(arguments: cases, [false, true])
  func reportsErrorWithPlaceAndReadsNothing(_ testCase: (String, String), validating: Bool) {
    let result = XMLFixtures.read(testCase.0, validating: validating)
    let first = result.findings.findings.first
    let place = first.map { "\($0.rule)@\($0.location?.line ?? -1):\($0.location?.column.map(String.init) ?? "-")" }
    #expect(place == testCase.1)
    #expect(first?.severity == .error)
    #expect(first?.location?.file == "xml/" + testCase.0)
    #expect(result.entities.isEmpty && result.relationships.isEmpty && result.countryRisk.isEmpty)
    for summary in result.files {
      #expect(summary.recordsRead == summary.recordsAccepted + summary.recordsRejected)
      #expect(summary.recordsAccepted == 0)
    }
  }

  @Test func truncatedFileCountsItsRecordsAsRejected() {
    let result = XMLFixtures.read("truncated.xml")
    #expect(result.files == [
      InputFileSummary(path: "xml/truncated.xml", kind: .disclosure, recordsRead: 2, recordsAccepted: 0, recordsRejected: 2)
    ])
    #expect(result.findings.findings.last?.rule == .xmlFileNotRead)
  }

  @Test func otherFilesAreStillRead() {
    var all = IngestedInputs()
    for name in ["unclosed.xml", "invalid-utf8.xml", "nested.xml", "wrong-root.xml"] {
      all.append(XMLFixtures.read(name))
    }
    #expect(all.entities.count == 8)
    #expect(all.relationships.count == 8)
    #expect(all.files.map(\.kind) == [.unrecognised, .unrecognised, .disclosure, .unrecognised])
  }

  @Test func messagesAreOneLine() {
    let result = XMLFixtures.read("invalid-utf8.xml")
    #expect(result.findings.findings.allSatisfy { !$0.message.contains("\n") })
  }
}
