import Foundation
import TierscanCore
@testable import TierscanIngest
import TierscanTestSupport

/// Locates the XML fixtures and reads them the way the CLI does.
enum XMLFixtures {
  /// `Tests/Fixtures/xml`, resolved from this file.
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/xml")

  /// `../shared/realdata` relative to the repository root, when present.
  static let realData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/realdata")

  /// Reads fixture `name`, shown as `xml/<name>`.
  static func read(_ name: String, validating: Bool = false) -> IngestedInputs {
    read(url: directory.appendingPathComponent(name), shownAs: "xml/" + name, validating: validating)
  }

  static func read(url: URL, shownAs path: String, validating: Bool = false) -> IngestedInputs {
    XMLInputReader.read(InputFile(displayPath: path, url: url), options: IngestOptions(validatesSchema: validating))
  }

  /// `rule@line` for each finding, in order.
  static func places(_ result: IngestedInputs) -> [String] {
    result.findings.findings.map { "\($0.rule)@\($0.location?.line.map(String.init) ?? "-")" }
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-xml-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
