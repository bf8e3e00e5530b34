import TierscanCore

/// Possible duplicate entities of a graph (docs/entity-resolution.md §7): pairs the engine decides
/// `possible` or `same` that neither an id nor an identifier merged. They are reported, never
/// merged: a `same` judgement merges them on the next run, a `not_same` judgement stops the report.
public struct DuplicateReport: Sendable {
  /// One pair, `left < right`.
  public struct Pair: Sendable {
    public var left: EntityIndex
    public var right: EntityIndex
    public var decision: MatchDecision
    public var features: MatchFeatures
    /// An `unsure` judgement about the pair, if any.
    public var judgement: Judgement?
  }

  /// The pairs, sorted by (left, right).
  public var pairs: [Pair] = []
  /// For each entity with pairs: the ids of its possible duplicates, sorted by id bytes.
  public private(set) var possibleSameAs: [EntityIndex: [String]] = [:]

  /// No pairs.
  public init() {}

  /// Finds the pairs among the graph's entities (placeholders and redacted OMTS boundary references excluded; only entities of the same
  /// kind are compared) and reports each as a warning `possible-duplicate` at the first source of
  /// the left entity; a pair judged `not_same` is left out with an info `judgement-suppressed` at
  /// the judgement's line. Graphs larger than `maxEntities` are not searched: an info finding
  /// `duplicates-not-checked` says so (run `tierscan resolve`). Pairs in `reportedElsewhere`
  /// (entity ids, either order; CMRT declarer links already reported as `declarer-possible-link`)
  /// are kept in ``pairs`` and `possible_same_as` without a second finding.
  ///
  /// - Complexity: near-linear (blocking; ``DuplicateFinder``).
  public init(
    graph: SupplyGraph, judgements: JudgementBook, config: MatchConfig, maxEntities: Int,
    reportedElsewhere: [(String, String)] = [], findings: inout FindingLog
  ) {
    let indices = graph.entities.indices.filter { graph.entities.isComparableForDuplicates($0) }
    guard indices.count > 1 else { return }
    guard indices.count <= maxEntities else {
      findings.add(
        .info, .duplicatesNotChecked, at: nil,
        "\(indices.count) entities exceed matching.duplicates_max_entities (\(maxEntities)): possible duplicates were "
          + "not searched in this run; run `tierscan resolve` for them")
      return
    }
    let records = indices.map { PreparedRecord(MatchRecord(entity: graph.entities[$0])) }
    // Entities of one kind only are compared.
    let kinds = indices.map { Int32(EntityKind.allCases.firstIndex(of: graph.entities.kind(of: $0))!) }
    let found = DuplicateFinder(config: config).pairs(in: records, groups: kinds)
    if found.stats.skippedBlocks > 0 {
      findings.add(
        .info, .duplicateBlocksSkipped, at: nil,
        "\(found.stats.skippedBlocks) blocking key(s) shared by more than matching.duplicates_max_block "
          + "(\(config.duplicatesMaxBlock)) entities "
          + "were not compared (largest: '\(found.stats.largestKey)', \(found.stats.largestBlock) entities); entities "
          + "found only through them are not checked for duplicates",
        evidence: [
          Attribute("skipped_blocks", String(found.stats.skippedBlocks)),
          Attribute("largest_block", String(found.stats.largestBlock)), Attribute("largest_key", found.stats.largestKey),
        ])
    }
    // Pairs another report already gave a finding (CMRT declarer links): listed, not reported twice.
    let reported = Set(reportedElsewhere.map { [$0.0, $0.1] })
    for pair in found.pairs {
      let (a, b) = (EntityIndex(indices[pair.left]), EntityIndex(indices[pair.right]))
      let judgement = judgements.judgement(a, b)
      let (left, right) = (graph[a], graph[b])
      let isReported = reported.contains([left.id, right.id]) || reported.contains([right.id, left.id])
      if let judgement, judgement.decision == .notSame {
        if isReported { continue }
        findings.add(
          .info, .judgementSuppressed, at: judgement.provenance,
          "possible duplicate '\(left.id)' / '\(right.id)' not reported: judged not_same",
          evidence: [
            Attribute("suppressed", "true"), Attribute("left", left.id), Attribute("right", right.id),
            Attribute("features", pair.features.summary),
          ])
        continue
      }
      pairs.append(Pair(left: a, right: b, decision: pair.decision, features: pair.features, judgement: judgement))
      possibleSameAs[a, default: []].append(right.id)
      possibleSameAs[b, default: []].append(left.id)
      if isReported { continue }
      let judged = judgement.map { "; judged unsure at \($0.provenance.description)" } ?? ""
      findings.add(
        .warning, .possibleDuplicate, at: left.sources.first,
        "'\(left.id)' (\(left.name)) and '\(right.id)' (\(right.name)) may be one entity: \(pair.decision.rawValue), "
          + "\(pair.features.summary)\(judged); record a judgement (same / not_same) to settle it",
        evidence: [
          Attribute("left", left.id), Attribute("right", right.id), Attribute("decision", pair.decision.rawValue),
          Attribute("similarity", "\(MatchFeatures.rounded(pair.features.similarity))"),
          Attribute("features", pair.features.summary),
        ])
    }
    for key in possibleSameAs.keys { possibleSameAs[key]!.sort { $0.utf8Precedes($1) } }
  }
}
