import Foundation
import Testing
import TierscanCore
import TierscanIngest
import TierscanRisk
import TierscanReport

/// The roll-up of SampleData/2025 (CSVs, the four CMRTs and the references; the XML disclosures
/// are left out so the figures do not depend on the XML reader).
///
/// Expected figures were counted by hand from an openpyxl dump of `SampleData/2025/cmrt/*.xlsx`
/// (Smelter List rows 5+, columns A–F and hidden R–S; Declaration D8–D22 and Q1 D26–D29) and
/// from `reference/smelter-reference.csv`:
/// - Klang Valley (SOLD by name): Sn CID900311, CID900327, CID900358; Q1 Sn only; scope A.
/// - Penang Kinta (EMS-PEN by DUNS): Ta CID900431, Sn CID900311, CID900358, W CID900532,
///   Au CID900611, CID900643; Q1 all Yes; scope C with D10.
/// - Suzhou Amberline (CAP by LEI): Ta CID900415, CID900431, Sn CID900327; Q1 Ta, Sn; scope B.
/// - Xiamen Grayrock (TUNG by name): W CID900516, CID900532; Q1 W; scope A.
/// 14 rows, 9 distinct smelter × metal. Reference: all conformant except CID900358
/// (non-conformant); CID900643 is not in it (unknown).
@Suite struct CMRTRollupTests {
  static func prepared() throws -> ScanPipeline.Prepared {
    let inputs = ["entities.csv", "relationships.csv", "supplier-list.csv", "cmrt", "reference"].map(CMRTTestPaths.sample)
    return try ScanPipeline().prepare(ScanRequest(inputs: inputs))
  }

