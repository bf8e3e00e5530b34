import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanReport

/// Real 6.4 workbooks against the CMRT 6.5 Smelter Look-up (../shared/realdata, never committed).
/// PROVENANCE.md: Honeywell's CID000766 and CID002508 were delisted before 6.5.
@Suite(.enabled(if: CMRTTestPaths.hasRealData)) struct CMRTRealDataRollupTests {
  static let honeywell = "wwww13wwww_mineral-system/RMI_CMRT_6.4_HEM_Honeywell_r1 (4) 更新版本.xlsx"
  static let lookup = "cirscn_cm-reporting_templates/RMI_CMRT_6.5.xlsx"

  @Test func honeywellDelistedCIDsAreFlagged() throws {
    let path = CMRTTestPaths.realData.appendingPathComponent(Self.honeywell).path
    let request = ScanRequest(
      inputs: [path], smelterLookups: [CMRTTestPaths.realData.appendingPathComponent(Self.lookup).path])
    let prepared = try ScanPipeline().prepare(request)
    let flagged = prepared.findings.filter { $0.rule == .cidNotInReference }
    #expect(flagged.compactMap { $0.evidence.first?.value } == ["CID000766", "CID002508"])
    #expect(flagged.allSatisfy { $0.location?.file == path && $0.location?.sheet == "Smelter List" })
    #expect(prepared.findings.filter { $0.rule == .smelterCountryMismatch }.isEmpty)

    let rollup = CMRTRollup(inputs: prepared.inputs, graph: prepared.graph, analysis: nil)
    // 40 rows (W 18, Ta 22), 39 distinct CIDs (one duplicate); the 6.5 look-up has 349 CIDs.
    #expect(rollup.smelterRowCount == 40)
    #expect(rollup.distinctSmelterCount == 39)
    #expect(rollup.lookupCIDCount == 349)
    #expect(!rollup.hasStatusReference)
    #expect(rollup.smelters.filter { $0.statusSource == .notInReference }.map(\.smelterID) == ["CID000766", "CID002508"])
    #expect(rollup.smelters.filter { $0.statusSource == .lookupOnly }.count == 37)
    #expect(rollup.total.unknown == 39 && rollup.total.conformantShare == nil)
  }
}
