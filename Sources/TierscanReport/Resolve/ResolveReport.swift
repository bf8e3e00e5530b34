import TierscanCore
import TierscanMatch

/// What `tierscan resolve` finds (docs/entity-resolution.md §8): candidate pairs between
/// entities and between entities and risk-list rows, grouped into clusters, risk-list clusters
/// first, with the blocking figures.
public struct ResolveReport: Sendable {
  /// Candidates in output order: by cluster, then risk-list pairs first, then similarity
  /// descending, then keys.
  public var candidates: [ResolveCandidate]
  /// Blocks of two or more entities of the entity-to-entity comparison: key, size, whether
  /// compared (a block of one compares nothing; ``stats`` counts every block).
  public var blocks: [(key: String, size: Int, compared: Bool)]
  public var stats: BlockingIndex.Stats
  /// Entities considered (placeholders are not).
  public var entityCount: Int
  /// Distinct entity pairs in the records' candidate lists (each record's `max_candidates` sharing
  /// the most blocking keys), before the score bound and the word gate rule most of them out; only
  /// the pairs left are scored.
  public var comparisons: Int
  /// Pairs a `not_same` judgement removed from review.
  public var suppressed: Int
  /// What the entity comparison did (for `TIERSCAN_TIMINGS`).
  public var work: DuplicateFinder.Work
  /// Entities the risk-list pass skipped: no row can reach `possible` with them (``ScreeningPrefilter``).
  var riskListCleared = 0
  /// What the search built: the prepared records, the entities' blocking index and word gate,
  /// the risk-list rows' side and the arrays that tie them together. Nothing in the report's
  /// output reads it; it is held so that a command that ends soon after can keep it until the
  /// process exits (the executable's `KeptUntilExit`) instead of freeing a million records one
  /// string and array at a time (~0.5 s of one core at 1M; docs/performance.md), or unmapping
  /// the gate's and the ordering's large arrays on one core before the outputs are written.
  public let workingMemory: WorkingMemory

  /// The search's records, index, gate and the rest (``workingMemory``), opaque to callers.
  public struct WorkingMemory: Sendable {
    let records: [PreparedRecord]
    let index: BlockingIndex
    let gate: WordGate
    let pairs: [DuplicateFinder.Pair]
    let riskListSide: ResolveRiskListSide?
    /// The candidates before ``ResolveReport/clustered(_:)`` ordered them.
    let unclustered: [ResolveCandidate]
    let entityIndices: [Int]
    let original: [Int32]
    let position: [Int32]
  }

  /// Finds the candidates of a prepared run.
  ///
  /// - Complexity: near-linear in the entities (blocking; see ``DuplicateFinder``).
  /// `declarerPairs` are the run's CMRT declarer pairs left for review (``DeclarerLinker``): each
  /// is listed as kind `cmrt-declarer`, in place of the same pair found as a duplicate.
  public init(
    graph: SupplyGraph, riskList: [RiskListEntry], judgements: JudgementBook, config: MatchConfig,
    declarerPairs: [DeclarerLinker.Pair] = []
  ) {
    self.init(
      graph: graph, riskList: riskList, judgements: judgements, config: config, declarerPairs: declarerPairs,
      gateFirst: true)
  }

