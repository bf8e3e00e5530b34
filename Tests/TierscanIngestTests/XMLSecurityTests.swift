import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

@Suite("XML security: DOCTYPE, XXE, entity expansion, depth")
struct XMLSecurityTests {
  static let marker = "TIERSCAN-XXE-MARKER-5b1e9c"

  /// Everything a result could show a user, flattened to text.
  private func everything(_ result: IngestedInputs) -> String {
    var text = result.findings.findings.map { $0.description + $0.evidence.map(\.value).joined() }.joined(separator: "\n")
    for entity in result.entities {
      text += entity.id + (entity.name ?? "") + entity.attributes.map { $0.key + $0.value }.joined()
    }
    for edge in result.relationships { text += edge.from + edge.to + edge.attributes.map(\.value).joined() }
    return text
  }

  @Test(arguments: [false, true])
  func externalEntitiesAreNeverLoaded(validating: Bool) throws {
    let directory = try XMLFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try Data(Self.marker.utf8).write(to: secret)
    let documents = [
      """
      <?xml version="1.0"?>
      <!DOCTYPE disclosure [ <!ENTITY xxe SYSTEM "\(secret.absoluteString)"> ]>
      <disclosure xmlns="urn:tierscan:disclosure:1">
        <discloser id="ACME" name="&xxe;"/>
        <supplier id="S1">&xxe;</supplier>
      </disclosure>
      """,
      """
      <!-- a comment first -->
      <!DOCTYPE disclosure SYSTEM "\(secret.path)">
      <disclosure xmlns="urn:tierscan:disclosure:1"><discloser id="ACME"/></disclosure>
      """,
    ]
    for (index, document) in documents.enumerated() {
      let url = directory.appendingPathComponent("xxe\(index).xml")
      try Data(document.utf8).write(to: url)
      let result = XMLFixtures.read(url: url, shownAs: "xxe.xml", validating: validating)
      #expect(result.findings.findings.map(\.rule) == [.doctypeRefused])
      #expect(result.findings.findings.first?.location?.line == 2)
      #expect(result.entities.isEmpty && result.relationships.isEmpty)
      #expect(!everything(result).contains(Self.marker))
    }
  }

  @Test(arguments: [false, true])
  func billionLaughsFailsFast(validating: Bool) {
    let clock = ContinuousClock()
    var result = IngestedInputs()
    let elapsed = clock.measure { result = XMLFixtures.read("billion-laughs.xml", validating: validating) }
    #expect(elapsed < .seconds(1))
    #expect(XMLFixtures.places(result) == ["doctype-refused@2"])
    #expect(result.entities.isEmpty)
  }

  private func nested(levels: Int) -> String {
    var text = "<disclosure xmlns=\"urn:tierscan:disclosure:1\">\n<discloser id=\"ACME\"/>\n"
    for level in 1..<levels { text += "<supplier id=\"L\(level)\">\n" }
    for _ in 1..<levels { text += "</supplier>\n" }
    return text + "</disclosure>\n"
  }

  private func read(_ text: String, limit: Int = 256, validating: Bool = false) throws -> IngestedInputs {
    let directory = try XMLFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("deep.xml")
    try Data(text.utf8).write(to: url)
    var limits = IngestLimits()
    limits.maxXMLDepth = limit
    return XMLInputReader.read(
      InputFile(displayPath: "deep.xml", url: url), options: IngestOptions(limits: limits, validatesSchema: validating))
  }

  @Test(arguments: [false, true])
  func hundredThousandLevelsIsACleanDepthError(validating: Bool) throws {
    let result = try read(nested(levels: 100_000), validating: validating)
    // The 257th level opens on line 258 (the discloser takes line 2).
    #expect(XMLFixtures.places(result).first == "xml-too-deep@258")
    #expect(result.findings.findings.first?.severity == .error)
    #expect(result.entities.isEmpty && result.relationships.isEmpty)
    let summary = result.files.first
    #expect(summary.map { $0.recordsRead == $0.recordsRejected } == true)
  }

  @Test func depthLimitBoundary() throws {
    let atLimit = try read(nested(levels: 256))
    #expect(!atLimit.findings.hasErrors)
    #expect(atLimit.entities.count == 256)
    let small = try read(nested(levels: 12), limit: 10)
    #expect(XMLFixtures.places(small).first == "xml-too-deep@12")
  }
}
