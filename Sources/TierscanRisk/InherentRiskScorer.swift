import TierscanCore
import TierscanMatch

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
  ///     Judgements (`inputs.judgements`): `not_same` suppresses a name match (exact or fuzzy) of
  ///     a row on an entity, `same` confirms one.
  ///   - findings: receives `unknown-category` and `ownership-over-100` warnings, `address-conflict`
  ///     warnings and `judgement-suppressed` infos.
  /// - Complexity: O(V·a + R·m + C·(V + E)) for a names per entity, R reference rows and m
  ///   matches per row.
  ///   - audits: the audit evidence linked to the graph (``AuditEvidence``), for `audit-finding`.
  ///   - timings: where the `name-fuzzy screening` phase is recorded, if anywhere.
  public func score(
    graph: SupplyGraph, inputs: RiskInputs, audits: AuditEvidence = AuditEvidence(), findings: inout FindingLog,
    timings: PhaseTimings? = nil
  ) -> InherentRisk {
    var risk = scoreRiskLists(graph: graph, inputs: inputs, findings: &findings, timings: timings)
    scoreRest(graph: graph, inputs: inputs, audits: audits, into: &risk, findings: &findings)
    return risk
  }

  /// The first part of ``score(graph:inputs:audits:findings:timings:)``: the risk-list rules
  /// (name-fuzzy screening beside the exact rules), on a fresh ``InherentRisk``.
  public func scoreRiskLists(
    graph: SupplyGraph, inputs: RiskInputs, findings: inout FindingLog, timings: PhaseTimings? = nil
  ) -> InherentRisk {
    var risk = InherentRisk(categories: config.categories, entityCount: graph.entityCount)
    // FtM rows carry a topic; the config's ftm_topics turns it into a category (or leaves the row out).
    let riskList = FtMTopicMapping.apply(inputs.riskList, config: config, findings: &findings)
    scoreRiskList(
      graph: graph, riskList, judgements: inputs.judgements, into: &risk, findings: &findings, timings: timings)
    return risk
  }

  /// The rest of ``score(graph:inputs:audits:findings:timings:)`` after
  /// ``scoreRiskLists(graph:inputs:findings:timings:)``: country-commodity rows, smelter status,
  /// audit findings, then aggregate ownership. Reads only the graph and the inputs (one thread),
  /// so the risk stage builds its risk arcs beside it.
  public func scoreRest(
    graph: SupplyGraph, inputs: RiskInputs, audits: AuditEvidence = AuditEvidence(), into risk: inout InherentRisk,
    findings: inout FindingLog
  ) {
    scoreCountryRisk(
      graph: graph, inputs.countryRisk, vocabulary: inputs.commodityVocabulary, into: &risk, findings: &findings)
    scoreSmelters(graph: graph, inputs.smelterReferences, isGiven: inputs.hasSmelterStatus, into: &risk)
    AuditFindingRule(config: config.audit).apply(audits, to: &risk, findings: &findings)
    OwnershipControl(config: config).apply(graph: graph, to: &risk, findings: &findings)
  }

  private func category(_ name: String, in risk: InherentRisk, at location: Provenance, what: String, findings: inout FindingLog) -> Int? {
    if let index = risk.index(of: name) { return index }
    findings.add(
      .warning, .unknownCategory, at: location,
      "\(what) category '\(name)' is not in the config; the row is not used",
      evidence: [Attribute("category", name)])
    return nil
  }

  private func scoreRiskList(
    graph: SupplyGraph, _ rows: [RiskListEntry], judgements: JudgementBook, into risk: inout InherentRisk,
    findings: inout FindingLog, timings: PhaseTimings?
  ) {
    guard !rows.isEmpty else { return }
    // The rows name-fuzzy screens: those of a category the config knows (the exact pass reports
    // the others).
    let fuzzyRows = config.screensFuzzy ? rows.indices.filter { risk.index(of: rows[$0].category) != nil } : []
    let fuzzy = FuzzyRiskListMatcher(rows: fuzzyRows.map { rows[$0] }, config: config.matching)
    // The exact rules run beside the screening (neither reads the other's result): the risk and
    // the findings are handed to them and back (moved, not copied), and the fuzzy matches are
    // applied after them as before, so every hit and finding comes in the same order.
    let handed = ConcurrentSlots<(InherentRisk, FindingLog)>(count: 1)
    var moved = (InherentRisk(categories: [], entityCount: 0), FindingLog())
    swap(&moved.0, &risk)
    swap(&moved.1, &findings)
    handed.set(0, moved)
    moved = (InherentRisk(categories: [], entityCount: 0), FindingLog())
    let (fuzzyMatches, exact) = Self.screen(fuzzy, graph, timings) { [self] in
      var (risk, findings) = handed.take(0)
      let pass = exactPass(graph: graph, rows, judgements: judgements, into: &risk, findings: &findings)
      handed.set(0, (risk, findings))
      return pass
    }
    (risk, findings) = handed.take(0)
    let usable = exact.usable
    func isExact(_ r: Int, _ entity: EntityIndex) -> Bool {
      exact.matcher.matchesExactly(rows[r], keys: exact.keysOfRow[r], entity)
    }
    if !config.screensFuzzy {
      findings.add(
        .info, .fuzzyScreeningOff, at: nil,
        "matching.fuzzy_screening is false: \(rows.count) risk-list row(s) were matched by the exact rules only; "
          + "name variants (legal form, punctuation, accents, typos) were not screened",
        evidence: [Attribute("rows", String(rows.count))])
    }
    Self.reportSkippedBlocks(fuzzy.stats, rows: fuzzyRows.map { rows[$0] }, maxBlock: config.matching.maxBlock, &findings)
    let scorer = PairScorer(config: config.matching)
    var fuzzyFound = Set<RowEntity>()
    for match in fuzzyMatches {
      let r = fuzzyRows[match.row]
      guard !isExact(r, match.entity), let c = usable[r] else { continue }
      let row = rows[r]
      if suppressed(row, match.entity, rule: .nameFuzzy, features: match.features, graph: graph, judgements, &findings) {
        continue
      }
      fuzzyFound.insert(RowEntity(row: r, entity: match.entity))
      var evidence = baseEvidence(row, matchedOn: match.features.rightName)
      evidence.append(("decision", .string(match.decision.rawValue)))
      evidence.append(("similarity", .number(MatchFeatures.rounded(match.features.similarity))))
      evidence.append(("features", match.features.json))
      if match.features.addressAgreement == .disagree { addressFinding(row, graph[match.entity], match.features, &findings) }
      risk.add(
        RuleHit(
          rule: .nameFuzzy, category: row.category, score: config.score(of: .nameFuzzy),
          provenance: row.provenance, evidence: evidence),
        to: match.entity, in: c)
    }
    // Matches a reviewer confirmed (`same`) that no rule found: name-fuzzy, citing the judgement.
    let confirmed = judgements.confirmedRowMatches
    guard !confirmed.isEmpty else { return }
    var rowOfKey: [String: Int] = [:]
    for (r, row) in rows.enumerated() where usable[r] != nil {
      let key = MatchRecord.key(list: row.list, name: row.name)
      if rowOfKey[key] == nil { rowOfKey[key] = r }
    }
    for (entity, key, judgement) in confirmed {
      guard let r = rowOfKey[key], let c = usable[r] else { continue }
      let pair = RowEntity(row: r, entity: entity)
      guard !isExact(r, entity), !fuzzyFound.contains(pair) else { continue }
      let row = rows[r]
      let (decision, features) = scorer.score(PreparedRecord(MatchRecord(entity: graph[entity])), PreparedRecord(MatchRecord(row: row)))
      var evidence = baseEvidence(row, matchedOn: row.name)
      evidence.append(("decision", .string(decision.rawValue)))
      evidence.append(("similarity", .number(MatchFeatures.rounded(features.similarity))))
      evidence.append(("features", features.json))
      evidence.append(("judgement", .string(judgement.provenance.description)))
      risk.add(
        RuleHit(
          rule: .nameFuzzy, category: row.category, score: config.score(of: .nameFuzzy),
          provenance: row.provenance, evidence: evidence),
        to: entity, in: c)
    }
  }

  /// What the exact risk-list rules leave for the fuzzy rule.
  private struct ExactPass {
    let matcher: RiskListMatcher
    /// The category index of each row, `nil` for a row of a category the config lacks.
    let usable: [Int?]
    /// The normalised names of each usable row, to tell later whether an exact rule matched (or
    /// a judgement suppressed) a (row, entity) pair: `name-fuzzy` never fires there.
    let keysOfRow: [[String]]
  }

  /// The exact risk-list rules (identifier, name-country, name; SPEC §2.4) on every row: hits
  /// into `risk`, `unknown-category`, `address-conflict`, `judgement-suppressed` and
  /// `list-matches-not-listed` into `findings`.
  private func exactPass(
    graph: SupplyGraph, _ rows: [RiskListEntry], judgements: JudgementBook, into risk: inout InherentRisk,
    findings: inout FindingLog
  ) -> ExactPass {
    let matcher = RiskListMatcher(graph: graph, normalizer: config.normalizer, rows: rows)
    var table = RiskListMatchTable(matcher: matcher, normalizer: config.normalizer, entityCount: graph.entityCount)
    var usable = [Int?](repeating: nil, count: rows.count)
    /// The normalised names of each usable row, to tell later whether an exact rule matched (or
    /// a judgement suppressed) a (row, entity) pair: `name-fuzzy` never fires there.
    var keysOfRow = [[String]](repeating: [], count: rows.count)
    let limit = config.maxListMatchesPerEntity
    var notListed = NotListedMatches()
    let scorer = PairScorer(config: config.matching)
    for (r, row) in rows.enumerated() {
      guard let c = category(row.category, in: risk, at: row.provenance, what: "risk-list", findings: &findings) else {
        continue
      }
      usable[r] = c
      let keys = table.keys(of: row)
      keysOfRow[r] = keys
      let names = [row.name] + row.aliases
      var counted = 0
      for reach in table.reaches(of: row, keys: keys) {
        let matchedOn: String
        switch reach.source {
        case .identifier(let scheme): matchedOn = RiskListMatcher.matchedOn(scheme: scheme, of: row.identifiers)
        case .name(let position): matchedOn = names[position]
        }
        counted += table.apply(reach, row: r, category: c, limit: limit) { entity, rule in
          let score = config.score(of: rule)
          if risk.ruleCount(of: entity, in: c) >= limit {
            risk.raise(entity, in: c, to: score)
            return .counted
          }
          var evidence = baseEvidence(row, matchedOn: matchedOn)
          if rule != .identifier {
            if suppressed(row, entity, rule: rule.ruleID, features: nil, graph: graph, judgements, &findings) {
              return .suppressed
            }
            if let conflict = addressConflict(row, graph[entity], rule: rule, scorer: scorer, findings: &findings) {
              evidence.append(("address_conflict", conflict))
            }
          }
          risk.add(
            RuleHit(
              rule: rule.ruleID, category: row.category, score: score, provenance: row.provenance,
              evidence: evidence),
            to: entity, in: c)
          return .listed
        }
      }
      notListed.add(counted, row: row, category: c)
    }
    notListed.report(limit: limit, categories: risk.categories, findings: &findings)
    return ExactPass(matcher: matcher, usable: usable, keysOfRow: keysOfRow)
  }

  /// The warning `fuzzy-blocks-skipped` when some blocking key is shared by more than
  /// `matching.max_block` rows: entities that share only such keys with a row are never
  /// compared with it, so the screening is not complete — counted and said, never a silent clean.
  private static func reportSkippedBlocks(
    _ stats: BlockingIndex.Stats, rows: [RiskListEntry], maxBlock: Int, _ findings: inout FindingLog
  ) {
    guard stats.skippedBlocks > 0, let first = stats.firstRecordInSkippedBlock else { return }
    findings.add(
      .warning, .fuzzyBlocksSkipped, at: rows[first].provenance,
      "\(stats.skippedBlocks) blocking key(s) are shared by more than matching.max_block (\(maxBlock)) risk-list rows "
        + "and were not compared (the largest, '\(stats.largestKey)', by \(stats.largestBlock)): "
        + "\(stats.recordsInSkippedBlocks) row(s) are in them, \(stats.recordsOnlyInSkippedBlocks) of them reachable "
        + "through no other key and not name-fuzzy screened at all; the exact rules still applied to every row; "
        + "raise matching.max_block to screen them",
      evidence: [
        Attribute("skipped_blocks", String(stats.skippedBlocks)), Attribute("largest_block", String(stats.largestBlock)),
        Attribute("rows_in_skipped_blocks", String(stats.recordsInSkippedBlocks)),
        Attribute("rows_not_screened", String(stats.recordsOnlyInSkippedBlocks)),
        Attribute("max_block", String(maxBlock)),
      ])
  }

  /// The fuzzy matches and what `other` gave (run beside the screening); with `TIERSCAN_TIMINGS`
  /// a phase `name-fuzzy screening` (the screening and `other`) with the row
  /// blocks (count, largest with its key, skipped) and the work (entities, block visits, rows met,
  /// candidates, pruned by the bound, scored, matches).
  private static func screen<T>(
    _ fuzzy: FuzzyRiskListMatcher, _ graph: SupplyGraph, _ timings: PhaseTimings?,
    alongside other: @Sendable () -> T
  ) -> ([FuzzyRiskListMatcher.Match], T) {
    guard let timings else {
      let (matches, _, result) = fuzzy.screen(graph, alongside: other)
      return (matches, result)
    }
    var work = FuzzyRiskListMatcher.Work()
    let (matches, result) = timings.measure("name-fuzzy screening") {
      let (matches, w, result) = fuzzy.screen(graph, alongside: other)
      work = w
      return (matches, result)
    }
    let stats = fuzzy.stats
    timings.addCounts(
      "name-fuzzy screening",
      [
        ("blocks", stats.blocks), ("largest block '\(stats.largestKey)' rows", stats.largestBlock),
        ("skipped blocks", stats.skippedBlocks), ("entities", work.entities), ("filtered", work.filtered), ("cleared first", work.cleared), ("rows bounded first", work.bounded),
        ("visits", work.visits), ("rows met", work.met), ("candidates", work.candidates), ("past the gate", work.pastGate), ("pruned", work.pruned),
        ("scored", work.scored), ("matches", work.matches),
      ])
    return (matches, result)
  }

  private struct RowEntity: Hashable {
    let row: Int
    let entity: EntityIndex
  }

  private func baseEvidence(_ row: RiskListEntry, matchedOn: String) -> [(String, JSONValue)] {
    [
      ("list", .string(row.list)), ("name", .string(row.name)), ("matched_on", .string(matchedOn)),
      ("country", .optional(row.country)), ("authority", .optional(row.authority)),
      ("listed_on", .optional(row.listedOn)), ("reference", .optional(row.reference)),
    ]
  }

  /// Whether a `not_same` judgement suppresses the match of `row` on `entity`; reports it (info
  /// `judgement-suppressed` at the judgement's line, with the match's evidence kept in the finding).
  private func suppressed(
    _ row: RiskListEntry, _ entity: EntityIndex, rule: RiskRuleID, features: MatchFeatures?, graph: SupplyGraph,
    _ judgements: JudgementBook, _ findings: inout FindingLog
  ) -> Bool {
    guard let judgement = judgements.judgement(entity: entity, row: MatchRecord.key(list: row.list, name: row.name)),
      judgement.decision == .notSame
    else { return false }
    var evidence = [
      Attribute("suppressed", "true"), Attribute("rule", rule.id), Attribute("list", row.list),
      Attribute("name", row.name), Attribute("row", row.provenance.description),
      Attribute("entity", graph.entities.id(of: entity)), Attribute("category", row.category),
    ]
    if let features { evidence.append(Attribute("features", features.summary)) }
    if let reviewer = judgement.reviewer { evidence.append(Attribute("reviewer", reviewer)) }
    findings.add(
      .info, .judgementSuppressed, at: judgement.provenance,
      "\(rule.id) match of '\(row.name)' (\(row.list), \(row.provenance.description)) on entity '\(graph.entities.id(of: entity))' "
        + "suppressed: judged not_same", evidence: evidence)
    return true
  }

  /// For an exact name match where both sides give an address: the address comparison when the
  /// addresses conflict (also reported as warning `address-conflict`), else `nil`. The match
  /// still fires (SPEC §2.4); the evidence shows the conflict.
  private func addressConflict(
    _ row: RiskListEntry, _ entity: Entity, rule: ListMatchRule, scorer: PairScorer, findings: inout FindingLog
  ) -> JSONValue? {
    guard MatchRecord.address(in: row.attributes) != nil, MatchRecord.address(in: entity.attributes) != nil else {
      return nil
    }
    let (_, features) = scorer.score(MatchRecord(entity: entity), MatchRecord(row: row))
    guard features.addressAgreement == .disagree, let similarity = features.address else { return nil }
    addressFinding(row, entity, features, &findings, rule: rule.ruleID)
    return .object([
      ("address_similarity", .number(MatchFeatures.rounded(similarity))),
      ("row_address", .optional(MatchRecord.address(in: row.attributes))),
      ("entity_address", .optional(MatchRecord.address(in: entity.attributes))),
    ])
  }

  private func addressFinding(
    _ row: RiskListEntry, _ entity: Entity, _ features: MatchFeatures, _ findings: inout FindingLog,
    rule: RiskRuleID = .nameFuzzy
  ) {
    let similarity = features.address.map { "\(MatchFeatures.rounded($0))" } ?? "?"
    findings.add(
      .warning, .addressConflict, at: row.provenance,
      "\(rule.id) match of '\(row.name)' on entity '\(entity.id)' although the addresses differ "
        + "(similarity \(similarity)): '\(MatchRecord.address(in: row.attributes) ?? "")' vs "
        + "'\(MatchRecord.address(in: entity.attributes) ?? "")'; review whether this is the same site",
      evidence: [
        Attribute("entity", entity.id), Attribute("rule", rule.id), Attribute("address_similarity", similarity),
      ])
  }

  private func scoreCountryRisk(
    graph: SupplyGraph, _ rows: [CountryRiskEntry], vocabulary: CommodityVocabulary, into risk: inout InherentRisk,
    findings: inout FindingLog
  ) {
    guard !rows.isEmpty else { return }
    let index = CountryCommodityIndex(graph: graph, rows: rows, vocabulary: vocabulary)
    let usage = CommodityUsage(graph: graph, rows: rows, vocabulary: vocabulary)
    usage.report(into: &findings)
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
      let rule = RuleHit(
        rule: .countryCommodity, category: row.category, score: score(of: row), provenance: row.provenance,
        evidence: [
          ("country", .string(row.country)), ("commodity", .optional(row.commodity)), ("source", .optional(row.source)),
        ] + usage.evidence(for: row))
      risk.add(rule, toEach: index.entities(of: row), in: c)
    }
  }

  private func scoreSmelters(
    graph: SupplyGraph, _ references: [SmelterReference], isGiven: Bool, into risk: inout InherentRisk
  ) {
    guard let c = risk.index(of: "conflict_minerals") else { return }
    var byCID: [RawKey: SmelterReference] = [:]
    for reference in references where reference.status != nil && byCID[RawKey(reference.cid)] == nil {
      byCID[RawKey(reference.cid)] = reference
    }
    guard isGiven else { return }
    let entities = graph.entities
    // The CID alone is read (no ``Identifiers`` value is built for each of the entities).
    for i in entities.indices {
      let cid = entities.cid(of: i)
      guard cid != nil || entities.kind(of: i) == .smelter else { continue }
      let reference = cid.flatMap { byCID[RawKey($0)] }
      let status = reference?.status ?? .unknown
      let basis = cid == nil ? "no-cid" : reference == nil ? "cid-not-in-reference" : "reference"
      risk.add(
        RuleHit(
          rule: .smelterStatus, category: "conflict_minerals", score: config.score(of: status),
          provenance: reference?.provenance ?? entities.firstSource(of: i),
          evidence: [
            ("cid", .optional(cid)), ("status", .string(status.rawValue)),
            ("reference_status", .optional(reference?.rawStatus)), ("status_from", .string(basis)),
          ] + (reference?.asOf.map { [("as_of", JSONValue.string($0.description))] } ?? [])),
        to: EntityIndex(i), in: c)
    }
  }
}
