import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanRisk
@testable import TierscanReport

/// The `audit-finding` rule end to end on Tests/Fixtures/audits: BUY ← T1A ← T2 (operates site
/// T2-F1, audited: open Business Critical debt bondage F-1, raised 2025-03-10) and BUY ← T1B
/// (RBA Priority wage finding F-2, verified closed 2023-02-20; window 24 months → 2025-02-20).
@Suite struct AuditFindingScanTests {
  static let fixture = StatementSample.root.appendingPathComponent("Tests/Fixtures/audits").path

  static func scan(periodEnd: String?) throws -> (analysis: RiskAnalysis, paths: [JSONValue], findings: [Finding]) {
    let pipeline = ScanPipeline()
    let prepared = try pipeline.prepare(ScanRequest(inputs: [fixture], focus: "BUY"))
    let analysis = pipeline.analyze(
      prepared, focus: try pipeline.focusIndex("BUY", in: prepared.graph), periodEnd: periodEnd.flatMap(ISODate.init))
    let files = ScanOutputWriter.files(
      analysis: analysis, findings: prepared.findings, manifest: pipeline.manifest(for: prepared), options: .init())
    let paths = try JSONParser.parse(bytes: files.first { $0.name == "paths.json" }!.bytes).arrayValue!
    return (analysis, paths, prepared.findings + analysis.findings.findings)
  }

  static func path(_ paths: [JSONValue], _ entity: String) -> JSONValue? {
    paths.first { $0["entity_id"]?.stringValue == entity && $0["category"]?.stringValue == "forced_labour" }
  }

  @Test func openCriticalFindingRaisesTheSiteItsOperatorAndEveryBuyerHopByHop() throws {
    let run = try Self.scan(periodEnd: "2025-12-31")
    // r₀(T2-F1) = 1.0 (critical); each hop multiplies by its transmission: operates 1.0 × 0.85,
    // supplies observed 1.0 × 0.85, supplies declared 0.9 × 0.85.
    let expected: [(String, Double, [String])] = [
      ("T2-F1", 1.0, []), ("T2", 0.85, ["T2-F1>T2"]), ("T1A", 0.85 * 0.85, ["T2-F1>T2", "T2>T1A"]),
      ("BUY", 0.85 * 0.85 * 0.765, ["T2-F1>T2", "T2>T1A", "T1A>BUY"]),
    ]
    for (entity, score, hops) in expected {
      let path = try #require(Self.path(run.paths, entity), "\(entity)")
      #expect(abs(path["score"]!.numberValue! - score) < 1e-12, "\(entity)")
      #expect(path["source_id"]?.stringValue == "T2-F1")
      #expect(path["hops"]!.arrayValue!.map { "\($0["from"]!.stringValue!)>\($0["to"]!.stringValue!)" } == hops)
      // The finding is cited on every path that carries it, with its row.
      let rule = try #require(path["rules"]?.arrayValue?.first { $0["rule"]?.stringValue == "audit-finding" })
      #expect(rule["finding"]?.stringValue == "F-1" && rule["assessment"]?.stringValue == "A-1")
      #expect(rule["file"]?.stringValue?.hasSuffix("audits/findings.csv") == true && rule["line"]?.numberValue == 2)
      #expect(rule["scheme"]?.stringValue == "smeta-6.1" && rule["severity_raw"]?.stringValue == "Business Critical")
      #expect(rule["severity"]?.stringValue == "critical" && rule["status"]?.stringValue == "open")
      #expect(rule["ilo_indicators"]?.arrayValue == [.string("debt_bondage"), .string("retention_of_identity_documents")])
      #expect(rule["raised_date"]?.stringValue == "2025-03-10" && rule["period_end"]?.stringValue == "2025-12-31")
    }
    #expect(run.analysis.exposure(of: run.analysis.focus, in: "forced_labour")?.level == .medium)
  }

  @Test func verifiedClosedFindingKeepsAReducedScoreForItsWindowThenDecays() throws {
    // Closed 2023-02-20, 24-month window: reduced (× 0.5 of Priority → critical 1.0) to 2025-02-20 inclusive.
    for (end, score) in [("2024-12-31", 0.5), ("2025-02-20", 0.5), ("2025-02-21", nil), ("2025-12-31", nil)] as [(String, Double?)] {
      let run = try Self.scan(periodEnd: end)
      let t1b = run.analysis.graph.index(of: "T1B")!
      let exposure = run.analysis.exposure(of: t1b, in: "forced_labour")
      #expect(exposure?.score == score, "period end \(end)")
      if let exposure {
        let rule = try #require(exposure.rules.first)
        #expect(rule.rule == .auditFinding)
        let evidence = JSONValue.object(rule.evidence)
        #expect(evidence["state_at_period_end"]?.stringValue == "verified-closed")
        #expect(evidence["reduced_until"]?.stringValue == "2025-02-20")
      }
    }
  }

  @Test func findingsAfterThePeriodEndAreNotScoredAndTheDefaultPeriodEndIsTheNewestInputDate() throws {
    // 2024-12-31: F-1 (raised 2025-03-10) is after the period; only T1B's reduced wage finding.
    let early = try Self.scan(periodEnd: "2024-12-31")
    #expect(early.analysis.exposures.map { early.analysis.graph[$0.entity].id } == ["BUY", "T1B"])
    // No period end: the newest date in the audit inputs (A-1's date 2025-03-10) is used, so the
    // wage finding's window (to 2025-02-20) has passed and the debt-bondage finding counts.
    let implicit = try Self.scan(periodEnd: nil)
    #expect(implicit.analysis.audits.periodEnd?.description == "2025-03-10")
    #expect(implicit.analysis.audits.periodEndSource == "newest-input-date")
    #expect(implicit.analysis.exposure(of: implicit.analysis.graph.index(of: "T1B")!, in: "forced_labour") == nil)
    #expect(implicit.analysis.exposure(of: implicit.analysis.graph.index(of: "T2-F1")!, in: "forced_labour")?.score == 1.0)
  }

  @Test func unknownAssessmentSupplierAndSeverityAreFindingsNotSilentDrops() throws {
    let dir = StatementSample.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "id,name\nS1,Supplier\nB,Buyer\n".write(to: dir.appendingPathComponent("e.csv"), atomically: true, encoding: .utf8)
    try "from,to,type\nS1,B,supplies\n".write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
    try "assessment_id,supplier_id,scheme,date\nA1,S1,rba-vap,2025-01-01\nA2,GHOST,rba-vap,2025-01-01\nA1,S1,rba-vap,2025-02-01\n"
      .write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    try "finding_id,assessment_id,category,severity_raw,status\nF1,A9,forced_labour,Priority,open\nF2,A2,forced_labour,Priority,open\nF3,A1,forced_labour,Dreadful,open\nF4,A1,forced_labour,priority,open\n"
      .write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
    let pipeline = ScanPipeline()
    let prepared = try pipeline.prepare(ScanRequest(inputs: [dir.path], focus: "B"))
    let analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex("B", in: prepared.graph))
    let rules = analysis.findings.findings.map { "\($0.location?.line ?? 0) \($0.rule)" }
    #expect(rules == [
      "3 unknown-supplier", "4 duplicate-assessment", "2 unknown-assessment", "4 unmapped-severity", "3 unknown-supplier",
    ])
    // F4 (RBA "priority" → critical) still raises S1.
    #expect(analysis.exposure(of: analysis.graph.index(of: "S1")!, in: "forced_labour")?.score == 1.0)
  }
}
