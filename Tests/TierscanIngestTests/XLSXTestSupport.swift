import Foundation
import TierscanCore

@testable import TierscanIngest

/// Paths to the committed XLSX fixtures and the optional real-data folder.
enum XLSXTestSupport {
  /// The repository root: three levels above this file (Tests/TierscanIngestTests/X.swift).
  static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let fixtures = repoRoot.appendingPathComponent("Tests/Fixtures/xlsx")

  /// `<repo>/../shared/realdata/cmrt`, when present.
  static let realCMRT = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/realdata/cmrt")

  static var hasRealData: Bool { FileManager.default.fileExists(atPath: realCMRT.path) }

  /// An input file for a fixture, shown as its bare file name.
  static func fixture(_ name: String) -> InputFile {
    InputFile(displayPath: name, url: fixtures.appendingPathComponent(name))
  }

  static func real(_ relative: String) -> InputFile {
    InputFile(displayPath: relative, url: realCMRT.appendingPathComponent(relative))
  }

  /// The (rule, cell) pairs of a result's findings, in order.
  static func rules(_ result: IngestedInputs) -> [String] {
    result.findings.findings.map { finding in
      finding.rule.id + (finding.location?.cell.map { "@" + $0 } ?? "")
    }
  }
}
