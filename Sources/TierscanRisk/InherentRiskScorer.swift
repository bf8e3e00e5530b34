import TierscanCore

/// Computes r₀ from risk lists, country-commodity rows and smelter status references, then
/// applies aggregate ownership (model §2.4–§2.6, §3).
public struct InherentRiskScorer: Sendable {
  public let config: RiskConfig

  /// Creates a scorer.
  public init(config: RiskConfig) { self.config = config }

  /// Scores every entity.
  ///
  /// - Parameters:
  ///   - inputs: risk lists, country-commodity rows and smelter references. Smelter rows with
  ///     `status == nil` (look-up entries) are ignored; smelters are scored only when at least
  ///     one row has a status.
  ///   - findings: receives `unknown-category` and `ownership-over-100` warnings.
  /// - Complexity: O(V·a + R·m + C·(V + E)) for a names per entity, R reference rows and m
  ///   matches per row.
  ///   - audits: the audit evidence linked to the graph (``AuditEvidence``), for `audit-finding`.
  public func score(
    graph: SupplyGraph, inputs: RiskInputs, audits: AuditEvidence = AuditEvidence(), findings: inout FindingLog
  ) -> InherentRisk {
    var risk = InherentRisk(categories: config.categories, entityCount: graph.entityCount)
    scoreRiskList(graph: graph, inputs.riskList, into: &risk, findings: &findings)
    scoreCountryRisk(graph: graph, inputs.countryRisk, into: &risk, findings: &findings)
    scoreSmelters(graph: graph, inputs.smelterReferences, into: &risk)
    AuditFindingRule(config: config.audit).apply(audits, to: &risk, findings: &findings)
    OwnershipControl(config: config).apply(graph: graph, to: &risk, findings: &findings)
    return risk
  }

  private func category(_ name: String, in risk: InherentRisk, at location: Provenance, what: String, findings: inout FindingLog) -> Int? {
    if let index = risk.index(of: name) { return index }
    findings.add(
      .warning, "unknown-category", at: location,
      "\(what) category '\(name)' is not in the config; the row is not used",
      evidence: [Attribute("category", name)])
    return nil
  }

  private func scoreRiskList(graph: SupplyGraph, _ rows: [RiskListEntry], into risk: inout InherentRisk, findings: inout FindingLog) {
    guard !rows.isEmpty else { return }
    let matcher = RiskListMatcher(graph: graph, normalizer: config.normalizer, rows: rows)
    for row in rows {
      guard let c = category(row.category, in: risk, at: row.provenance, what: "risk-list", findings: &findings) else {
        continue
      }
      for match in matcher.matches(of: row) {
        var evidence: [(String, JSONValue)] = [("list", .string(row.list)), ("name", .string(row.name))]
        evidence.append(("matched_on", .string(match.matchedOn)))
        evidence.append(("country", .optional(row.country)))
        evidence.append(("authority", .optional(row.authority)))
        evidence.append(("listed_on", .optional(row.listedOn)))
        evidence.append(("reference", .optional(row.reference)))
        risk.add(
          RiskRule(
            rule: match.rule.rawValue, category: row.category, score: config.score(of: match.rule),
            provenance: row.provenance, evidence: evidence),
          to: match.entity, in: c)
      }
    }
  }

  private func scoreCountryRisk(graph: SupplyGraph, _ rows: [CountryRiskEntry], into risk: inout InherentRisk, findings: inout FindingLog) {
    guard !rows.isEmpty else { return }
    let index = CountryCommodityIndex(graph: graph, rows: rows)
    func score(of row: CountryRiskEntry) -> Double {
      guard row.isFromILABList else { return row.score }
      switch row.category {
      case "child_labour": return config.ilabChildLabourScore
      case "forced_labour": return config.ilabForcedLabourScore
      default: return row.score
      }
    }
    for row in rows {
      guard let c = category(row.category, in: risk, at: row.provenance, what: "country-risk", findings: &findings) else {
        continue
      }
      // One rule per row, shared by every entity it applies to.
      let rule = RiskRule(
        rule: "country-commodity", category: row.category, score: score(of: row), provenance: row.provenance,
        evidence: [
          ("country", .string(row.country)), ("commodity", .optional(row.commodity)), ("source", .optional(row.source)),
        ])
      risk.add(rule, toEach: index.entities(of: row), in: c)
    }
  }

  private func scoreSmelters(graph: SupplyGraph, _ references: [SmelterReference], into risk: inout InherentRisk) {
    guard let c = risk.index(of: "conflict_minerals") else { return }
    var byCID: [RawKey: SmelterReference] = [:]
    for reference in references where reference.status != nil && byCID[RawKey(reference.cid)] == nil {
      byCID[RawKey(reference.cid)] = reference
    }
    guard !byCID.isEmpty else { return }
    let entities = graph.entities
    for i in entities.indices where entities[i].kind == .smelter || entities[i].identifiers.cid != nil {
      let cid = entities[i].identifiers.cid
      let reference = cid.flatMap { byCID[RawKey($0)] }
      let status = reference?.status ?? .unknown
      let basis = cid == nil ? "no-cid" : reference == nil ? "cid-not-in-reference" : "reference"
      risk.add(
        RiskRule(
          rule: "smelter-status", category: "conflict_minerals", score: config.score(of: status),
          provenance: reference?.provenance ?? entities[i].sources.first,
          evidence: [
            ("cid", .optional(cid)), ("status", .string(status.rawValue)),
            ("reference_status", .optional(reference?.rawStatus)), ("status_from", .string(basis)),
          ]),
        to: EntityIndex(i), in: c)
    }
  }
}
