import Foundation
import Testing
import TierscanCore
import TierscanMatch
import TierscanReport
import TierscanTestSupport

/// CMRT declarer → supplier linking through the matching engine (docs/entity-resolution.md §7.1),
/// on the fixtures in Tests/Fixtures/er/declarers (invented companies) and on the real filled
/// CMRTs in ../shared/realdata (never committed).
@Suite struct DeclarerLinkTests {
  static let root = CMRTTestPaths.root
  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
  static let declarers = path("Tests/Fixtures/er/declarers")
  static let judgements = path("Tests/Fixtures/er/declarer-judgements.csv")

  static func prepare(_ inputs: [String]) throws -> ScanPipeline.Prepared {
    try ScanPipeline().prepare(ScanRequest(inputs: inputs))
  }

  static func findings(_ prepared: ScanPipeline.Prepared, _ rule: FindingRule) -> [Finding] {
    prepared.findings.filter { $0.rule == rule }
  }

  static func isOne(_ graph: SupplyGraph, _ a: String, _ b: String) -> Bool {
    guard let x = graph.index(of: a), let y = graph.index(of: b) else { return false }
    return x == y
  }

  @Test func engineLinksWhatTheExactRuleMissesAndReportsWhatItCannotDecide() throws {
    let prepared = try Self.prepare([Self.declarers])
    let graph = prepared.graph
    // Exact normalised name (SPEC §2.8): merged as before, by the exact rule.
    #expect(Self.isOne(graph, "cmrt:acme-metals", "S-ACME"))
    #expect(Self.findings(prepared, .nameMerge).count == 1)
    // `CO.LTD` defeats the exact rule; the engine decides same (agreeing addresses) and links.
    #expect(Self.isOne(graph, "cmrt:brighton-solder", "S-BRIGHT"))
    #expect(Self.isOne(graph, "cmrt:fortune-metal", "S-FORT"))
    let bright = graph[graph.index(of: "S-BRIGHT")!]
    #expect(bright.id == "S-BRIGHT")
    #expect(bright.aliases.contains("Brighton Solder Co., Ltd."))
    #expect(bright.sources.contains { $0.file.hasSuffix("brighton.xlsx") && $0.cell == "D8" })
    let linked = Self.findings(prepared, .declarerLinked)
    #expect(linked.map { $0.location?.file.split(separator: "/").last.map(String.init) ?? "" } == ["brighton.xlsx", "fortune.xlsx"])
    #expect(linked.allSatisfy { $0.severity == .warning && $0.location?.cell == "D8" })
    #expect(linked[0].evidence.contains(Attribute("entity", "S-BRIGHT")))
    #expect(linked[0].evidence.contains { $0.key == "features" && $0.value.contains("address=") })
    // A bracketed place and no supplier address: possible, reported, not merged.
    #expect(!Self.isOne(graph, "cmrt:coral-tin-smelting-thailand", "S-CORAL"))
    // A different company with a near name and another address: never merged.
    #expect(!Self.isOne(graph, "cmrt:everbright-alloy", "S-EVER"))
    let possible = Self.findings(prepared, .declarerPossibleLink)
    #expect(possible.map { $0.evidence.first { $0.key == "entity" }?.value } == ["S-CORAL", "S-EVER"])
    #expect(prepared.declarerLinks.reviewPairs.map(\.entity) == ["S-CORAL", "S-EVER"])
    #expect(prepared.declarerLinks.links.map(\.left) == ["S-BRIGHT", "S-FORT"])
    // One finding per pair: the duplicate search lists the pair but does not report it again.
    #expect(Self.findings(prepared, .possibleDuplicate).isEmpty)
    let coral = graph.index(of: "S-CORAL")!
    #expect(prepared.duplicates.possibleSameAs[coral] == ["cmrt:coral-tin-smelting-thailand"])
  }

  @Test func judgementsOverrideTheEngine() throws {
    let prepared = try Self.prepare([Self.declarers, Self.judgements])
    let graph = prepared.graph
    // not_same: the link the engine would make is suppressed, once, at the judgement's line.
    #expect(!Self.isOne(graph, "cmrt:fortune-metal", "S-FORT"))
    let suppressed = Self.findings(prepared, .judgementSuppressed)
    #expect(suppressed.count == 1)
    #expect(suppressed.first?.location?.file == Self.judgements && suppressed.first?.location?.line == 2)
    #expect(suppressed.first?.evidence.contains(Attribute("suppressed", "true")) == true)
    // same: the possible pair merges, with the judgement in the entity's sources.
    #expect(Self.isOne(graph, "cmrt:coral-tin-smelting-thailand", "S-CORAL"))
    #expect(graph[graph.index(of: "S-CORAL")!].sources.contains { $0.file == Self.judgements && $0.line == 3 })
    #expect(Self.findings(prepared, .declarerLinked).count == 1)
    #expect(Self.findings(prepared, .declarerPossibleLink).map { $0.evidence.first { $0.key == "entity" }?.value } == ["S-EVER"])
    #expect(!prepared.findings.contains { $0.severity == .error })
  }

