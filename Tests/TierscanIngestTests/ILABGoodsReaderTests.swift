import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest

@Suite("ILAB goods list (SPEC §2.9)")
struct ILABGoodsReaderTests {
  private func line(_ entry: CountryRiskEntry) -> String {
    "\(entry.country):\(entry.category):\(entry.commodity ?? "-")@\(entry.provenance.line ?? -1)"
  }

  @Test func sampleGivesOneEntryPerFlaggedCategory() {
    let result = XMLFixtures.read("ilab-sample.xml")
    #expect(result.countryRisk.map(line) == [
      "CN:forced_labour:polysilicon@6",
      "CD:child_labour:gold@17", "CD:forced_labour:gold@17",
      // Forced_Child_Labor alone counts as both child and forced labour.
      "MM:child_labour:gold@23", "MM:forced_labour:gold@23",
      "CI:child_labour:tantalum@52",
    ])
    #expect(result.countryRisk.allSatisfy { $0.score == 0.7 && $0.source == "ILAB" })
    #expect(XMLFixtures.places(result) == ["ilab-unmapped-country@29", "ilab-unmapped-good@40"])
    #expect(result.findings.findings.allSatisfy { $0.severity == .warning })
    #expect(result.files == [
      InputFileSummary(path: "xml/ilab-sample.xml", kind: .ilabGoods, recordsRead: 6, recordsAccepted: 4, recordsRejected: 2)
    ])
  }

  @Test func sourceNamesTheYearInTheFileName() {
    #expect(ILABGoodsReader.sourceName(for: "lists/goods_2021.xml") == "ILAB 2021")
    #expect(ILABGoodsReader.sourceName(for: "2024/ilab.xml") == "ILAB")
    #expect(ILABGoodsReader.sourceName(for: "goods-20210.xml") == "ILAB")
  }

  @Test(arguments: [
    ("China", "CN"), ("Burma", "MM"), ("Côte d'Ivoire", "CI"), ("Cote d’Ivoire", "CI"),
    ("Congo, Democratic Republic of the", "CD"), ("Kyrgyz Republic", "KG"), ("Turkey (Türkiye)", "TR"),
    ("North Korea", "KP"), ("Russia", "RU"), ("Vietnam", "VN"), ("Taiwan", "TW"), ("Eswatini", "SZ"),
    ("united kingdom", "GB"), ("The Bahamas", "BS"),
  ])
  func countryNamesResolve(_ name: String, _ code: String) {
    #expect(ILABGoodsMapping.shipped.countryCode(for: name) == code)
  }

  @Test func unknownNamesDoNotResolve() {
    #expect(ILABGoodsMapping.shipped.countryCode(for: "Atlantis") == nil)
    #expect(ILABGoodsMapping.shipped.commodity(for: "Moon Rocks") == nil)
    #expect(ILABGoodsMapping.shipped.commodity(for: "  tin ORE (cassiterite) ") == "tin")
    #expect(ILABGoodsMapping.shipped.commodity(for: "Cotton") == "cotton")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: XMLFixtures.realData.path + "/risk_lists/goods_2021.xml")))
  func realGoodsList() {
    let url = XMLFixtures.realData.appendingPathComponent("risk_lists/goods_2021.xml")
    let result = XMLFixtures.read(url: url, shownAs: "goods_2021.xml")
    // Counted independently (Python ElementTree): 467 rows, 457 with a Yes flag; child labour
    // (Child_Labor or Forced_Child_Labor) 414, forced labour (Forced_Labor or
    // Forced_Child_Labor) 121; 78 countries, every one mapped. The other 10 rows flag only
    // Derived_Labor_Exploitation: records, each an `ilab-derived-only` warning, not scored.
    #expect(result.findings.findings.map(\.rule) == Array(repeating: .ilabDerivedOnly, count: 10))
    #expect(result.files == [
      InputFileSummary(path: "goods_2021.xml", kind: .ilabGoods, recordsRead: 467, recordsAccepted: 457, recordsRejected: 10)
    ])
    #expect(result.countryRisk.count == 535)
    #expect(result.countryRisk.filter { $0.category == "child_labour" }.count == 414)
    #expect(result.countryRisk.filter { $0.category == "forced_labour" }.count == 121)
    #expect(Set(result.countryRisk.map(\.country)).count == 78)
    #expect(result.countryRisk.allSatisfy { $0.source == "ILAB 2021" })
    let polysilicon = result.countryRisk.filter { $0.commodity == "polysilicon" }
    #expect(polysilicon.map(line) == ["CN:forced_labour:polysilicon@3405"])
    let drcGold = result.countryRisk.filter { $0.commodity == "gold" && $0.country == "CD" }
    #expect(drcGold.map(line) == ["CD:child_labour:gold@2415", "CD:forced_labour:gold@2415"])
    #expect(result.countryRisk.filter { $0.commodity == "cotton" }.map(\.provenance.line).first == 1380)
  }
}
