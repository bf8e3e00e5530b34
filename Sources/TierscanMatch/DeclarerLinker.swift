import TierscanCore

/// Links CMRT declaring companies to the suppliers they are, through the matching engine
/// (docs/entity-resolution.md §7.1). SPEC §2.8 merges a declarer with an entity by LEI, DUNS or
/// exact normalised name; a declarer that merged with nothing that way is compared here with
/// every other entity of its kind:
///
/// - exactly one candidate decided `same` (an identifier agrees, or the names reach
///   `matching.same` and the addresses agree) is a **link**: the caller merges the two (warning
///   `declarer-linked` with the features);
/// - every other candidate decided `possible` or `same` is reported for review (warning
///   `declarer-possible-link`), never merged: with two or more `same` candidates none is merged,
///   since one declarer cannot be two suppliers;
/// - `distinct` candidates stay apart, silently (as any pair the engine decides `distinct`).
///
/// Judgements apply: a `same` judgement merged the pair already (the declarer is then not
/// compared); `not_same` drops the pair (info `judgement-suppressed` at the judgement's line);
/// `unsure` keeps it in review and never lets it merge.
public struct DeclarerLinker: Sendable {
  /// A declaring company as the workbook gives it.
  public struct Declarer: Sendable, Hashable {
    /// The id the declarer's entity record carries (`cmrt:…`, or the id it was given).
    public var id: String
    /// The company address (CMRT `Declaration!D14`), compared with the supplier's `address`.
    public var address: String?
    /// Where the declaring company's name is (`Declaration!D8`).
    public var provenance: Provenance

    /// Creates a declarer.
    public init(id: String, address: String?, provenance: Provenance) {
      self.id = id
      self.address = address
      self.provenance = provenance
    }
  }

  /// One declarer–entity pair the engine decided `possible` or `same`.
  public struct Pair: Sendable {
    /// The declarer's entity id and the other entity's id (in the graph the linker was given).
    public var declarer: String
    public var entity: String
    public var decision: MatchDecision
    public var features: MatchFeatures
    /// An `unsure` judgement about the pair, if any.
    public var judgement: Judgement?
    /// Whether the pair is a link (merged); otherwise it is reported for review.
    public var isLink: Bool
    /// The declarer's `Declaration!D8` cell.
    public var provenance: Provenance
    /// The declarer and entity as the engine compared them (for `resolve`).
    public var declarerRecord: MatchRecord
    public var entityRecord: MatchRecord
  }

  /// What the linker found.
  public struct Result: Sendable {
    /// Every pair, links and review pairs, sorted by declarer id then entity id.
    public var pairs: [Pair] = []
    /// Pairs a `not_same` judgement suppressed (declarer id, entity id); already reported.
    public var suppressed: [(declarer: String, entity: String)] = []
    /// Declarers compared (those no identifier, id or exact name had merged).
    public var compared = 0
    /// Entities each declarer was compared with (candidates through blocking, summed).
    public var candidates = 0

    /// Nothing linked or compared.
    public init() {}

    /// The links to merge: (entity id, declarer id, the declarer's D8 cell), as
    /// ``GraphBuilder/build(entityRecords:relationshipRecords:links:findings:)`` takes them.
    public var links: [(left: String, right: String, provenance: Provenance)] {
      pairs.filter(\.isLink).map { ($0.entity, $0.declarer, $0.provenance) }
    }

    /// The pairs reported for review (not merged).
    public var reviewPairs: [Pair] { pairs.filter { !$0.isLink } }

    /// Every pair this report gave a finding, links excepted (review pairs and suppressed pairs):
    /// the duplicate search lists them without a second finding.
    public var reportedPairs: [(String, String)] {
      reviewPairs.map { ($0.declarer, $0.entity) } + suppressed.map { ($0.declarer, $0.entity) }
    }
  }

  public let config: MatchConfig

  /// Creates a linker with the engine's thresholds.
  public init(config: MatchConfig) { self.config = config }

