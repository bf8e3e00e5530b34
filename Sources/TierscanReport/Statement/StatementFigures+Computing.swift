import TierscanCore
import TierscanIngest
import TierscanRisk

extension StatementFigures {
  /// Computes the figures of one scan.
  ///
  /// - Parameters:
  ///   - findings: every finding of the run (ingest, graph and risk).
  /// - Complexity: O(V + E + X log X) over entities, relationships and exposures.
  public init(inputs: IngestedInputs, analysis: RiskAnalysis, findings: [Finding]) {
    let graph = analysis.graph
    let focus = graph[analysis.focus]
    focusID = focus.id
    focusName = focus.name
    focusCountry = focus.country

    var suppliers: [EntityIndex] = []
    for v in 0..<graph.entityCount { if let t = analysis.tiers[v], t >= 1 { suppliers.append(EntityIndex(v)) } }
    suppliersInChain = suppliers.count
    untiered = analysis.tiers.filter { $0 == nil }.count
    byTier = analysis.coverage.tiers.filter { $0.tier >= 1 }.map { tier in
      let members = suppliers.filter { analysis.tiers[Int($0)] == tier.tier }
      let kinds = EntityKind.allCases.map { kind in Count(key: kind.rawValue, count: members.filter { graph.entities.kind(of: $0) == kind }.count) }
      return TierCount(tier: tier.tier, entities: members.count, byKind: kinds.filter { $0.count > 0 })
    }
    byCountry = Self.tally(suppliers.map { graph.entities.country(of: $0) ?? "unknown" })
    bySector = Self.tally(suppliers.map { graph.entities.sector(of: $0) ?? "unknown" })

    var controlled: [String] = []
    for e in graph.outgoing.edges(of: analysis.focus) {
      let edge = graph.relationships[Int(e)]
      if edge.type == .owns, let share = edge.share, share >= analysis.config.controlShare - 1e-12 {
        controlled.append(graph.entities.id(of: edge.to))
      }
    }
    controlledEntities = Array(Set(controlled.map(RawKey.init))).map(\.string).sorted { $0.utf8Precedes($1) }

    let selection = PathsJSON.selection(analysis)
    let flags = selection.enumerated().map { Self.flag($0.element, index: $0.offset, in: analysis) }
    self.flags = flags
    focusExposures = analysis.exposures(of: analysis.focus).map { exposure in
      let index = selection.firstIndex { $0.entity == exposure.entity && $0.category.utf8Equals(exposure.category) } ?? -1
      return Self.flag(exposure, index: index, in: analysis)
    }
    flaggedByLevel = RiskLevel.allCases.reversed().map { level in Count(key: level.rawValue, count: flags.filter { $0.level == level }.count) }
    flaggedByCategory = analysis.config.categories.map { category in
      CategoryLevels(
        category: category,
        levels: RiskLevel.allCases.reversed().map { level in
          Count(key: level.rawValue, count: flags.filter { $0.level == level && $0.category.utf8Equals(category) }.count)
        })
    }
    let (risks, matches) = Self.sources(selection, in: analysis)
    countryCommodityRisks = risks
    listMatches = matches
    highRiskCountries = Array(Set(risks.map { RawKey($0.country) })).map(\.string).sorted { $0.utf8Precedes($1) }

    coverage = analysis.coverage.tiers.map { tier in
      CoverageTier(
        tier: tier.tier, entities: tier.entities, unmappedIDs: tier.unmapped.map { graph.entities.id(of: $0) }, disclosed: tier.disclosed,
        disclosedShare: tier.disclosedShare)
    }
    composition = ChainComposition(analysis: analysis)
    unmappedShare = composition.unmappedShare
    exposureCounts = ExposureCounts(flags: flags)
    unassessed = analysis.unassessed.categories
    focusTies = SourceTies(analysis: analysis, entity: analysis.focus).categories
    sourceReasons = SourceReason.reasons(selection, in: analysis)
    var missing: [String] = []
    if !analysis.coverage.hasRiskList { missing.append("risk list") }
    if !analysis.coverage.hasCountryRisk { missing.append("country risk") }
    if !analysis.coverage.hasSmelterStatus { missing.append("smelter status reference") }
    missingReferenceData = missing
    cmrt = CMRTFigures(inputs: inputs, analysis: analysis)
    audits = AuditFigures(analysis: analysis)
    statusAge = SmelterStatusAge(references: inputs.smelterReferences, periodEnd: audits.periodEnd)
    findingsBySeverity = [Severity.error, .warning, .info].map { severity in
      Count(key: severity.rawValue, count: findings.filter { $0.severity == severity }.count)
    }
    findingsByRule = Self.byRule(findings)
  }

  /// Findings by rule and severity (see ``findingsByRule``).
  static func byRule(_ findings: [Finding]) -> [RuleCount] {
    var counts: [RawKey: [Int]] = [:]
    let severities: [Severity] = [.error, .warning, .info]
    for finding in findings {
      let s = severities.firstIndex(of: finding.severity) ?? 2
      counts[RawKey(finding.rule.id), default: [0, 0, 0]][s] += 1
    }
    var rows: [RuleCount] = []
    for (rule, perSeverity) in counts {
      for (s, count) in perSeverity.enumerated() where count > 0 {
        rows.append(RuleCount(rule: rule.string, severity: severities[s], count: count))
      }
    }
    return rows.sorted { a, b in
      let sa = severities.firstIndex(of: a.severity)!
      let sb = severities.firstIndex(of: b.severity)!
      if sa != sb { return sa < sb }
      return a.count != b.count ? a.count > b.count : a.rule.utf8Precedes(b.rule)
    }
  }

