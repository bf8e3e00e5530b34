import Foundation
import Testing
import TierscanCore
import TierscanRisk

@Suite struct AuditConfigTests {
  @Test func shippedSeverityMapIsTheDocumentedFile() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/audit-severity-map.json")
    #expect(try String(contentsOf: url, encoding: .utf8) == AuditSeverityMap.defaultJSON)
  }

  @Test func defaultsAndSchemeSeverities() {
    let audit = RiskConfig.defaults.audit
    #expect(audit.score(of: .critical) == 1.0 && audit.score(of: .major) == 0.6 && audit.score(of: .observation) == 0)
    #expect(audit.verifiedFactor == 0.5 && audit.verifiedWindowMonths == 24 && audit.maxAgeMonths == 36)
    let map = audit.severityMap
    #expect(map.severity(of: "Business Critical", scheme: "smeta-6.1") == .critical)
    #expect(map.severity(of: "business_critical", scheme: "SMETA-7.0") == .critical)
    #expect(map.severity(of: "Priority", scheme: "rba-vap") == .critical)
    #expect(map.severity(of: "ZT", scheme: "amfori-bsci") == .critical)
    #expect(map.severity(of: "Risk of non-conformance", scheme: "rba-vap") == .observation)
    #expect(map.severity(of: "Priority", scheme: "internal") == nil)
    #expect(map.tableKey(for: "rbax") == "default")
  }

  @Test func configOverridesAndErrors() throws {
    let config = try RiskConfig.parse(#"{"audit": {"verified_window_months": 12, "severity_map": {"acme": {"Red Flag": "critical"}, "rba": {"major": "critical"}}}}"#)
    #expect(config.audit.verifiedWindowMonths == 12)
    #expect(config.audit.severityMap.severity(of: "red flag", scheme: "acme-2") == .critical)
    #expect(config.audit.severityMap.severity(of: "Major", scheme: "rba-vap") == .critical)
    #expect(config.audit.severityMap.severity(of: "Minor", scheme: "rba-vap") == .minor)
    #expect(RiskConfig.defaults == (try RiskConfig.parse("{}")))
    for bad in [
      #"{"audit": {"bogus": 1}}"#, #"{"audit": {"verified_factor": 1.5}}"#, #"{"audit": {"categories": {"space": "forced_labour"}}}"#,
      #"{"audit": {"severity_map": {"acme": {"red": "terrible"}}}}"#, #"{"audit": {"max_age_months": 2.5}}"#,
    ] {
      #expect(throws: RiskConfigError.self, "\(bad)") { try RiskConfig.parse(bad) }
    }
  }
}