  /// Compares each declarer that is an entity of its own (every source of its entity is a
  /// declarer's D8 cell) with the graph's other entities of its kind (placeholders and other such
  /// declarers excluded). Declarers are indexed by blocking keys and every other entity queries
  /// them, so a graph of a million entities costs one parse and one index look-up per entity.
  ///
  /// - Parameters:
  ///   - declarers: the workbooks' declaring companies (several workbooks may give one id).
  ///   - graph: the graph built with identifier, id, exact-name and judgement merges.
  ///   - judgements: the run's judgements (void ones are ignored).
  ///   - findings: receives `declarer-linked`, `declarer-possible-link` and `judgement-suppressed`.
  /// - Complexity: O(V × (k + c × s)) for V entities of k blocking keys, c candidate declarers
  ///   each (at most `matching.max_candidates`) and s the cost of one scoring; O(1) work when
  ///   every declarer merged already.
  public func link(
    declarers: [Declarer], in graph: SupplyGraph, judgements: JudgementBook, findings: inout FindingLog
  ) -> Result {
    var result = Result()
    // The declarers that are entities of their own, once each, in id order.
    let declarerCells = Set(declarers.map(\.provenance))
    var byEntity: [EntityIndex: Declarer] = [:]
    for declarer in declarers {
      guard let e = graph.index(of: declarer.id), byEntity[e] == nil else { continue }
      let entity = graph[e]
      guard !entity.sources.isEmpty, entity.sources.allSatisfy({ declarerCells.contains($0) }) else { continue }
      byEntity[e] = declarer
    }
    guard !byEntity.isEmpty else { return result }
    let declarerEntities = byEntity.keys.sorted()
    result.compared = declarerEntities.count
    let declarerRecords = declarerEntities.map { e in
      var record = MatchRecord(entity: graph[e])
      record.address = record.address ?? byEntity[e]?.address
      return PreparedRecord(record)
    }
    let index = BlockingIndex(records: declarerRecords, config: config)
    let scorer = PairScorer(config: config)
    let bound = ScoreBound(config: config)
    let declarerNames = declarerRecords.map { bound.prepare($0) }
    let kinds = declarerEntities.map { graph.entities.kind(of: $0) }
    let isDeclarer = Set(declarerEntities)
    let entities = graph.entities
    // Every other entity queries the declarers' index (the declarers are few).
    struct Found: Sendable {
      var declarer: Int
      var entity: EntityIndex
      var decision: MatchDecision
      var features: MatchFeatures
      var record: MatchRecord
    }
    let pieces = ParallelWork.map(count: entities.count, minimumToSplit: 20_000) { range in
      var found: [Found] = []
      var candidates = 0
      var scratch = index.makeScratch()
      for i in range {
        guard entities.isComparableForDuplicates(i), !isDeclarer.contains(EntityIndex(i)),
          kinds.contains(entities.kind(of: i))
        else { continue }
        let entity = entities[i]
        let record = PreparedRecord(MatchRecord(entity: entity))
        let matches = index.candidates(of: record, scratch: &scratch) { kinds[$0] == entity.kind }
        guard !matches.isEmpty else { continue }
        candidates += matches.count
        let names = bound.prepare(record)
        for d in matches {
          guard bound.mayReach(bound.leastPossible, declarerRecords[d], declarerNames[d], record, names) else { continue }
          let (decision, features) = scorer.score(declarerRecords[d], record)
          if decision >= .possible {
            found.append(Found(declarer: d, entity: EntityIndex(i), decision: decision, features: features, record: record.record))
          }
        }
      }
      return (found, candidates)
    }
    result.candidates = pieces.reduce(0) { $0 + $1.1 }
    var perDeclarer = [[Found]](repeating: [], count: declarerEntities.count)
    for piece in pieces { for f in piece.0 { perDeclarer[f.declarer].append(f) } }

    for (d, list) in perDeclarer.enumerated() where !list.isEmpty {
      let e = declarerEntities[d]
      let declarer = byEntity[e]!
      let declarerEntity = graph[e]
      var kept: [(Found, Judgement?)] = []
      for f in list.sorted(by: { graph.entities.id(of: $0.entity).utf8Precedes(graph.entities.id(of: $1.entity)) }) {
        let judgement = judgements.judgement(e, f.entity)
        if let judgement, judgement.decision == .notSame {
          findings.add(
            .info, .judgementSuppressed, at: judgement.provenance,
            "CMRT declarer '\(declarerEntity.id)' not linked to '\(graph.entities.id(of: f.entity))': judged not_same",
            evidence: [
              Attribute("suppressed", "true"), Attribute("left", declarerEntity.id),
              Attribute("right", graph.entities.id(of: f.entity)), Attribute("decision", f.decision.rawValue),
              Attribute("features", f.features.summary),
            ])
          result.suppressed.append((declarerEntity.id, graph.entities.id(of: f.entity)))
          continue
        }
        kept.append((f, judgement))
      }
      let sure = kept.filter { $0.0.decision == .same && $0.1 == nil }
      let linksOne = sure.count == 1
      for (f, judgement) in kept {
        let other = graph[f.entity]
        let isLink = linksOne && f.decision == .same && judgement == nil
        // With one link the declarer is that supplier; its other candidates are ordinary
        // duplicate candidates of the merged entity (reported by the duplicate search).
        if linksOne && !isLink { continue }
        let pair = Pair(
          declarer: declarerEntity.id, entity: other.id, decision: f.decision, features: f.features,
          judgement: judgement, isLink: isLink, provenance: declarer.provenance,
          declarerRecord: declarerRecords[d].record, entityRecord: f.record)
        result.pairs.append(pair)
        let evidence = [
          Attribute("declarer", declarerEntity.id), Attribute("entity", other.id),
          Attribute("decision", f.decision.rawValue),
          Attribute("similarity", "\(MatchFeatures.rounded(f.features.similarity))"),
          Attribute("features", f.features.summary),
        ]
        if isLink {
          findings.add(
            .warning, .declarerLinked, at: declarer.provenance,
            "CMRT declarer '\(declarerEntity.name)' merged with '\(other.id)' (\(other.name)): same, "
              + "\(f.features.summary); record a not_same judgement if they differ",
            evidence: evidence)
        } else {
          var why = ""
          if let judgement { why = "; judged unsure at \(judgement.provenance.description)" }
          if f.decision == .same && sure.count > 1 {
            why += "; \(sure.count) entities are decided same with this declarer, so none is merged"
          }
          findings.add(
            .warning, .declarerPossibleLink, at: declarer.provenance,
            "CMRT declarer '\(declarerEntity.name)' may be '\(other.id)' (\(other.name)): \(f.decision.rawValue), "
              + "\(f.features.summary)\(why); not merged, record a judgement (same / not_same) to settle it",
            evidence: evidence)
        }
      }
    }
    result.pairs.sort {
      $0.declarer.utf8Equals($1.declarer) ? $0.entity.utf8Precedes($1.entity) : $0.declarer.utf8Precedes($1.declarer)
    }
    return result
  }

}