  /// Tier ≥ 1 flags ranked for reading: level (critical first), then tier (nearest the focus
  /// first), then score (highest first), then entity id and category. Scores tie often (every
  /// source of one country row scores the same), so the id is only the last tie-break.
  public static func ranked(_ flags: [Flag]) -> [Flag] {
    flags.filter { $0.tier >= 1 }.sorted { a, b in
      if a.level != b.level { return a.level > b.level }
      if a.tier != b.tier { return a.tier < b.tier }
      if a.score != b.score { return a.score > b.score }
      if !a.entityID.utf8Equals(b.entityID) { return a.entityID.utf8Precedes(b.entityID) }
      return a.category.utf8Precedes(b.category)
    }
  }

  /// For each of `flags`, how many of the others have the same score (within
  /// ``SourceTies/tolerance``).
  ///
  /// - Complexity: O(X log X).
  public static func sameScoreCounts(_ flags: [Flag]) -> [Int] {
    let order = flags.indices.sorted { flags[$0].score < flags[$1].score }
    var counts = [Int](repeating: 0, count: flags.count)
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count, flags[order[end]].score - flags[order[start]].score <= SourceTies.tolerance { end += 1 }
      for k in start..<end { counts[order[k]] = end - start - 1 }
      start = end
    }
    return counts
  }

  /// Counts of each value, most first, then by bytes.
  static func tally(_ values: [String]) -> [Count] {
    var counts: [RawKey: Int] = [:]
    for value in values { counts[RawKey(value), default: 0] += 1 }
    return counts.map { Count(key: $0.key.string, count: $0.value) }.sorted { a, b in
      a.count != b.count ? a.count > b.count : a.key.utf8Precedes(b.key)
    }
  }

  static func flag(_ exposure: Exposure, index: Int, in analysis: RiskAnalysis) -> Flag {
    let entity = analysis.graph[exposure.entity]
    return Flag(
      entityID: entity.id, name: entity.name, country: entity.country, tier: analysis.tiers[Int(exposure.entity)] ?? 0,
      category: exposure.category, level: exposure.level, score: exposure.score,
      sourceID: analysis.graph.entities.id(of: exposure.source), hops: exposure.hops, pathIndex: index)
  }

  /// The country-commodity rows and list matches of the risk sources behind tiered exposures.
  static func sources(_ selection: [Exposure], in analysis: RiskAnalysis) -> ([CountryCommodityRisk], [ListMatch]) {
    let graph = analysis.graph
    var risks: [CountryCommodityRisk] = []
    var matches: [ListMatch] = []
    var seenMatches = Set<[RawKey]>()
    // Hash look-ups, not scans: a large chain has tens of thousands of sources on one row.
    var riskIndex: [[RawKey]: Int] = [:]
    var riskMembers = Set<[RawKey]>()
    for exposure in selection {
      let source = graph[exposure.source]
      for rule in exposure.rules {
        let evidence = JSONValue.object(rule.evidence)
        if rule.rule == .countryCommodity {
          let country = evidence["country"]?.stringValue ?? source.country ?? "unknown"
          let commodity = evidence["commodity"]?.stringValue ?? ""
          let text = evidence["source"]?.stringValue ?? ""
          let key = [RawKey(country), RawKey(commodity), RawKey(rule.category)]
          if let i = riskIndex[key] {
            if riskMembers.insert(key + [RawKey(source.id)]).inserted { risks[i].entities.append(source.id) }
          } else {
            riskIndex[key] = risks.count
            riskMembers.insert(key + [RawKey(source.id)])
            risks.append(CountryCommodityRisk(country: country, commodity: commodity, category: rule.category, source: text, entities: [source.id]))
          }
        } else if rule.rule != .smelterStatus {
          let list: String
          if rule.rule == .ownershipAggregate {
            let owners = evidence["owners"]?.arrayValue?.compactMap { owner -> String? in
              guard let id = owner["id"]?.stringValue, let share = owner["share"]?.numberValue else { return nil }
              return "\(id) \(JSONWriter.formatNumber(share))%"
            } ?? []
            list = "owners: " + owners.joined(separator: ", ")
          } else if rule.rule == AuditFindingRule.id {
            let finding = evidence["finding"]?.stringValue ?? ""
            let scheme = evidence["scheme"]?.stringValue ?? ""
            let severity = evidence["severity_raw"]?.stringValue ?? evidence["severity"]?.stringValue ?? ""
            list = "audit finding \(finding) (\(scheme) \(severity), \(evidence["state_at_period_end"]?.stringValue ?? ""))"
          } else {
            list = evidence["list"]?.stringValue ?? ""
          }
          if seenMatches.insert([RawKey(source.id), RawKey(rule.category), RawKey(rule.rule.id), RawKey(list)]).inserted {
            matches.append(ListMatch(entityID: source.id, name: source.name, category: rule.category, rule: rule.rule.id, list: list))
          }
        }
      }
    }
    for i in risks.indices { risks[i].entities.sort { $0.utf8Precedes($1) } }
    risks.sort { a, b in
      if !a.country.utf8Equals(b.country) { return a.country.utf8Precedes(b.country) }
      if !a.commodity.utf8Equals(b.commodity) { return a.commodity.utf8Precedes(b.commodity) }
      return a.category.utf8Precedes(b.category)
    }
    matches.sort { a, b in
      if !a.entityID.utf8Equals(b.entityID) { return a.entityID.utf8Precedes(b.entityID) }
      if !a.category.utf8Equals(b.category) { return a.category.utf8Precedes(b.category) }
      return a.rule.utf8Precedes(b.rule)
    }
    return (risks, matches)
  }
}
