import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest
import TierscanTestSupport

/// The `smeta-findings` and `rba-findings` profiles on small SMETA-style and RBA-style exports.
@Suite struct AuditProfileTests {
  private func read(_ text: String, profile: String) throws -> IngestedInputs {
    var options = IngestOptions()
    options.mappings = [try MappingProfiles.profile(profile)]
    let dir = TestScratch.directory.appendingPathComponent("tierscan-audit-profile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("export.csv")
    try Data(text.utf8).write(to: url)
    return Ingestor(options: options).read(arguments: [url.path])
  }

  @Test func smetaStyleExport() throws {
    let inputs = try read(
      "Audit Reference,NC ID,ETI Base Code Clause,ETI Base Code Area,NC Severity,NC Status,Due Date,Date Closed,Description\n"
        + "SMETA-1,NC-1,1.1,Employment is freely chosen,Business Critical,Open,2025-05-12,,Worker X\n"
        + "SMETA-1,NC-2,5.1,Living wages are paid,Major,Closed,2025-06-12,2025-07-30,\n"
        + "SMETA-1,NC-3,8.1,Regular employment is provided,Minor,Progress made,,,\n",
      profile: "smeta-findings")
    let f = inputs.auditFindings
    #expect(f.map(\.id) == ["NC-1", "NC-2", "NC-3"])
    #expect(f.map(\.category) == [.forcedLabour, .wages, .other])
    #expect(f.map(\.status) == [.open, .verified, .inProgress])
    #expect(f[0].severityRaw == "Business Critical" && f[0].assessmentID == "SMETA-1" && f[0].codeRef == "1.1")
    #expect(f[1].closedDate?.description == "2025-07-30")
    #expect(!String(describing: f).contains("Worker X"))
    #expect(!inputs.findings.findings.contains { $0.severity == .error })
  }

  @Test func rbaStyleExport() throws {
    let inputs = try read(
      "Audit ID,Finding ID,Code Provision,Finding Type,Finding Status,CAP Due Date,Closure Date\n"
        + "RBA-9,F1,A1,Priority,Open,2025-05-21,\n"
        + "RBA-9,F2,B3,Major,Closed,2025-05-21,2025-06-30\n"
        + "RBA-9,F3,Z9,Minor,Pending closure,,\n",
      profile: "rba-findings")
    let f = inputs.auditFindings
    #expect(f.map(\.category) == [.forcedLabour, .healthSafety, .other])
    #expect(f.map(\.status) == [.open, .verified, .remediated])
    #expect(f.map(\.codeRef) == ["A1", "B3", "Z9"] && f[0].severityRaw == "Priority")
  }
}
