import Testing
import TierscanCore
import TierscanMatch
@testable import TierscanRisk

/// The `name-fuzzy` risk-list rule (SPEC v3 §6): a listed supplier whose name differs only in
/// legal form, punctuation, `&`/`and`, accents or a bracketed place is found; exact rules win;
/// the identifier and country guards hold; `not_same` judgements suppress it visibly.
@Suite struct FuzzyRiskListMatcherTests {
  static func rules(_ a: RiskAnalysis, _ id: String) -> [String] {
    a.exposure(id)?.rules.map(\.rule.id) ?? []
  }

  @Test(arguments: [
    ("legal form", "Zhucheng Hengwei Clothing Co Ltd", "ZHUCHENG HENGWEI CLOTHING CO.LTD"),
    ("Spanish legal form", "Industrias Merlet", "Industrias Merlet S.A. de C.V."),
    ("punctuation", "Huai-An Yuan Tong Headwear", "Huai An Yuan Tong Headwear Mfg. Co. Ltd."),
    ("& and and", "Fujian Jinjiang Huamei Knitting & Clothing Co Ltd", "FUJIAN JINJIANG HUAMEI KNITTING AND CLOTHING LTD"),
    ("accents", "Confecções Têxteis Guimarães Lda", "Confeccoes Texteis Guimaraes"),
    ("bracketed place", "Jung Myung Textile (Shaowu) Co.", "Jung Myung Textile Co. Ltd."),
    ("Malay legal form", "Penang Kinta Electronics Sdn. Bhd.", "Penang Kinta Electronics"),
  ])
  func variantIsFound(what: String, listed: String, supplier: String) {
    var f = GraphFixture()
    f.entity("BUYER", country: "GB")
    f.entity("S", name: supplier, country: "CN")
    f.edge("S", "BUYER")
    let a = analyze(f.build(), focus: "BUYER", riskList: [listRow(listed, country: "CN")])
    let rules = a.exposure("S")?.rules ?? []
    // Either the exact rule already matches (the normalisation of SPEC §2.4 covers it) or name-fuzzy does.
    #expect(rules.count == 1, "\(what)")
    if let rule = rules.first, rule.rule == .nameFuzzy {
      #expect(rule.score == 0.6)
      #expect(rule.evidence.contains { $0.0 == "similarity" })
      #expect(rule.evidence.contains { $0.0 == "features" })
    }
  }

  @Test func fuzzyFiresWhereExactDoesNot() {
    var f = GraphFixture()
    f.entity("BUYER", country: "GB")
    f.entity("S", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "CN")
    f.edge("S", "BUYER")
    // SPEC §2.4 normalises CO.LTD to `coltd`, which is no legal form: the exact rules miss it.
    let a = analyze(f.build(), focus: "BUYER", riskList: [listRow("Zhucheng Hengwei Clothing Co Ltd", country: "CN")])
    #expect(Self.rules(a, "S") == ["name-fuzzy"])
    #expect(a.score("S") == 0.6)
    #expect(a.score("BUYER") > 0)
  }