  static func rollup(focus: Bool) throws -> CMRTRollup {
    let prepared = try prepared()
    let pipeline = ScanPipeline()
    let analysis = focus ? pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph)) : nil
    return CMRTRollup(inputs: prepared.inputs, graph: prepared.graph, analysis: analysis, findings: prepared.findings)
  }

  @Test func smelterList() throws {
    let rollup = try Self.rollup(focus: false)
    #expect(rollup.smelterRowCount == 14)
    #expect(rollup.distinctSmelterCount == 9)
    #expect(rollup.smelters.map { "\($0.smelterID)/\($0.metal)" } == [
      "CID900311/tin", "CID900327/tin", "CID900358/tin", "CID900415/tantalum", "CID900431/tantalum",
      "CID900516/tungsten", "CID900532/tungsten", "CID900611/gold", "CID900643/gold",
    ])
    #expect(rollup.smelters.map { $0.suppliers.map(\.entityID) } == [
      ["EMS-PEN", "SOLD"], ["CAP", "SOLD"], ["EMS-PEN", "SOLD"], ["CAP"], ["CAP", "EMS-PEN"], ["TUNG"],
      ["EMS-PEN", "TUNG"], ["EMS-PEN"], ["EMS-PEN"],
    ])
    #expect(rollup.smelters.map(\.rows) == [2, 2, 2, 1, 2, 1, 2, 1, 1])
    #expect(rollup.smelters.map(\.status) == [
      .conformant, .conformant, .nonConformant, .conformant, .conformant, .conformant, .conformant, .conformant,
      .unknown,
    ])
    #expect(rollup.smelters.last?.statusSource == .notInReference)
    #expect(rollup.smelters.last?.name == "PT Mas Murni Refinery")
    #expect(rollup.smelters.last?.country == "ID")
  }

  @Test func metalsByStatus() throws {
    let rollup = try Self.rollup(focus: false)
    #expect(rollup.hasStatusReference)
    let rows = rollup.metals.map { [$0.conformant, $0.active, $0.nonConformant, $0.unknown] }
    #expect(rollup.metals.map(\.metal) == ["tantalum", "tin", "gold", "tungsten"])
    #expect(rows == [[2, 0, 0, 0], [2, 0, 1, 0], [1, 0, 0, 1], [2, 0, 0, 0]])
    #expect(rollup.metals.map(\.conformantShare) == [1.0, 2.0 / 3.0, 0.5, 1.0])
    let total: [Int] = [rollup.total.conformant, rollup.total.nonConformant, rollup.total.unknown, rollup.total.total]
    #expect(total == [7, 1, 1, 9])
    #expect(rollup.total.conformantShare == 7.0 / 9.0)
  }

  @Test func supplierResponses() throws {
    let rollup = try Self.rollup(focus: true)
    #expect(rollup.suppliers.map(\.declarer.entityID) == ["SOLD", "EMS-PEN", "CAP", "TUNG"])
    #expect(rollup.suppliers.map(\.version) == ["6.4", "6.4", "6.4", "6.4"])
    #expect(rollup.suppliers.map(\.effectiveDate) == ["2025-03-14", "2025-04-29", "2025-04-02", "2025-05-06"])
    // Scope A/B: D8, D9, D15, D16, D18, D20, D22 + 4 × Q1 = 11; scope C adds D10 = 12. All filled.
    #expect(rollup.suppliers.map { "\($0.requiredPresent)/\($0.requiredTotal)" } == ["11/11", "12/12", "11/11", "11/11"])
    #expect(rollup.suppliers.map(\.metalsUsed) == [["tin"], ["tantalum", "tin", "gold", "tungsten"], ["tantalum", "tin"], ["tungsten"]])
    #expect(rollup.suppliers.map(\.smelterRows) == [3, 6, 3, 2])
    #expect(rollup.suppliers.map(\.distinctSmelters) == [3, 6, 3, 2])
    // Klang and Xiamen: name-merge; Penang: CID900643 not in the reference; no errors.
    #expect(rollup.suppliers.map(\.warnings) == [1, 1, 0, 1])
    #expect(rollup.suppliers.map(\.errors) == [0, 0, 0, 0])
    // SOLD → EMS-PEN → BWN → NWT; CAP → EMS-SZ → BWN; TUNG → EMS-HN → KMD → NWT.
    #expect(rollup.suppliers.map(\.tier) == [3, 2, 3, 3])
  }

  /// Tier ≥ 1 companies with a 3TG word in a commodity or supplies edge, buying one, or with a
  /// Q1 Yes: EMS-HN and EMS-SZ buy tantalum capacitors (EMS-HN also tungsten counterweights), CAP
  /// and TUNG sell them, SOLD and EMS-PEN answer Q1 Yes. BWN, KMD, EMS-GDL, PCB-GZ, CONN (no XML)
  /// have no 3TG link. Returned: SOLD, EMS-PEN, CAP, TUNG → 4 of 6.
  @Test func responseRate() throws {
    let response = try #require(try Self.rollup(focus: true).response)
    #expect(response.focusID == "NWT")
    #expect(response.expected.map(\.entityID) == ["EMS-HN", "EMS-PEN", "EMS-SZ", "CAP", "SOLD", "TUNG"])
    #expect(response.expected.map(\.tier) == [2, 2, 2, 3, 3, 3])
    #expect(response.expected.map(\.returned) == [false, true, false, true, true, true])
    #expect(response.expectedCount == 6 && response.returnedCount == 4)
    #expect(response.rate == 4.0 / 6.0)
    #expect(response.expected[0].reasons == ["buys:tantalum capacitors", "buys:tungsten counterweights"])
    #expect(response.expected[4].reasons == ["buys:tin", "cmrt-q1:tin"])
    #expect(response.unexpectedResponders.isEmpty)
  }

  @Test func filesAreDeterministicAndNeutralised() throws {
    let rollup = try Self.rollup(focus: true)
    let smelters = CMRTRollupFiles.smeltersCSV(rollup).split(separator: "\n").map(String.init)
    #expect(smelters.count == 10)
    #expect(smelters[0] == "smelter_id,cid,name,metal,country,status,status_source,suppliers,supplier_ids,supplier_names,rows")
    #expect(smelters[3] == "CID900358,CID900358,Fundición Altiplano Sur S.A.,tin,BO,non-conformant,reference,2,EMS-PEN;SOLD,Penang Kinta Electronics Sdn. Bhd.;Klang Valley Solder Alloys Sdn. Bhd.,2")
    #expect(smelters[9] == "CID900643,CID900643,PT Mas Murni Refinery,gold,ID,unknown,not in reference,1,EMS-PEN,Penang Kinta Electronics Sdn. Bhd.,1")
    let summary = try JSONParser.parse(CMRTRollupFiles.summaryJSON(rollup))
    #expect(summary["distinct_smelters"]?.numberValue == 9)
    #expect(summary["response"]?["returned"]?.numberValue == 4)
    #expect(summary["total"]?["conformant_share"]?.numberValue == 7.0 / 9.0)
    let markdown = CMRTRollupMarkdown.render(rollup)
    #expect(markdown.contains("| tin | 2 | 0 | 1 | 0 | 3 | 66.7 % |"))
    #expect(markdown.contains("4 of 6 supplier(s) expected to report returned a CMRT (66.7 %)."))
    #expect(CMRTOutputWriter.files(rollup).map(\.bytes) == CMRTOutputWriter.files(try Self.rollup(focus: true)).map(\.bytes))
  }

  @Test func reportingRuleMatchesWords() {
    #expect(CMRTReportingRule.is3TG("tantalum capacitors"))
    #expect(CMRTReportingRule.is3TG("Gold-plated connectors"))
    #expect(CMRTReportingRule.is3TG("cassiterite"))
    #expect(!CMRTReportingRule.is3TG("tinned copper"))
    #expect(!CMRTReportingRule.is3TG("solder"))
    #expect(!CMRTReportingRule.is3TG("marigold"))
  }

  /// paths.json for NWT, conflict_minerals: CID900358 (non-conformant, 1.0) → EMS-PEN (Penang
  /// CMRT row 7, declared 0.9 × 0.85 = 0.765) → BWN (observed 0.85) → NWT (observed 0.85):
  /// 0.765 × 0.85 × 0.85 = 0.5527125 (medium). The first hop cites the workbook cell.
  @Test func scanPathCitesTheSmelterListCell() throws {
    let prepared = try Self.prepared()
    let pipeline = ScanPipeline()
    let analysis = pipeline.analyze(prepared, focus: try pipeline.focusIndex("NWT", in: prepared.graph))
    let paths = try #require(try JSONParser.parse(PathsJSON.render(analysis)).arrayValue)
    let nwt = try #require(paths.first { $0["entity_id"]?.stringValue == "NWT" && $0["category"]?.stringValue == "conflict_minerals" })
    #expect(abs(nwt["score"]!.numberValue! - 0.5527125) < 1e-12)
    #expect(nwt["level"]?.stringValue == "medium")
    #expect(nwt["source_id"]?.stringValue == "CID900358")
    let hops = try #require(nwt["hops"]?.arrayValue)
    #expect(hops.map { $0["to"]!.stringValue! } == ["EMS-PEN", "BWN", "NWT"])
    #expect(hops[0]["file"]?.stringValue == CMRTTestPaths.sample("cmrt/Penang-Kinta-Electronics_RMI_CMRT_6.4.xlsx"))
    #expect(hops[0]["line"]?.numberValue == 7)
    #expect(hops[0]["sheet"]?.stringValue == "Smelter List")
    #expect(hops[0]["cell"]?.stringValue == "F7")
    #expect(hops[0]["commodity"]?.stringValue == "tin")
    #expect(hops[1]["sheet"] == nil && hops[1]["cell"] == nil)
  }
}