  @Test func twoSameCandidatesMergeNeitherAndUnsureNeverMerges() throws {
    let dir = TestScratch.directory.appendingPathComponent("tierscan-declarers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
      id,name,kind,country,address
      S-B1,BRIGHTON SOLDER CO.LTD,company,MY,"Lot 5 Jalan Timah 3, Klang, Selangor"
      S-B2,Brighton Solder Co.Ltd (Klang),company,MY,"Lot 5, Jalan Timah 3, Klang"
      S-F,FORTUNE METAL CO.LTD,company,CN,"3 Gold Avenue, Shenzhen"
      SM-1,Brighton Solder Refinery,smelter,MY,"Lot 5 Jalan Timah 3, Klang"

      """.write(to: dir.appendingPathComponent("entities.csv"), atomically: true, encoding: .utf8)
    try """
      left,right,decision,reviewer,decided_on,reason
      cmrt:fortune-metal,S-F,unsure,A. Reviewer,2025-04-01,asked the supplier

      """.write(to: dir.appendingPathComponent("judgements.csv"), atomically: true, encoding: .utf8)
    let prepared = try Self.prepare([
      dir.appendingPathComponent("entities.csv").path, dir.appendingPathComponent("judgements.csv").path,
      Self.path("Tests/Fixtures/er/declarers/brighton.xlsx"), Self.path("Tests/Fixtures/er/declarers/fortune.xlsx"),
    ])
    #expect(Self.findings(prepared, .declarerLinked).isEmpty)
    #expect(!Self.isOne(prepared.graph, "cmrt:brighton-solder", "S-B1"))
    #expect(!Self.isOne(prepared.graph, "cmrt:brighton-solder", "S-B2"))
    #expect(!Self.isOne(prepared.graph, "cmrt:fortune-metal", "S-F"))
    let possible = Self.findings(prepared, .declarerPossibleLink)
    // The smelter of the same name is another kind: never compared with a company.
    #expect(possible.map { $0.evidence.first { $0.key == "entity" }?.value } == ["S-B1", "S-B2", "S-F"])
    try #require(possible.count == 3)
    #expect(possible[0].message.contains("2 entities are decided same with this declarer, so none is merged"))
    #expect(possible[2].message.contains("judged unsure at"))
  }

  @Test func declarersWithoutANameOrMergedByIdentifierAreNotCompared() throws {
    // cmrt_clean.xlsx declares LEI 5493001KJTIIGC8Y1R12; cmrt_blank_company.xlsx has no name.
    let dir = TestScratch.directory.appendingPathComponent("tierscan-declarers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
      id,name,kind,country,lei
      W-1,Acme Widgets Limited (UK),company,GB,5493001KJTIIGC8Y1R12
      W-2,Acme Widget Ltd,company,GB,

      """.write(to: dir.appendingPathComponent("entities.csv"), atomically: true, encoding: .utf8)
    let prepared = try Self.prepare([
      dir.appendingPathComponent("entities.csv").path, CMRTTestPaths.fixture("cmrt_clean.xlsx"),
      CMRTTestPaths.fixture("cmrt_blank_company.xlsx"),
    ])
    #expect(Self.isOne(prepared.graph, "cmrt:acme-widgets", "W-1"))
    #expect(prepared.declarerLinks.compared == 0)
    #expect(Self.findings(prepared, .declarerLinked).isEmpty && Self.findings(prepared, .declarerPossibleLink).isEmpty)
  }
}

/// The real filled CMRT 6.4 workbooks (PROVENANCE.md) against a supplier list written as a buyer
/// would: before the engine, 2 of the 5 named declarers joined their supplier (exact name); now
/// every one is linked or reported, and a different company with a near name is left alone.
@Suite(.enabled(if: CMRTTestPaths.hasRealData, "../shared/realdata is absent: real CMRT declarers not checked"))
struct DeclarerLinkRealDataTests {
  @Test func everyRealDeclarerIsLinkedOrReported() throws {
    let dir = TestScratch.directory.appendingPathComponent("tierscan-declarers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
      id,name,kind,country,address
      V-CGC,CENTRAL GLASS CO.LTD,company,JP,"Kowa Hitotsubashi Bldg, 7-1 Kanda Nishikicho 3-chome, Chiyoda-ku, Tokyo"
      V-SKS,SK Specialty Co Ltd (Yeongju),company,KR,"63 Gaheunggongdan-ro, Yeongju-si, Gyeongsangbuk-do"
      V-HON,Honeywell International Inc.,company,US,"115 Tabor Road, Morris Plains, NJ"
      V-JXA,JX ADVANCED METALS CORP.,company,JP,"2-10-4 Toranomon, Minato-ku, Tokyo"
      V-EMD,EMD Electronics (Merck KGaA),company,US,"8555 South River Parkway, Tempe AZ"
      V-CGX,Central Glass Fibre Co Ltd,company,JP,"Tsu, Mie"

      """.write(to: dir.appendingPathComponent("suppliers.csv"), atomically: true, encoding: .utf8)
    let real = CMRTTestPaths.realData.appendingPathComponent("wwww13wwww_mineral-system").path
    let prepared = try ScanPipeline().prepare(
      ScanRequest(inputs: [dir.appendingPathComponent("suppliers.csv").path, real]))
    let graph = prepared.graph
    #expect(DeclarerLinkTests.isOne(graph, "cmrt:honeywell-international", "V-HON"))
    #expect(DeclarerLinkTests.isOne(graph, "cmrt:jx-advanced-metals", "V-JXA"))
    #expect(DeclarerLinkTests.isOne(graph, "cmrt:central-glass", "V-CGC"))
    #expect(DeclarerLinkTests.isOne(graph, "cmrt:sk-specialty", "V-SKS"))
    let emd = "cmrt:emd-electronics-a-business-of-merck-kgaa-darmstadt-germany"
    #expect(!DeclarerLinkTests.isOne(graph, emd, "V-EMD"))
    #expect(prepared.declarerLinks.reviewPairs.map { [$0.declarer, $0.entity] } == [[emd, "V-EMD"]])
    #expect(graph[graph.index(of: "V-CGX")!].sources.count == 1)
    #expect(prepared.findings.filter { $0.rule == .nameMerge }.count == 2)
    #expect(prepared.findings.filter { $0.rule == .declarerLinked }.count == 2)
  }
}
