import Testing
import TierscanCore

@testable import TierscanRisk

/// The commodity vocabulary in country-commodity matching (docs/commodities.md).
@Suite struct CommodityVocabularyTests {
  static let vocabulary: CommodityVocabulary = {
    let json = #"""
      {"commodities": {
        "garments": {"synonyms": ["apparel", "clothing", "garment"], "hs": ["61", "62"]},
        "cotton": {"synonyms": ["cotton yarn"], "hs": ["52", "5201"]},
        "solar cells": {"hs": ["854142"]}
      }}
      """#
    return try! CommodityVocabulary(json: Array(json.utf8))
  }()

  @Test func wordsPluralsAndCodes() {
    let v = Self.vocabulary
    #expect(v.canonical("Garments") == .init(commodity: "garments", how: "canonical"))
    #expect(v.canonical(" APPAREL ") == .init(commodity: "garments", how: "synonym"))
    #expect(v.canonical("clothings") == .init(commodity: "garments", how: "plural"))
    #expect(v.canonical("cotton  yarn")?.commodity == "cotton")
    #expect(v.canonical("6110")?.how == "hs 61")
    #expect(v.commodity(forHS: "6110.20")?.commodity == "garments")
    #expect(v.commodity(forHS: "520100") == .init(commodity: "cotton", how: "hs 5201"))
    #expect(v.commodity(forHS: "520812") == .init(commodity: "cotton", how: "hs 52"))
    #expect(v.commodity(forHS: "854142")?.commodity == "solar cells")
    #expect(v.commodity(forHS: "8541") == nil)
    #expect(v.canonical("widgets") == nil && v.commodity(forHS: "9") == nil)
  }

  private func graph() -> SupplyGraph {
    var f = GraphFixture()
    f.entity("F", country: "GB")
    f.entity("A", country: "CN", commodities: ["apparel"])
    f.entity("B", country: "CN")
    f.entity("C", country: "CN")
    f.entity("D", country: "CN")
    f.entity("E", country: "VN", commodities: ["garments"])
    f.edge("C", "F", commodity: "clothing")
    f.edge("D", "F", commodity: "widgets")
    f.relationships.append(
      RelationshipRecord(
        from: "B", to: "F", type: .supplies, hsCode: "6110.20", provenance: Provenance(file: "rel.csv", line: 9)))
    return f.build()
  }

  private let row = CountryRiskEntry(
    country: "CN", category: "forced_labour", score: 0.7, commodity: "garments", provenance: .init(file: "c.csv", line: 2))

  @Test func synonymsAndHSCodesMatchCountryCommodityRows() {
    let graph = graph()
    let ids = { (index: CountryCommodityIndex) in index.entities(of: self.row).map { graph[$0].id } }
    #expect(ids(CountryCommodityIndex(graph: graph, rows: [row], vocabulary: Self.vocabulary)) == ["A", "B", "C"])
    // Without the vocabulary only the exact word matches: nothing here.
    #expect(ids(CountryCommodityIndex(graph: graph, rows: [row])) == [])
    // A row written with a synonym reads as its canonical commodity.
    var apparel = row
    apparel.commodity = "apparel"
    #expect(
      CountryCommodityIndex(graph: graph, rows: [apparel], vocabulary: Self.vocabulary).entities(of: apparel).count == 3)
  }

  @Test func evidenceNamesTheMappingsAndUnknownValuesAreReported() {
    let usage = CommodityUsage(graph: graph(), rows: [row], vocabulary: Self.vocabulary)
    let evidence = usage.evidence(for: row)
    #expect(evidence.map(\.0) == ["commodity_vocabulary"])
    #expect(
      evidence.first?.1 == .string(
        "apparel→garments (synonym); clothing→garments (synonym); hs_code 6110.20→garments (hs 61)"))
    var findings = FindingLog()
    usage.report(into: &findings)
    #expect(findings.findings.map(\.rule.id) == ["unmapped-commodity"])
    #expect(findings.findings.first?.severity == .info)
    #expect(findings.findings.first?.evidence == [Attribute("commodity", "widgets"), Attribute("count", "1")])
  }

  @Test func nothingIsComputedWithoutCommodityRows() {
    var anyCommodity = row
    anyCommodity.commodity = nil
    var findings = FindingLog()
    CommodityUsage(graph: graph(), rows: [anyCommodity], vocabulary: Self.vocabulary).report(into: &findings)
    #expect(findings.findings.isEmpty)
  }
}
