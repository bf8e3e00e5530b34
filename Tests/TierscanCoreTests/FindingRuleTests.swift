import Foundation
import Testing
import TierscanCore

/// The finding-rule registry and docs/findings.md list the same rules, each id kebab-case and
/// unique.
@Suite struct FindingRuleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func everyRuleIsDocumentedAndEveryDocumentedRuleExists() throws {
    let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/findings.md"), encoding: .utf8)
    let documented = doc.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| `") else { return nil }
      return line.dropFirst(3).split(separator: "`").first.map(String.init)
    }
    #expect(documented == FindingRule.all.map(\.id))
  }

  @Test func idsAreUniqueSortedAndKebabCase() {
    let ids = FindingRule.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids == ids.sorted { $0.utf8Precedes($1) })
    for id in ids {
      #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !id.hasPrefix("-"), "\(id)")
    }
  }
}
