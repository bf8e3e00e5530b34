import Testing
import TierscanCore
import TierscanMatch
import TierscanRisk

/// Screening on real names, not only on pairs: a risk list built from one buyer's facility names
/// (with countries, no addresses) run through the `name-fuzzy` rule against the other buyers'
/// lists of the same facilities (Tests/Fixtures/er, real Open Supply Hub lists).
@Suite struct ScreeningEvaluationTests {
  @Test func riskListFromOneBuyerFindsTheOthersFacilities() throws {
    let pairs = try LabelledPairs.pairs()
    let facilities = try LabelledPairs.facilities()
    // The list: the left side of every true pair, as a risk-list row (name and country only).
    var listed: [LabelledPairs.Facility] = []
    for pair in pairs where pair.isSame && !listed.contains(where: { $0.ref == pair.left.ref }) {
      listed.append(pair.left)
    }
    let rows = listed.enumerated().map { i, f in
      RiskListEntry(
        list: "screening", name: f.name, category: "forced_labour", country: f.country.isEmpty ? nil : f.country,
        provenance: Provenance(file: "list.csv", line: i + 2))
    }
    let listedRefs = Set(listed.map(\.ref))
    // The screened entities: every other real facility (names and countries, no addresses).
    let screened = facilities.filter { !listedRefs.contains($0.ref) }
    let records = screened.map { f in
      EntityRecord(
        id: f.ref, name: f.name, country: f.country.isEmpty ? nil : f.country,
        provenance: Provenance(file: "facilities.csv", line: 2))
    }
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: records, relationshipRecords: [], findings: &findings)
    let matches = FuzzyRiskListMatcher(rows: rows, config: RiskConfig.defaults.matching).matches(in: graph)
    // Exact rules find some too; a pair counts as found when either rule fires.
    let exact = RiskListMatcher(graph: graph, normalizer: NameNormalizer())
    var flagged = Set<[String]>()
    for m in matches { flagged.insert([listed[m.row].ref, graph[m.entity].id]) }
    for (r, row) in rows.enumerated() {
      for m in exact.matches(of: row) { flagged.insert([listed[r].ref, graph[m.entity].id]) }
    }
    func key(_ a: String, _ b: String) -> [String] { [a, b] }
    var truePairs = Set<[String]>()
    var unsurePairs = Set<[String]>()
    for pair in pairs where listedRefs.contains(pair.left.ref) || listedRefs.contains(pair.right.ref) {
      let (l, r) = listedRefs.contains(pair.left.ref) ? (pair.left.ref, pair.right.ref) : (pair.right.ref, pair.left.ref)
      if listedRefs.contains(r) { continue }
      if pair.isSame { truePairs.insert(key(l, r)) }
      if pair.label == "unsure" { unsurePairs.insert(key(l, r)) }
    }
    let found = truePairs.filter { flagged.contains($0) }.count
    let truePartners = Set(truePairs.map { $0[1] })
    let unrelated = screened.filter { !truePartners.contains($0.ref) }.count
    let falseFlags = flagged.filter { !truePairs.contains($0) && !unsurePairs.contains($0) }
    let recall = Double(found) / Double(truePairs.count)
    let falsePer100 = Double(falseFlags.count) / Double(unrelated) * 100
    print("screening: rows=\(rows.count) entities=\(screened.count) true pairs=\(truePairs.count) found=\(found) "
      + "recall=\(recall) false flags=\(falseFlags.count) per 100 unrelated=\(falsePer100)")
    #expect(truePairs.count >= 20)
    #expect(recall >= 0.9)
    #expect(falsePer100 <= 3)
    // Every fuzzy flag reached the threshold and carries its decision.
    #expect(matches.allSatisfy { $0.features.similarity >= 0.8 && $0.decision >= .possible })
  }
}
