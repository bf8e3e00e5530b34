import Testing
import TierscanCore
@testable import TierscanRisk
import TierscanTestSupport

/// Risk-list matching stays bounded when rows and entities collide on one normalised name
/// (issue #14 class 5), and gives what matching row by row gives.
@Suite struct RiskListMatchTableTests {
  static let forms = ["Acme Ltd", "ACME LIMITED", "acme ltd.", "Acme  Ltd", "ACME Ltd"]

  /// `count` entities whose names all normalise to `acme`, each supplying `F`.
  static func collidingGraph(_ count: Int) -> SupplyGraph {
    var f = GraphFixture()
    f.entity("F", name: "Buyer Plc", country: "GB")
    for i in 0..<count {
      f.entity("E\(i)", name: forms[i % forms.count])
      f.edge("E\(i)", "F")
    }
    return f.build()
  }

  static func collidingRows(_ count: Int, distinctAliases: Bool = false) -> [RiskListEntry] {
    (0..<count).map { i in
      listRow(forms[i % forms.count], aliases: distinctAliases ? ["Alias \(i)"] : [], line: i + 2)
    }
  }

  /// 5,000 rows × 5,000 entities, all one name: every entity scores name-only, lists exactly
  /// `limit` rows, and the rest is one warning with the exact count. The work is bounded by
  /// counters, not wall time: entities classified once, about limit × entities visits.
  @Test(arguments: [false, true])
  func fiveThousandCollidingNamesStayBounded(distinctAliases: Bool) {
    let n = 5_000
    let graph = Self.collidingGraph(n)
    let rows = Self.collidingRows(n, distinctAliases: distinctAliases)
    var findings = FindingLog()
    let risk = InherentRiskScorer(config: .defaults).score(graph: graph, inputs: RiskInputs(riskList: rows), findings: &findings)
    let limit = RiskConfig.defaults.maxListMatchesPerEntity
    #expect(limit == 20)
    for i in 0..<n {
      let e = graph.index(of: "E\(i)")!
      #expect(risk.scores[0][Int(e)] == 0.7)
      let rules = risk.rules(of: e, in: 0)
      #expect(rules.count == limit)
      // The first `limit` rows, in input order.
      #expect(rules.map { $0.provenance?.line } == (0..<limit).map { $0 + 2 })
      if rules.count != limit { break }
    }
    let notListed = findings.findings.filter { $0.rule == .listMatchesNotListed }
    #expect(notListed.count == 1)
    #expect(notListed.first?.evidence.first { $0.key == "matches" }?.value == String((n - limit) * n))
    #expect(notListed.first?.evidence.first { $0.key == "rows" }?.value == String(n - limit))
    #expect(notListed.first?.location == Provenance(file: "list.csv", line: limit + 2))

    var table = RiskListMatchTable(
      matcher: RiskListMatcher(graph: graph, normalizer: NameNormalizer(), rows: rows), normalizer: NameNormalizer(),
      entityCount: graph.entityCount)
    var counted = 0
    var stored = [Int](repeating: 0, count: graph.entityCount)
    for (r, row) in rows.enumerated() {
      for reach in table.reaches(of: row, keys: table.keys(of: row)) {
        counted += table.apply(reach, row: r, category: 0, limit: limit) { entity, _ in
          stored[Int(entity)] += 1
          return stored[Int(entity)] > limit ? .counted : .listed
        }
      }
    }
    #expect(table.checks == n)
    #expect(table.visits == limit * n)
    #expect(counted == (n - limit) * n)
  }

  /// Random small graphs and lists: with a limit no entity reaches, the table lists exactly the
  /// matches ``RiskListMatcher/matches(of:)-(RiskListEntry)`` gives row by row (same rule, same
  /// matched name, rows in order); with a limit of 2, the same scores and the first two.
  @Test(arguments: 0..<40)
  func agreesWithMatchingRowByRow(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    let names = ["Acme Ltd", "ACME", "Foo Trading", "Bar & Co", "Baz"]
    let countries: [String?] = [nil, "CN", "VN"]
    let leis: [String?] = [nil, nil, "5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55"]
    var f = GraphFixture()
    f.entity("F", name: "Focus Plc")
    for i in 0..<Int.random(in: 5...30, using: &random) {
      f.entity(
        "E\(i)", name: names.randomElement(using: &random)!, country: countries.randomElement(using: &random)!,
        lei: leis.randomElement(using: &random)!,
        aliases: Bool.random(using: &random) ? [names.randomElement(using: &random)!] : [])
      f.edge("E\(i)", "F")
    }
    let graph = f.build()
    let rows = (0..<Int.random(in: 1...25, using: &random)).map { r in
      listRow(
        names.randomElement(using: &random)!, category: Bool.random(using: &random) ? "forced_labour" : "child_labour",
        country: countries.randomElement(using: &random)!, lei: leis.randomElement(using: &random)!,
        aliases: Bool.random(using: &random) ? [names.randomElement(using: &random)!] : [], line: r + 2)
    }
    let matcher = RiskListMatcher(graph: graph, normalizer: NameNormalizer())
    let categories = RiskConfig.defaults.categories
    // Reference: matching row by row, every match listed.
    var expected = [[String]](repeating: [], count: graph.entityCount * categories.count)
    var best = [Double](repeating: 0, count: graph.entityCount * categories.count)
    for row in rows {
      let c = categories.firstIndex(of: row.category)!
      for match in matcher.matches(of: row) {
        let slot = Int(match.entity) * categories.count + c
        expected[slot].append("\(row.provenance.line!):\(match.rule.rawValue):\(match.matchedOn)")
        best[slot] = max(best[slot], RiskConfig.defaults.score(of: match.rule))
      }
    }
    for limit in [1_000, 2] {
      var config = RiskConfig.defaults
      config.maxListMatchesPerEntity = limit
      var findings = FindingLog()
      let risk = InherentRiskScorer(config: config).score(graph: graph, inputs: RiskInputs(riskList: rows), findings: &findings)
      for v in 0..<graph.entityCount {
        for c in categories.indices {
          let listed = risk.rules(of: EntityIndex(v), in: c).filter { $0.rule != .nameFuzzy }.map { rule in
            let matchedOn = rule.evidence.first { $0.0 == "matched_on" }?.1.stringValue ?? ""
            return "\(rule.provenance!.line!):\(rule.rule.id):\(matchedOn)"
          }
          let slot = v * categories.count + c
          #expect(listed == Array(expected[slot].prefix(limit)), "seed \(seed) limit \(limit) entity \(v) category \(c)")
          // A fuzzy match may only raise the score to its own 0.6.
          #expect(risk.scores[c][v] == max(best[slot], risk.scores[c][v] == 0.6 ? 0.6 : 0), "seed \(seed) entity \(v)")
        }
      }
      let notListed = findings.findings.filter { $0.rule == .listMatchesNotListed }
      let overflow = expected.reduce(0) { $0 + max(0, $1.count - limit) }
      #expect(notListed.isEmpty == (overflow == 0), "seed \(seed) limit \(limit)")
    }
  }

  @Test func theLimitIsAConfigSettingOfOneOrMore() throws {
    #expect(try config(#"{"matching": {"max_list_matches_per_entity": 3}}"#).maxListMatchesPerEntity == 3)
    #expect(try config().maxListMatchesPerEntity == 20)
    #expect(throws: RiskConfigError.self) { try config(#"{"matching": {"max_list_matches_per_entity": 0}}"#) }
    #expect(throws: RiskConfigError.self) { try config(#"{"matching": {"max_list_matches_per_entity": 1.5}}"#) }
  }
}
