import Testing
import TierscanTestSupport

@testable import TierscanCore

/// `FindingLog` stores findings compactly (`CompactFindings`); every finding must come back
/// exactly as it was added, in order, whatever its location, message and evidence.
@Suite struct FindingLogTests {
  static let rules: [FindingRule] = [.unknownEntity, .raggedRow, .badCellReference, .corruptPart, .missingField]

  /// Findings of every shape: no location, file only, file and line, sheet and cell, column,
  /// JSON pointer; empty, ASCII, multi-byte and control-character messages; with and without
  /// evidence; files and rules repeating and alternating.
  static func sample(_ count: Int, seed: UInt64) -> [Finding] {
    var random = SplitMix64(seed: seed)
    let messages = ["", "'12' has no entity record; created a placeholder company", "東京 — ünïcödé ✓", "tab\there\nnewline", "\u{0}nul"]
    let files = ["a.csv", "dir/b.xlsx", "c.omts", "ü.csv"]
    return (0..<count).map { index in
      let severity = Severity.allCases[Int(random.next() % 3)]
      let rule = rules[Int(random.next() % UInt64(rules.count))]
      let file = files[Int(random.next() % UInt64(files.count))]
      let location: Provenance? =
        switch random.next() % 6 {
        case 0: nil
        case 1: Provenance(file: file)
        case 2: Provenance(file: file, line: Int(random.next() % 1_000_000))
        case 3: Provenance(file: file, line: 7, sheet: "Smelter List", cell: "D7")
        case 4: Provenance(file: file, line: 3, column: 19)
        default: Provenance(file: file, pointer: "/edges/\(index)")
        }
      let message = messages[Int(random.next() % UInt64(messages.count))] + (random.next() % 2 == 0 ? " #\(index)" : "")
      let evidence = random.next() % 4 == 0 ? [Attribute("value", "v\(index)")] : []
      return Finding(severity, rule, at: location, message, evidence: evidence)
    }
  }

  @Test func everyFindingComesBackExactlyAndInOrder() {
    let findings = Self.sample(5_000, seed: 21)
    var log = FindingLog()
    for (index, finding) in findings.enumerated() {
      if index % 2 == 0 {
        log.add(finding)
      } else {
        log.add(finding.severity, finding.rule, at: finding.location, finding.message, evidence: finding.evidence)
      }
    }
    #expect(log.count == findings.count)
    #expect(log.findings == findings)
    var visited: [Finding] = []
    log.forEach { visited.append($0) }
    #expect(visited == findings)
    for severity in Severity.allCases {
      #expect(log.count(of: severity) == findings.filter { $0.severity == severity }.count)
    }
    #expect(log.hasErrors == findings.contains { $0.severity == .error })
    for index in [0, 1, 2_500, 4_999] {
      #expect(log.severityAndRule(at: index).severity == findings[index].severity)
      #expect(log.severityAndRule(at: index).rule == findings[index].rule)
      #expect(log.file(at: index) == findings[index].location?.file)
    }
  }

  @Test func appendingLogsAndArraysKeepsOrder() {
    let first = Self.sample(300, seed: 1)
    let second = Self.sample(200, seed: 2)
    var a = FindingLog()
    a.append(contentsOf: first)
    var b = FindingLog()
    b.append(contentsOf: second)
    var empty = FindingLog()
    empty.append(contentsOf: a)  // takes the other log's store
    #expect(empty.findings == first)
    a.append(contentsOf: b)
    #expect(a.findings == first + second)
    #expect(empty.findings == first)  // the copy taken earlier is its own
    #expect(b.findings == second)
    #expect(FindingLog().isEmpty && !a.isEmpty)
  }

  @Test func strictPromotesWarningsInPlace() {
    let findings = Self.sample(1_000, seed: 3)
    var log = FindingLog()
    log.append(contentsOf: findings)
    log.promoteWarningsToErrors()
    let promoted = findings.map { finding in
      var changed = finding
      if changed.severity == .warning { changed.severity = .error }
      return changed
    }
    #expect(log.findings == promoted)
    #expect(log.count(of: .warning) == 0)
    #expect(log.count(of: .error) == promoted.filter { $0.severity == .error }.count)
  }

  @Test func firstWithRuleBuildsTheFirstMatch() {
    var log = FindingLog()
    log.add(.warning, .raggedRow, at: Provenance(file: "a.csv", line: 2), "ragged")
    log.add(.error, .corruptPart, at: Provenance(file: "a.csv", line: 3), "first corrupt")
    log.add(.error, .corruptPart, at: Provenance(file: "a.csv", line: 4), "second corrupt")
    #expect(log.first(withRuleIn: [.missingField, .corruptPart])?.message == "first corrupt")
    #expect(log.first(withRuleIn: [.unknownEntity]) == nil)
  }
}
