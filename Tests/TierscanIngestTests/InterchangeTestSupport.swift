import Foundation
import TierscanCore
import TierscanIngest
import TierscanTestSupport

/// Shared paths and helpers of the interchange (OMTS, BODS, FtM) tests.
enum InterchangeTestSupport {
  /// `../shared/realdata` beside the repository root (CI clones `shared` there).
  static let realdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/realdata")
  static let hasRealData = FileManager.default.fileExists(atPath: realdata.appendingPathComponent("omts/valid").path)

  /// Writes `text` to a temporary file named `name` and reads it with the ingestor.
  static func read(_ text: String, name: String) throws -> IngestedInputs {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-interchange-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return Ingestor().read(file: InputFile(displayPath: name, url: url))
  }

  /// `severity rule` of every finding.
  static func rules(_ inputs: IngestedInputs) -> [String] {
    inputs.findings.findings.map { "\($0.severity.rawValue) \($0.rule)" }
  }
}
