/// Merges entity and relationship records into a ``SupplyGraph`` (model §1).
///
/// Merge rules: records merge when they share an `id`, or the same valid `lei`, `duns` or `cid`,
/// transitively. The merged entity keeps the first id in input order; the other ids resolve to it
/// and become aliases. Records flagged ``EntityRecord/mergesByName`` that merged with nothing
/// else join the first entity whose normalised name or alias equals theirs (warning `name-merge`);
/// in any merge, such records come after the others, so the entity keeps the existing id.
/// For each field the first value in input order wins; a different later value is a warning
/// `merge-conflict`. Relationship endpoints with no entity anywhere become placeholders
/// (warning `unknown-entity`, once per id).
public struct GraphBuilder {
  let normalizer: NameNormalizer
  /// Steps over more items than this split over both cores (``ParallelWork``); tests lower it to
  /// compare the split results with the one-thread ones.
  var minimumToSplit = 1 << 16

  /// Creates a builder; `normalizer` is used for name merges only.
  public init(normalizer: NameNormalizer = NameNormalizer()) {
    self.normalizer = normalizer
  }

  /// Builds the graph.
  ///
  /// - Parameters:
  ///   - entityRecords: entity records in input order.
  ///   - relationshipRecords: relationship records in input order.
  ///   - findings: receives merge conflicts, name merges and unknown-entity warnings.
  /// - Complexity: O((V + E) log V) for the final sort by id; merging is near-linear.
  public func build(
    entityRecords: [EntityRecord], relationshipRecords: [RelationshipRecord], findings: inout FindingLog
  ) -> SupplyGraph {
    build(
      entityRecords: EntityRecordTable(entityRecords),
      relationshipRecords: RelationshipRecordTable(relationshipRecords),
      findings: &findings)
  }

  /// Builds the graph from entity records given as values (stored as an ``EntityRecordTable`` first).
  public func build(
    entityRecords: [EntityRecord], relationshipRecords: RelationshipRecordTable,
    links: [(left: String, right: String, provenance: Provenance)] = [], findings: inout FindingLog
  ) -> SupplyGraph {
    build(
      entityRecords: EntityRecordTable(entityRecords), relationshipRecords: relationshipRecords, links: links,
      findings: &findings)
  }

  /// Builds the graph from a record table; the graph's ``RelationshipTable`` shares the table's
  /// columns (no copy) and replaces only the endpoints.
  ///
  /// - Complexity: O((V + E) log V) for the final sort by id; merging is near-linear; each
  ///   distinct endpoint id is looked up once.
  /// - Parameter links: pairs of record ids a reviewer judged to be one entity (`same`
  ///   judgements): their components merge like records sharing an identifier, and the link's
  ///   provenance joins the merged entity's `sources`. A link naming an id no record has is ignored
  ///   here (the judgement is reported as stale by the caller).
  public func build(
    entityRecords: EntityRecordTable, relationshipRecords: RelationshipRecordTable,
    links: [(left: String, right: String, provenance: Provenance)] = [], findings: inout FindingLog
  ) -> SupplyGraph {
    buildGraph(
      entityRecords: entityRecords, relationshipRecords: relationshipRecords, links: links, findings: &findings)
  }

  /// The steps, each in a file named after it: group records into components
  /// (`GraphBuilder+Components.swift`); merge each component's records into its entity; resolve
  /// relationship endpoints, creating placeholders (`GraphBuilder+Placeholders.swift`); and
  /// materialise the sorted entities, the id table and the relationship table
  /// (`GraphBuilder+Materialise.swift`, which also holds the merge). Findings come in that order.
  private func buildGraph(
    entityRecords: EntityRecordTable, relationshipRecords: RelationshipRecordTable,
    links: [(left: String, right: String, provenance: Provenance)], findings: inout FindingLog
  ) -> SupplyGraph {
    // Sub-phases (`graph build: …`) are recorded only with `TIERSCAN_TIMINGS=1`.
    let components = PhaseTimings.phase("graph build: components") {
      self.components(of: entityRecords, links: links, findings: &findings)
    }
    var mergedEntities = PhaseTimings.phase("graph build: merges") {
      mergeComponents(entityRecords, components: components, findings: &findings)
    }
    // A reviewer link is recorded in the merged entity's sources, after its records.
    for (record, provenance) in components.linkedRecords {
      let c = components.componentOfRecord[Int(record)]
      if mergedEntities[c]?.sources.contains(provenance) == false { mergedEntities[c]?.sources.append(provenance) }
    }
    let endpoints = PhaseTimings.phase("graph build: endpoints") {
      Self.resolveEndpoints(of: relationshipRecords, in: components, findings: &findings)
    }
    return materialise(
      entityRecords: entityRecords, components: components, mergedEntities: mergedEntities, endpoints: endpoints,
      relationshipRecords: relationshipRecords)
  }
}