@Suite struct CMRTRollupNeutralisationTests {
  /// Cells beginning with `=`, `+`, `-`, `@` get a leading `'` (SPEC §5); ids included. Without
  /// metal answers the template counts as not 6.x: completeness is the company name, 1/1.
  @Test func formulaCellsAreNeutralised() {
    var row = CMRTSmelterRow(row: 5, provenance: Provenance(file: "-x.xlsx", line: 5, sheet: "Smelter List", cell: "D5"))
    row.metal = "tin"
    row.effectiveName = "=HYPERLINK(\"x\")"
    row.entityID = "smelter:=hyperlink x:"
    var inputs = IngestedInputs()
    inputs.workbooks = [
      CMRTWorkbook(file: "-x.xlsx", template: "CMRT", version: "6.4", companyName: "@Evil", companyID: "+EVIL", smelters: [row])
    ]
    let rollup = CMRTRollup(inputs: inputs, graph: .empty, analysis: nil)
    let smelters = CMRTRollupFiles.smeltersCSV(rollup).split(separator: "\n").map(String.init)
    #expect(smelters[1] == "smelter:=hyperlink x:,,\"'=HYPERLINK(\"\"x\"\")\",tin,,unknown,no cid,1,'+EVIL,'@Evil,1")
    let suppliers = CMRTRollupFiles.suppliersCSV(rollup).split(separator: "\n").map(String.init)
    #expect(suppliers[1] == "'-x.xlsx,'@Evil,'+EVIL,'@Evil,CMRT,6.4,,,1,1,,1,0,1,0,0,0,")
  }
}