  @Test func fuzzyScreeningCanBeSwitchedOffAndSaysSo() throws {
    var f = GraphFixture()
    f.entity("BUYER", country: "GB")
    f.entity("S", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "CN")
    f.entity("T", name: "Foo Textile Co", country: "CN")
    f.edge("S", "BUYER")
    f.edge("T", "BUYER")
    let rows = [listRow("Zhucheng Hengwei Clothing Co Ltd", country: "CN"), listRow("FOO TEXTILE", country: "CN", line: 3)]
    let off = analyze(
      f.build(), focus: "BUYER", config: try config(#"{"matching": {"fuzzy_screening": false}}"#), riskList: rows)
    #expect(Self.rules(off, "S").isEmpty)
    // The exact rules still apply.
    #expect(Self.rules(off, "T") == ["name-country"])
    let notes = off.findings.findings.filter { $0.rule == .fuzzyScreeningOff }
    #expect(notes.count == 1)
    #expect(notes.first?.message.contains("2 risk-list row(s)") == true)
    let on = analyze(f.build(), focus: "BUYER", riskList: rows)
    #expect(Self.rules(on, "S") == ["name-fuzzy"])
    #expect(!on.findings.findings.contains { $0.rule == .fuzzyScreeningOff })
    #expect(throws: (any Error).self) { try config(#"{"matching": {"fuzzy_screening": "no"}}"#) }
  }

  @Test func exactRuleWinsOverFuzzy() {
    var f = GraphFixture()
    f.entity("S", name: "Foo Textile Co", country: "CN")
    let a = analyze(f.build(), focus: "S", riskList: [listRow("FOO TEXTILE", country: "CN")])
    #expect(Self.rules(a, "S") == ["name-country"])
  }

  @Test func guardsHold() {
    var f = GraphFixture()
    f.entity("VN", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "VN")
    f.entity("LEI", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "CN", lei: "5493001KJTIIGC8Y1R12")
    f.entity("NONE", name: "Shanghai Jinlin Textile", country: "CN")
    let a = analyze(
      f.build(), focus: "VN",
      riskList: [listRow("Zhucheng Hengwei Clothing Co Ltd", country: "CN", lei: "529900T8BM49AURSDO55")])
    #expect(a.score("VN") == 0)  // countries differ
    #expect(a.score("LEI") == 0)  // LEIs differ
    #expect(a.score("NONE") == 0)  // unrelated name
  }

  @Test func belowThresholdNothing() throws {
    var f = GraphFixture()
    f.entity("S", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "CN")
    let strict = try config(#"{"matching": {"screening": 1.0, "same": 1.0, "possible": 1.0}}"#)
    let relaxed = analyze(f.build(), focus: "S", riskList: [listRow("Zhucheng Hengwei Garments", country: "CN")])
    let a = analyze(f.build(), focus: "S", config: strict, riskList: [listRow("Zhucheng Hengwei Garments", country: "CN")])
    #expect(relaxed.score("S") == 0.6)
    #expect(a.score("S") == 0)
  }

  @Test func notSameJudgementSuppressesVisibly() {
    var f = GraphFixture()
    f.entity("S", name: "ZHUCHENG HENGWEI CLOTHING CO.LTD", country: "CN")
    f.entity("T", name: "Foo Textile", country: "CN")
    let graph = f.build()
    let rows = [listRow("Zhucheng Hengwei Clothing Co Ltd", country: "CN"), listRow("FOO TEXTILE", country: "CN", line: 3)]
    var findings = FindingLog()
    var book = JudgementBook(
      judgements: [
        Judgement(
          left: "S", right: "list:Test List|Zhucheng Hengwei Clothing Co Ltd", decision: .notSame, reviewer: "ab",
          provenance: Provenance(file: "judgements.csv", line: 2)),
        Judgement(
          left: "list:Test List|FOO TEXTILE", right: "T", decision: .notSame,
          provenance: Provenance(file: "judgements.csv", line: 3)),
      ], findings: &findings)
    book.resolve(graph: graph, riskList: rows, findings: &findings)
    #expect(findings.findings.isEmpty)
    let a = RiskEngine().analyze(
      graph: graph, inputs: RiskInputs(riskList: rows, judgements: book), focus: graph.index(of: "S")!)
    #expect(a.score("S") == 0)
    #expect(a.score("T") == 0)  // an exact name match is suppressed too
    let suppressed = a.findings.findings.filter { $0.rule == .judgementSuppressed }
    #expect(suppressed.map(\.location?.line) == [2, 3] || suppressed.map(\.location?.line) == [3, 2])
    #expect(suppressed.allSatisfy { $0.location?.file == "judgements.csv" })
    #expect(suppressed.contains { $0.evidence.contains(Attribute("rule", "name-fuzzy")) })
    #expect(suppressed.contains { $0.evidence.contains(Attribute("rule", "name-country")) })
  }

  @Test func addressConflictIsRaisedButTheExactRuleStillFires() {
    var f = GraphFixture()
    f.entities.append(
      EntityRecord(
        id: "J", name: "Shanghai Jinlin Textile Co. Ltd.", country: "CN",
        attributes: [Attribute("address", "No,17,Sishui Road,Industrial Zone,Xuyi City,Jiangsu,China")],
        provenance: Provenance(file: "e.csv", line: 2)))
    var row = listRow("SHANGHAI JINLIN TEXTILE CO., LTD", country: "CN")
    row.attributes = [Attribute("address", "NO 1528 HUBIN ROAD, HUQIAO TOWN, FENGXIAN DISTRICT")]
    let a = analyze(f.build(), focus: "J", riskList: [row])
    #expect(Self.rules(a, "J") == ["name-country"])
    #expect(a.score("J") == 1.0)
    let rule = a.exposure("J")?.rules.first
    #expect(rule?.evidence.contains { $0.0 == "address_conflict" } == true)
    #expect(a.findings.findings.map(\.rule) == [.addressConflict])
  }
}
