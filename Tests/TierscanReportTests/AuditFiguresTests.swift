import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

/// The audit KPIs of SampleData/2025 (SampleData/2025/audits), each worked out by hand from the
/// six assessments and six findings (docs/sample-data.md, "Assessments and audit findings").
/// Period end 2025-12-31 (the statement year's last day), period (2024-12-31, 2025-12-31].
@Suite struct AuditFiguresTests {
  static func figures() throws -> AuditFigures {
    let pipeline = ScanPipeline()
    let input = StatementSample.root.appendingPathComponent("SampleData/2025").path
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input], focus: "NWT"))
    let analysis = pipeline.analyze(
      prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph), periodEnd: ISODate("2025-12-31"))
    return AuditFigures(analysis: analysis)
  }

  @Test func coverageFigures() throws {
    let a = try Self.figures()
    #expect(a.periodEnd?.description == "2025-12-31" && a.periodStart?.description == "2024-12-31")
    #expect(a.assessmentsRead == 6 && a.findingsRead == 6)
    // Direct suppliers of NWT: ACF, BWN, GWW, KMD, PFS, SCE. Valid at 2025-12-31: BWN (internal,
    // to 2026-09-15), GWW (SMETA, to 2027-01-20). PFS's SAQ expired 2024-05-02.
    #expect(a.tier1Suppliers == ["ACF", "BWN", "GWW", "KMD", "PFS", "SCE"])
    #expect(a.tier1Assessed == ["BWN", "GWW"])
    // Spend: BWN 19,820,000 + 5,975,000, GWW 1,285,000 = 27,080,000 of 48,635,000.
    #expect(a.tier1Spend == 48_635_000 && a.tier1AssessedSpend == 27_080_000)
    // Assessed among high/critical entities: BWN (high), the two audited suppliers and their sites.
    #expect(a.highRiskAssessed == ["BWN", "EMS-PEN", "EMS-PEN-F1", "GAR-BD", "GAR-BD-F1"])
    #expect(a.highRisk.count == 26)
    #expect(a.byTier.first { $0.tier == 1 }?.assessed == 2 && a.byTier.first { $0.tier == 2 }?.assessed == 4)
    // In the period: SMETA GAR-BD 2025-04-12, RBA EMS-PEN 2025-02-20, internal BWN 2025-09-15,
    // SMETA GWW 2025-01-20; unannounced: GWW only.
    #expect(a.inPeriod == 4)
    #expect(a.byScheme.map { "\($0.key) \($0.count)" } == ["smeta-6.1 2", "internal 1", "rba-vap 1"])
    #expect(a.byType.map { "\($0.key) \($0.count)" } == ["initial 3", "desktop 1"])
    #expect(a.unannounced == 1 && a.announcementGiven == 4)
    #expect(a.notValid == ["SAQ-PFS-23-0502", "SMETA-BD-24-0310"])
  }

  @Test func findingAndRemediationFigures() throws {
    let a = try Self.figures()
    // Raised in the period: BD25-01, BD25-05, PEN25-A1, PEN25-B2, PEN25-A3 (BD24-05: 2024-03-10).
    #expect(a.raisedInPeriod == 5)
    #expect(a.findingsByCategory.map { "\($0.category) " + $0.bySeverity.map { String($0.count) }.joined(separator: "/") } == [
      "forced_labour 2/0/0/0", "wages 0/1/0/0", "working_hours 0/0/1/0", "health_safety 0/1/0/0",
    ])
    #expect(a.findingsByIndicator.map { "\($0.key) \($0.count)" } == [
      "retention_of_identity_documents 1", "withholding_of_wages 1", "debt_bondage 2", "excessive_overtime 1",
    ])
    // Open critical: Business Critical BD25-01 (open), RBA Priority PEN25-A1 (in progress);
    // 4 suppliers with a valid assessment (BWN, EMS-PEN, GAR-BD, GWW) → 50 per 100.
    #expect(a.openCritical == ["BD25-01", "PEN25-A1"])
    #expect(a.assessedSuppliers == 4 && a.openCriticalPer100Assessed == 50)
    // Overdue at 2025-12-31: due 2025-05-12, 2025-05-21, 2025-08-20, all still open.
    #expect(a.overdue == ["BD25-01", "PEN25-A1", "PEN25-A3"])
    // Remediation rate: verified closed in the period BD25-05 (2025-07-30), PEN25-B2 (2025-06-30)
    // = 2, over 0 open at 2024-12-31 (BD24-05 closed 2024-06-20) + 5 raised = 40 %.
    #expect(a.closedInPeriod == 2 && a.openAtStart == 0 && a.remediationRate == 0.4)
    // Days to close: 2025-04-12 → 2025-07-30 = 109, 2025-02-20 → 2025-06-30 = 130; median 119.5,
    // p90 (nearest rank ⌈0.9 × 2⌉ = 2nd) 130; both major.
    let all = try #require(a.daysToClose.first { $0.severity == "all" })
    #expect(all.closed == 2 && all.median == 119.5 && all.p90 == 130)
    #expect(a.daysToClose.first { $0.severity == "major" }?.closed == 2)
    #expect(a.daysToClose.first { $0.severity == "critical" }?.closed == 0)
    // Repeat: BD25-05 (wages) at GAR-BD-F1, whose previous assessment (2024) also found wages.
    #expect(a.repeats == ["BD25-05"])
    #expect(a.withRemedy == 1 && a.remedies.map(\.key) == ["back_pay"])
    #expect(a.unlinked == 0 && a.unmappedSeverity == 0)
  }

  @Test func cleanAuditIsEvidenceBesideTheExposureNeverSubtracted() throws {
    let pipeline = ScanPipeline()
    let input = StatementSample.root.appendingPathComponent("SampleData/2025").path
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input], focus: "NWT"))
    let analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph))
    let paths = try JSONParser.parse(PathsJSON.render(analysis)).arrayValue!
    let gww = try #require(paths.first { $0["entity_id"]?.stringValue == "GWW" && $0["category"]?.stringValue == "forced_labour" })
    // GWW's unannounced SMETA audit is clean and valid, and its score is still GAR-BD-F1's 1.0 × 0.765 × 0.765.
    #expect(gww["score"]?.numberValue == 0.585225)
    let evidence = try #require(gww["audit_evidence"]?.arrayValue?.first)
    #expect(evidence["assessment"]?.stringValue == "SMETA-GWW-25-0120" && evidence["clean"] == .bool(true))
    #expect(evidence["announcement"]?.stringValue == "unannounced" && evidence["line"]?.numberValue == 7)
    // The audited site with an open Priority finding is not clean.
    let site = try #require(paths.first { $0["entity_id"]?.stringValue == "EMS-PEN-F1" })
    #expect(site["audit_evidence"]?.arrayValue?.first?["clean"] == .bool(false))
    #expect(site["audit_evidence"]?.arrayValue?.first?["open_critical_or_major"]?.numberValue == 1)
    // Streamed bytes and the JSON value agree.
    #expect(PathsJSON.render(analysis) == JSONWriter.string(.array(PathsJSON.selection(analysis).map { PathsJSON.object($0, in: analysis) })))
  }

  @Test func kpisAreComparedWithThePreviousPack() throws {
    let pipeline = ScanPipeline()
    let input = StatementSample.root.appendingPathComponent("SampleData/2025").path
    let prepared = try pipeline.prepare(ScanRequest(inputs: [input], focus: "NWT"))
    let focus = try pipeline.focusIndex("NWT", in: prepared.graph)
    let dir = StatementSample.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // "Last year": the same inputs judged at 2024-12-31 (period 2024): only the 2024 SMETA audit
    // and its wage finding BD24-05 (raised 2024-03-10, closed 2024-06-20: 102 days) count.
    let earlier = pipeline.analyze(prepared, focus: focus, periodEnd: ISODate("2024-12-31"))
    let old = try StatementPack.build(prepared: prepared, analysis: earlier, manifest: pipeline.manifest(for: prepared), year: 2024, regimes: .both)
    try StatementPack.write(old.files, to: dir.appendingPathComponent("prev"), inputs: [URL(fileURLWithPath: input)])
    let previous = AuditKPIs.previous(directory: dir.appendingPathComponent("prev").path)
    #expect(previous["tier1_assessed_share"] == 0 && previous["assessments_in_period"] == 1 && previous["findings_raised_in_period"] == 1)
    #expect(previous["remediation_rate"] == 1 && previous["median_days_to_close"] == 102 && previous["open_critical"] == 0)
    #expect(previous["unannounced_share"] == 0 && previous["findings_with_worker_remedy"] == 1)
    let now = pipeline.analyze(prepared, focus: focus, periodEnd: ISODate("2025-12-31"))
    let pack = try StatementPack.build(
      prepared: prepared, analysis: now, manifest: pipeline.manifest(for: prepared), year: 2025, regimes: [.uk],
      previous: dir.appendingPathComponent("prev").path)
    let json = try JSONParser.parse(bytes: pack.files.first { $0.name == "statement.json" }!.bytes)
    let remediation = try #require(json["figures"]?["remediation"])
    #expect(remediation["kpis"]?["remediation_rate"]?.numberValue == 0.4)
    #expect(remediation["kpis_previous"]?["remediation_rate"]?.numberValue == 1)
    let md = String(decoding: pack.files.first { $0.name == "statement.md" }!.bytes, as: UTF8.self)
    #expect(md.contains("| remediation\\_rate | 40% | 100% |"))
    #expect(md.contains("| median\\_days\\_to\\_close | 119.5 | 102 |"))
  }
}