import Testing
import TierscanCore
import TierscanRisk

/// SPEC §6: an entity of the chain that no inherent-risk input of a category could apply to is
/// unassessed, with a reason; a file whose chain entities are all unassessed gets a finding.
@Suite struct UnassessedTests {
  private func row(_ country: String, _ category: String = "forced_labour", commodity: String? = nil) -> CountryRiskEntry {
    CountryRiskEntry(
      country: country, category: category, score: 0.7, commodity: commodity,
      provenance: Provenance(file: "country.csv", line: 2))
  }

  /// One entity per reason, all tier 1 under focus F (GB, covered by an any-commodity row).
  private func fixture() -> GraphFixture {
    var f = GraphFixture()
    f.entity("F", country: "GB")
    f.entity("A-CN-COTTON", country: "CN", commodities: ["cotton"])  // assessed: CN cotton row applies
    f.entity("B-CN-NONE", country: "CN")  // CN rows are commodity-specific, no commodity
    f.entity("C-CN-STEEL", country: "CN", commodities: ["steel"])  // commodity not in CN's rows
    f.entity("D-DE", country: "DE")  // no DE row
    f.entity("E-NONE")  // no country at all
    f.entities.append(
      EntityRecord(
        id: "G-UNRESOLVED", name: "G", attributes: [Attribute("unresolved_country", "Narnia")],
        provenance: Provenance(file: "suppliers.csv", line: 2)))
    f.entity("S-SMELTER", kind: .smelter, country: "BO", cid: "CID000001")
    f.entity("OUTSIDE", country: "DE")  // no tier: not counted
    for id in ["A-CN-COTTON", "B-CN-NONE", "C-CN-STEEL", "D-DE", "E-NONE", "G-UNRESOLVED", "S-SMELTER"] {
      f.edge(id, "F")
    }
    return f
  }

  private func reasons(_ a: RiskAnalysis, _ category: String) -> [String: String] {
    let c = a.config.categories.firstIndex(of: category)!
    var out: [String: String] = [:]
    for v in a.graph.entities.indices {
      if let reason = a.unassessed.reason(of: EntityIndex(v), in: c) { out[a.graph.entities[v].id] = reason.rawValue }
    }
    return out
  }

  @Test func eachEntityGetsTheFirstReasonThatHolds() {
    let a = analyze(
      fixture().build(), focus: "F",
      countryRisk: [row("GB"), row("CN", commodity: "cotton"), row("CN", commodity: "polysilicon")])
    #expect(
      reasons(a, "forced_labour") == [
        "B-CN-NONE": "no-commodity", "C-CN-STEEL": "commodity-not-covered", "D-DE": "country-not-covered",
        "E-NONE": "no-country", "G-UNRESOLVED": "unknown-country", "S-SMELTER": "country-not-covered",
      ])
    let forced = a.unassessed.category(named: "forced_labour")!
    // F, six suppliers and the smelter have a tier; OUTSIDE has none.
    #expect(forced.entities == 8 && forced.total == 6)
    #expect(forced.count(of: .unknownCountry) == 1 && forced.count(of: .noCommodity) == 1)
    // No child_labour row at all: every entity is unassessed for want of a table.
    let child = a.unassessed.category(named: "child_labour")!
    #expect(child.total == 8 && child.count(of: .noCountryTable) == 8)
    // conflict_minerals without a status reference: the smelter's reason says so.
    #expect(reasons(a, "conflict_minerals")["S-SMELTER"] == "no-status-reference")
    #expect(a.unassessed.categories(over: 80).map(\.name) == ["child_labour", "conflict_minerals"])
  }

  @Test func aStatusReferenceOrAListMatchAssesses() {
    let smelters = [SmelterReference(cid: "CID000001", status: .conformant, provenance: Provenance(file: "ref.csv", line: 2))]
    let a = analyze(fixture().build(), focus: "F", riskList: [listRow("D-DE")], smelters: smelters)
    #expect(reasons(a, "conflict_minerals")["S-SMELTER"] == nil)
    // Conformant (score 0) is still an assessment; so is a list match (D-DE).
    #expect(reasons(a, "forced_labour")["D-DE"] == nil)
    #expect(reasons(a, "forced_labour")["E-NONE"] == "no-country-table")
    // Look-up entries (no status) are no status reference.
    let lookup = [SmelterReference(cid: "CID000001", status: nil, provenance: Provenance(file: "lookup.xlsx", line: 5))]
    let b = analyze(fixture().build(), focus: "F", smelters: lookup)
    #expect(reasons(b, "conflict_minerals")["S-SMELTER"] == "no-status-reference")
  }

  @Test func aFileWhoseChainEntitiesAreAllUnassessedGetsAFinding() {
    let a = analyze(fixture().build(), focus: "F", countryRisk: [row("CN", commodity: "cotton")])
    let findings = a.chainFindings.filter { $0.rule == .nothingAssessable }
    // suppliers.csv holds only G (unrecognised country): a warning naming the reason.
    // entities.csv holds A, which is assessed: no finding.
    #expect(findings.map { $0.location?.file } == ["suppliers.csv"])
    #expect(findings[0].severity == .warning)
    #expect(findings[0].message.contains("unknown-country 1"))
    #expect(findings[0].message.contains("no-country-table 2"))
  }

  @Test func coverageGapsAloneGiveAnInfoFinding() {
    var f = GraphFixture()
    f.entity("F", country: "GB")
    f.entities.append(
      EntityRecord(id: "S", name: "S", country: "DE", provenance: Provenance(file: "de-suppliers.csv", line: 2)))
    f.edge("S", "F")
    let a = analyze(f.build(), focus: "F", countryRisk: [row("GB", "forced_labour"), row("GB", "child_labour"), row("GB", "conflict_minerals")])
    let finding = a.chainFindings.first { $0.rule == .nothingAssessable }
    #expect(finding?.severity == .info)
    #expect(finding?.location?.file == "de-suppliers.csv")
    #expect(a.unassessed.category(named: "forced_labour")!.reasons.map(\.reason) == [.countryNotCovered])
  }

  /// An entity merged from records in two files counts for both; entities with one source count
  /// for theirs (read by file id, ``EntityTable/singleSourceFileID(of:)``), the same tally as the
  /// merged entity's for the same file.
  @Test func mergedAndSingleSourceEntitiesCountForEachOfTheirFiles() {
    var f = GraphFixture()
    f.entity("F", country: "GB")
    for (id, file, line) in [("S", "a.csv", 2), ("S", "b.csv", 2), ("T", "b.csv", 3), ("U", "c.csv", 2), ("V", "b.csv", 4)] {
      f.entities.append(EntityRecord(id: id, name: id, country: "DE", provenance: Provenance(file: file, line: line)))
    }
    for id in ["S", "T", "U", "V"] { f.edge(id, "F") }
    let a = analyze(f.build(), focus: "F", countryRisk: [row("GB", "forced_labour")])
    let findings = a.chainFindings.filter { $0.rule == .nothingAssessable }
    #expect(findings.map { $0.location?.file } == ["a.csv", "b.csv", "c.csv"])
    #expect(findings.map { $0.evidence.first { $0.key == "entities" }?.value } == ["1", "3", "1"])
  }
}
