import Foundation
import Testing
import TierscanCore
import TierscanIngest

@Suite struct AuditInputTests {
  private func read(_ text: String) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions())
  }

  private func lines(_ inputs: IngestedInputs) -> [String] { inputs.findings.findings.map(\.description) }

  @Test(arguments: [
    ("assessment_id,supplier_id,scheme,date", InputKind.assessments),
    ("finding_id,assessment_id,category,severity,status", .auditFindings),
    // An assessment export with a buyer column is still an assessment file, not a supplier list.
    ("buyer_id,supplier_id,assessment_id,scheme", .assessments),
    ("buyer_id,supplier_id,scheme", .supplierList),
  ])
  func auditKinds(_ header: String, _ kind: InputKind) {
    #expect(read(header + "\n").files.first?.kind == kind)
  }

  @Test func assessmentRowWithEveryColumn() {
    let inputs = read(
      "Assessment_ID,supplier_id,site_id,lei,scheme,assessment_type,date,valid_until,announcement,overall_result,result_scale,zero_tolerance,auditor,evidence_ref,source\n"
        + "A1,S1,S1-F,5493001KJTIIGC8Y1R12,SMETA-6.1,Initial,2025-03-10,2026-03-10,Semi Announced,,smeta-msa,yes,Audit Co,report.pdf,buyer export\n")
    #expect(lines(inputs) == [])
    let a = inputs.assessments[0]
    #expect(a.id == "A1" && a.supplierID == "S1" && a.siteID == "S1-F" && a.scheme == "smeta-6.1" && a.type == "initial")
    #expect(a.date.description == "2025-03-10" && a.validUntil?.description == "2026-03-10")
    #expect(a.announcement == "semi-announced" && a.zeroTolerance == true && a.identifiers.lei == "5493001KJTIIGC8Y1R12")
    #expect(a.provenance == Provenance(file: "in.csv", line: 2))
  }

  @Test func hostileAssessmentRows() {
    let inputs = read(
      "assessment_id,supplier_id,scheme,date,valid_until,announcement\n"
        + "A1,S1,rba-vap,2025-02-29,,\n"  // no such day: rejected
        + ",S1,rba-vap,2025-01-01,,\n"  // missing id: rejected
        + "A3,S1,rba-vap,2025-01-01,2024-12-31,surprise\n"  // kept with two warnings
        + "A4,S1,rba-vap,2025-01-01,31/12/2026,\n")  // bad optional date dropped
    #expect(lines(inputs) == [
      "in.csv:2: error: invalid-date: date '2025-02-29' is not a calendar date YYYY-MM-DD; row rejected",
      "in.csv:3: error: missing-field: required field 'assessment_id' is empty; row rejected",
      "in.csv:4: warning: invalid-announcement: announcement 'surprise' is not announced, semi-announced or unannounced; value dropped",
      "in.csv:4: warning: date-order: valid_until 2024-12-31 is before the assessment date 2025-01-01",
      "in.csv:5: warning: invalid-date: valid_until '31/12/2026' is not a calendar date YYYY-MM-DD; value dropped",
    ])
    #expect(inputs.assessments.map(\.id) == ["A3", "A4"])
    #expect(inputs.files[0].recordsRead == 4 && inputs.files[0].recordsRejected == 2)
  }

  @Test func findingRowsAndFreeTextIsNotImported() {
    let inputs = read(
      "finding_id,assessment_id,category,ilo_indicators,severity_raw,severity,status,raised_date,closed_date,remedy,Description,worker_name\n"
        + "F1,A1,Forced Labour,debt-bondage; Retention of identity documents;;bogus,Business Critical,,open,,,,Ms X was fined,X\n"
        + "F2,A1,wages,,,,verified,2025-01-01,2024-12-01,back_pay;Fee_Repayment,,\n"
        + "F3,A1,space_travel,,,extreme,limbo,,,,,\n"
        + "F4,A1,wages,,Major,extreme,open,2025-01-01,2025-02-01,,,\n")
    #expect(lines(inputs) == [
      "in.csv:1: info: columns-not-imported: columns not imported: description, worker_name (free text such as description, worker_name may hold personal data)",
      "in.csv:2: warning: invalid-ilo-indicator: ilo_indicators item 'bogus' is not one of the 11 ILO indicators; item dropped",
      "in.csv:3: error: missing-field: neither severity nor severity_raw is given; row rejected",
      "in.csv:3: warning: date-order: closed_date 2024-12-01 is before raised_date 2025-01-01",
      "in.csv:4: warning: invalid-finding-category: category 'space_travel' is not in the neutral taxonomy; read as 'other'",
      "in.csv:4: error: invalid-severity: severity 'extreme' is not critical, major, minor or observation, and no severity_raw is given; row rejected",
      "in.csv:4: warning: invalid-finding-status: status 'limbo' is not a known status; read as 'open'",
      "in.csv:5: warning: invalid-severity: severity 'extreme' is not critical, major, minor or observation; severity_raw is mapped instead",
      "in.csv:5: warning: date-order: closed_date 2025-02-01 is given but the status is open; the finding counts as open",
    ])
    #expect(inputs.auditFindings.map(\.id) == ["F1", "F4"])
    let f1 = inputs.auditFindings[0]
    #expect(f1.category == .forcedLabour && f1.iloIndicators == [.debtBondage, .retentionOfIdentityDocuments])
    #expect(f1.severityRaw == "Business Critical" && f1.severity == nil && f1.status == .open)
    // Nothing of the free text survives anywhere in the record.
    #expect(!String(describing: inputs.auditFindings).contains("Ms X"))
  }
}
