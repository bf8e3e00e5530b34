import Foundation
import Testing
import TierscanRisk

/// The risk rule ids in code (`RiskRuleID`) and in docs/risk-model.md "Rule ids" are the same list.
@Suite struct RiskRuleIDTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func everyRuleIdIsDocumentedAndEveryDocumentedIdExists() throws {
    let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/risk-model.md"), encoding: .utf8)
    let section = try #require(doc.components(separatedBy: "### Rule ids").dropFirst().first)
    let table = section.components(separatedBy: "\n#").first ?? section
    let documented = table.split(separator: "\n").compactMap { line -> String? in
      guard line.hasPrefix("| `") else { return nil }
      return line.dropFirst(3).split(separator: "`").first.map(String.init)
    }
    #expect(documented == RiskRuleID.allCases.map(\.id))
  }

  @Test func listMatchRulesMapToTheirRuleIds() {
    for rule in ListMatchRule.allCases { #expect(rule.ruleID.id == rule.rawValue) }
  }
}