  /// ``init(graph:riskList:judgements:config:declarerPairs:)``, with the risk-list pass's gate
  /// first (``ScreeningPrefilter``) or without it (tests compare the two).
  init(
    graph: SupplyGraph, riskList: [RiskListEntry], judgements: JudgementBook, config: MatchConfig,
    declarerPairs: [DeclarerLinker.Pair], gateFirst: Bool
  ) {
    let entities = graph.entities
    let entityIndices = entities.indices.filter { entities.isComparableForDuplicates($0) }
    // Entities of one kind only are compared: each entity's kind as its position in `allCases`
    // (a list made once: `allCases` builds a new array at every use).
    let kindList = EntityKind.allCases
    let kinds = entityIndices.map { Int32(kindList.firstIndex(of: entities.kind(of: $0))!) }
    // The records are built once, in the duplicate search's order (by kind, then country;
    // ``DuplicateFinder/storageOrder(countryIDs:countryCount:groups:groupCount:)``, by table),
    // and that one array serves the search and the risk-list pass: `records[p]` is the entity
    // `entityIndices[original[p]]`, and `position[k]` the place of entity `entityIndices[k]`.
    // Names parsed on both cores (a million names take seconds on one).
    let (original, groupRanges) = DuplicateFinder.storageOrder(
      countryIDs: entityIndices.map { Int32(entities.countryID(of: $0)) }, countryCount: entities.countryValues.count + 1,
      groups: kinds, groupCount: kindList.count)
    // Each piece reads the table through one reader, which parses the names by bytes in its own
    // working memory (``EntityRecordReader``). Stored order visits the table at random, so the
    // fields of the entity 16 records ahead and the strings of the one 8 ahead are asked for.
    let records: [PreparedRecord] = PhaseTimings.phase("resolve: records") {
      ParallelWork.scatteredArray(count: entityIndices.count, minimumToSplit: 2_000) { range, slots in
        var reader = EntityRecordReader(entities)
        // The piece's entities in stored order, gathered first: looked up in the loop, 16
        // records ahead, each was a cache miss on `entityIndices` that held up the record
        // (~9 % of the phase); in a loop of loads alone the misses overlap.
        let pieceEntities = range.map { entityIndices[Int(original[$0])] }
        func entity(_ k: Int) -> Int { k < pieceEntities.count ? pieceEntities[k] : -1 }
        for (k, p) in range.enumerated() {
          reader.prefetch(fieldsOf: entity(k + 16), stringsOf: entity(k + 8))
          slots.initialize(p, to: reader.preparedRecord(entityAt: entity(k)))
        }
      }
    }
    var position = [Int32](repeating: 0, count: original.count)
    for (p, k) in original.enumerated() { position[Int(k)] = Int32(p) }
    let found = DuplicateFinder(config: config).pairs(stored: records, original: original, groupRanges: groupRanges)
    var candidates: [ResolveCandidate] = []
    var suppressed = 0
    var declared = Set<[String]>()
    for pair in declarerPairs where graph.index(of: pair.declarer) != nil && graph.index(of: pair.entity) != nil {
      declared.insert([pair.declarer, pair.entity])
      declared.insert([pair.entity, pair.declarer])
      candidates.append(
        ResolveCandidate(
          kind: .declarer, left: pair.declarerRecord, right: pair.entityRecord, decision: pair.decision,
          features: pair.features, judgement: pair.judgement))
    }
    for pair in found.pairs {
      let (a, b) = (EntityIndex(entityIndices[pair.left]), EntityIndex(entityIndices[pair.right]))
      if declared.contains([graph.entities.id(of: a), graph.entities.id(of: b)]) { continue }
      let judgement = judgements.judgement(a, b)
      if judgement?.decision == .notSame {
        suppressed += 1
        continue
      }
      candidates.append(
        ResolveCandidate(
          kind: .duplicate, left: records[Int(position[pair.left])].record,
          right: records[Int(position[pair.right])].record,
          decision: pair.decision, features: pair.features, judgement: judgement))
    }
    // Risk-list rows against every entity: rows indexed, entities queried. The rows' side and
    // the block table depend on the duplicate search only and are built side by side (each a
    // serial pass).
    let entityIndex = found.index
    let entityGate = found.gate
    let (riskListSide, blocks) = PhaseTimings.phase("resolve: risk-list rows + blocks") {
      ParallelWork.pair(
        {
          riskList.isEmpty
            ? nil
            : ResolveRiskListSide(riskList: riskList, config: config, entityIndex: entityIndex, entityGate: entityGate)
        },
        { entityIndex.blockSizes(minimumSize: 2) })
    }
    if let side = riskListSide {
      let (rows, index, bound, rowNames, gate, prefilter) =
        (side.rows, side.index, side.bound, side.rowNames, side.gate, side.prefilter)
      let scorer = PairScorer(config: config)
      let translation = side.keyTranslation
      // Entities query the rows on both cores in their stored order, in many pieces taken as the
      // workers come free; the matches are put back in entity order (then row order, as each
      // entity's sorted candidates give them).
      let pieceSize = records.count < 2_000 ? max(1, records.count) : max(1_000, (records.count + 63) / 64)
      let ranges = stride(from: 0, to: records.count, by: pieceSize).map { $0..<min($0 + pieceSize, records.count) }
      // The entities' words, countries and identifiers are those the duplicate search's word gate
      // interned (its record `k` is `records[k]`), read in the rows' numbering by the side's
      // translation.
      let entityTranslation = side.wordTranslation
      let rowMatches = PhaseTimings.phase("resolve: risk-list pass") {
        ParallelWork.each(count: ranges.count) { w in
          let range = ranges[w]
          var scratch = index.makeScratch()
          var query = gate.makeQuery()
          var prefilterScratch = prefilter.makeScratch()
          var sourceWords: [Int32] = []
          var keys: [Int32] = []
          var found: [(k: Int, r: Int, decision: MatchDecision, features: MatchFeatures)] = []
          // Records read in place (a copy retains and releases every string and array it holds).
          records.withUnsafeBufferPointer { records in
            for k in range {
              // The query as the screening loads it: the names' words and their ids in the rows'
              // vocabulary (-1 for a word no row has), country and identifiers, by the translation.
              gate.load(indexed: k, of: entityGate, translation: entityTranslation, into: &query, sourceWords: &sourceWords)
              if gateFirst, prefilter.noneMayPass(gate, &query, sourceWords: sourceWords, of: entityGate, &prefilterScratch) {
                continue
              }
              keys.removeAll(keepingCapacity: true)
              entityIndex.nameKeyNumbers(ofIndexed: k, translatedBy: translation, into: &keys)
              index.fillCandidates(
                keys: keys, country: records[k].record.country, identifiers: records[k].record.identifiers,
                scratch: &scratch)
              guard !scratch.result.isEmpty else { continue }
              // A pair that cannot be `possible` (``WordGate``, then ``ScoreBound``) would be left
              // out below; it is not scored.
              gate.filter(scratch.result, reaching: bound.leastPossible, &query)
              guard !query.passed.isEmpty else { continue }
              let names = bound.prepare(records[k])
              // In row order, as the sorted candidates gave them.
              for r in query.passed.sorted() {
                guard bound.mayReach(bound.leastPossible, records[k], names, rows[r], rowNames[r]) else { continue }
                let (decision, features) = scorer.score(records[k], rows[r])
                if decision >= .possible { found.append((Int(original[k]), r, decision, features)) }
              }
            }
          }
          return (found: found, cleared: prefilterScratch.skipped)
        }
      }
      riskListCleared = rowMatches.reduce(0) { $0 + $1.cleared }
      PhaseTimings.current?.addCounts("resolve: risk-list pass", [("entities cleared", riskListCleared)])
      var seen = Set<[String]>()
      let matches = rowMatches.flatMap(\.found).sorted { (a, b) -> Bool in a.k != b.k ? a.k < b.k : a.r < b.r }
      for (k, r, decision, features) in matches {
        let record = records[Int(position[k])]
        guard seen.insert([record.record.key, rows[r].record.key]).inserted else { continue }
        let judgement = judgements.judgement(entity: EntityIndex(entityIndices[k]), row: rows[r].record.key)
        if judgement?.decision == .notSame {
          suppressed += 1
          continue
        }
        candidates.append(
          ResolveCandidate(
            kind: .riskList, left: record.record, right: rows[r].record, decision: decision, features: features,
            judgement: judgement))
      }
    }
    self.candidates = Self.clustered(candidates)
    self.blocks = blocks
    self.workingMemory = WorkingMemory(
      records: records, index: found.index, gate: found.gate, pairs: found.pairs, riskListSide: riskListSide,
      unclustered: candidates, entityIndices: entityIndices, original: original, position: position)
    self.stats = found.stats
    self.entityCount = records.count
    self.comparisons = found.comparisons
    self.suppressed = suppressed
    self.work = found.work
  }
}
