import TierscanCore
import TierscanMatch

/// The `name-fuzzy` risk-list rule (SPEC v3 §6): rows are indexed by blocking keys
/// (``BlockingIndex``), every entity is scored against the few rows it shares keys with
/// (``PairScorer``), and a pair matches when the decision is `possible` or `same` and the
/// similarity reaches `matching.screening`. The identifier and country guards of the exact rules
/// hold (the scorer decides `distinct`). Placeholder entities (a name that is only an id) are
/// not screened.
public struct FuzzyRiskListMatcher: Sendable {
  /// One fuzzy match.
  public struct Match: Sendable {
    /// Index of the row in the rows given to ``init(rows:config:)``.
    public var row: Int
    public var entity: EntityIndex
    public var decision: MatchDecision
    public var features: MatchFeatures
  }

  /// What one screening cost, for `TIERSCAN_TIMINGS` and reports.
  public struct Work: Sendable, Equatable {
    /// Entities screened (not placeholders) and those sharing a blocking key (or an identifier)
    /// with some row (`filtered` in `TIERSCAN_TIMINGS`).
    public var entities = 0
    public var filtered = 0
    /// Entities that ``ScreeningPrefilter`` proved can match no row (no row both passes the gate
    /// and reaches the threshold in the scorer); their blocks are not visited and they are not
    /// counted in `filtered`.
    public var cleared = 0
    /// Rows bounded by ``ScreeningPrefilter`` (its candidates, over all entities it judged).
    public var bounded = 0
    /// Block members visited, distinct rows met, candidates kept (at most `max_candidates` per
    /// entity), candidates let through by ``WordGate``, candidates pruned (by the gate or the
    /// bound), candidates scored and matches.
    public var visits = 0
    public var met = 0
    public var candidates = 0
    public var pastGate = 0
    public var pruned = 0
    public var scored = 0
    public var matches = 0

    static func + (a: Work, b: Work) -> Work {
      Work(
        entities: a.entities + b.entities, filtered: a.filtered + b.filtered, cleared: a.cleared + b.cleared,
        bounded: a.bounded + b.bounded,
        visits: a.visits + b.visits,
        met: a.met + b.met, candidates: a.candidates + b.candidates, pastGate: a.pastGate + b.pastGate,
        pruned: a.pruned + b.pruned,
        scored: a.scored + b.scored, matches: a.matches + b.matches)
    }
  }

  private let rows: [RiskListEntry]
  private let index: BlockingIndex
  private let scorer: PairScorer
  private let bound: ScoreBound
  private let rowNames: [ScoreBound.Names]
  private let gate: WordGate
  private let prefilter: ScreeningPrefilter
  /// The `w:` and `p:` key numbers of each gate vocabulary word (-1 for none).
  private let wordKeys: [Int32]
  private let prefixKeys: [Int32]
  private let config: MatchConfig

  /// Indexes `rows`.
  ///
  /// - Complexity: O(R × k) for R rows of k keys.
  public init(rows: [RiskListEntry], config: MatchConfig) {
    self.rows = rows
    self.config = config
    self.scorer = PairScorer(config: config)
    self.bound = ScoreBound(config: config)
    self.index = BlockingIndex(records: rows.map { PreparedRecord(MatchRecord(row: $0)) }, config: config)
    self.rowNames = index.records.map { [bound] in bound.prepare($0) }
    self.gate = WordGate(records: index.records, config: config)
    self.prefilter = ScreeningPrefilter(gate: gate, reaching: config.screening, config: config)
    var wordKeys: [Int32] = []
    var prefixKeys: [Int32] = []
    for id in 0..<gate.vocabularyCount {
      let (w, p) = gate.withWord(id) { [index] in index.wordKeyNumbers($0) }
      wordKeys.append(w)
      prefixKeys.append(p)
    }
    (self.wordKeys, self.prefixKeys) = (wordKeys, prefixKeys)
  }

  /// Figures about the row blocks.
  public var stats: BlockingIndex.Stats { index.stats }

  /// Every block of rows as (key, size, compared), largest first.
  public var blockSizes: [(key: String, size: Int, compared: Bool)] { index.blockSizes }

  /// Every fuzzy match, sorted by row then entity. Entities are screened in concurrent pieces
  /// (``ParallelWork``); a candidate row is scored only when ``ScoreBound`` says it can reach
  /// `matching.screening`, which changes no result.
  ///
  /// - Complexity: O(V × (k × maxBlock + maxCandidates × b) + m × s) for b the cost of the bound,
  ///   m the candidates it keeps and s the cost of one scoring.
  public func matches(in graph: SupplyGraph) -> [Match] { screen(graph).matches }

  /// ``matches(in:)`` with what the screening cost.
  public func screen(_ graph: SupplyGraph) -> (matches: [Match], work: Work) {
    let (matches, work, _) = screen(graph, alongside: {})
    return (matches, work)
  }

  /// Entities per piece of the screening: pieces are handed to whichever core is free, so the
  /// cores finish together (two fixed halves left one core idle while the other finished).
  static let piece = 8_192

  /// ``screen(_:)`` with `other` run beside it: the screening's pieces of entities and `other`
  /// share the cores, each piece taken by whichever core is free (``ParallelWork/each(count:_:)``),
  /// so single-threaded work that does not depend on the screening (the exact risk-list rules)
  /// no longer leaves a core idle. The matches are the same, in the same order, whatever the
  /// timing: pieces are joined in entity order and sorted by row then entity.
  ///
  /// - Complexity: as ``matches(in:)``, plus `other`.
  public func screen<T>(
    _ graph: SupplyGraph, alongside other: @Sendable () -> T
  ) -> (matches: [Match], work: Work, other: T) {
    screen(graph, piece: Self.piece, alongside: other)
  }

  /// ``screen(_:alongside:)`` in pieces of `piece` entities (tests vary it).
  func screen<T>(
    _ graph: SupplyGraph, piece: Int, alongside other: @Sendable () -> T
  ) -> (matches: [Match], work: Work, other: T) {
    guard !rows.isEmpty, graph.entityCount > 0 else { return ([], Work(), other()) }
    let count = graph.entityCount
    let pieces = (count + piece - 1) / piece
    let parts = ParallelWork.each(count: pieces + 1) { i -> Part<T> in
      if i == 0 { return .other(other()) }
      let range = ((i - 1) * piece)..<min(count, i * piece)
      let (found, work) = screen(graph, range)
      return .piece(found, work)
    }
    var result: T?
    var found: [Match] = []
    var work = Work()
    for part in parts {
      switch part {
      case .other(let value): result = value
      case .piece(let matches, let w):
        found.append(contentsOf: matches)
        work = work + w
      }
    }
    found.sort { $0.row != $1.row ? $0.row < $1.row : $0.entity < $1.entity }
    return (found, work, result!)
  }

  /// What one task of ``screen(_:alongside:)`` gives.
  private enum Part<T> {
    case other(T)
    case piece([Match], Work)
  }

  /// Screens the entities of `range`.
  private func screen(_ graph: SupplyGraph, _ range: Range<Int>) -> ([Match], Work) {
    var found: [Match] = []
    var work = Work()
    var scratch = index.makeScratch()
    var gateQuery = gate.makeQuery()
    var prefilterScratch = prefilter.makeScratch()
    var words = NameWords()
    var ids: [Int32] = []
    var keys: [Int32] = []
    var compact: [UInt8] = []
    // Entities are read field by field from the columns (names as bytes, no string); the
    // whole entity only for the few that reach a candidate past the gate.
    let entities = graph.entities
    for v in range where !entities.isPlaceholder(of: v) {
      work.entities += 1
      // The names as words (no string per word), each word looked up once in the rows'
      // vocabulary; its blocking keys and its gate weight come from that one id.
      words.removeAll()
      entities.names.withUTF8(v) { words.appendParsed(utf8: $0) }
      if entities.hasAliases(v) {
        for alias in entities.aliases(of: v).prefix(PreparedRecord.maxNames - 1) { words.appendParsed(alias) }
      }
      // Written through one pointer (an append per word checked the array's uniqueness each time).
      ids.removeAll(keepingCapacity: true)
      ids.append(contentsOf: repeatElement(-1, count: words.wordCount))
      keys.removeAll(keepingCapacity: true)
      words.bytes.withUnsafeBytes { bytes in
        words.wordStarts.withUnsafeBufferPointer { starts in
          ids.withUnsafeMutableBufferPointer { ids in
            for w in 0..<ids.count {
              ids[w] = gate.wordID(UnsafeRawBufferPointer(rebasing: bytes[starts[w]..<starts[w + 1]]))
            }
          }
        }
      }
      let identifiers = entities.identifiers(of: v)
      let country = entities.country(of: v)
      let address = MatchRecord.address(in: entities.attributes(of: v))
      gate.load(words, ids: ids, country: country, identifiers: identifiers, hasAddress: address != nil, into: &gateQuery)
      // Gate first: an entity that no row can both pass the gate against and match in the scorer
      // needs no candidates.
      if prefilter.noneMayPass(gate, &gateQuery, words: words, &prefilterScratch) {
        work.cleared += 1
        continue
      }
      words.bytes.withUnsafeBytes { bytes in
        for w in 0..<words.wordCount {
          let word = UnsafeRawBufferPointer(rebasing: bytes[words.wordStarts[w]..<words.wordStarts[w + 1]])
          let id = ids[w]
          if id >= 0 {
            if wordKeys[Int(id)] >= 0 { keys.append(wordKeys[Int(id)]) }
            if prefixKeys[Int(id)] >= 0 { keys.append(prefixKeys[Int(id)]) }
          } else if word.count >= 5 {
            // A word no row has is not generic and is no row's word key; its prefix may be.
            let prefix = index.prefixKeyNumber(UnsafeRawBufferPointer(rebasing: word[0..<4]))
            if prefix >= 0 { keys.append(prefix) }
          }
        }
        for name in words.names where name.coreEnd - name.firstWord > 1 {
          compact.removeAll(keepingCapacity: true)
          compact.append(contentsOf: bytes[words.wordStarts[name.firstWord]..<words.wordStarts[name.coreEnd]])
          guard compact.count >= 4 else { continue }
          let key = compact.withUnsafeBytes { index.compactKeyNumber($0) }
          if key >= 0 { keys.append(key) }
        }
      }
      let hasIdentifier = identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil
      // An entity sharing no key with any row meets no row.
      guard !keys.isEmpty || (hasIdentifier && index.hasIdentifierKeys) else { continue }
      work.filtered += 1
      index.fillCandidates(keys: keys, country: country, identifiers: identifiers, scratch: &scratch)
      guard !scratch.result.isEmpty else { continue }
      // The full record only for the few candidates the gate lets through.
      gate.filter(scratch.result, reaching: config.screening, &gateQuery)
      work.pruned += scratch.result.count - gateQuery.passed.count
      work.pastGate += gateQuery.passed.count
      var prepared: (query: PreparedRecord, names: ScoreBound.Names)?
      for r in gateQuery.passed {
        if prepared == nil {
          let entity = entities[v]
          let names = PreparedRecord.names(entity.name, aliases: entity.aliases)
          let query = PreparedRecord(MatchRecord(entity: entity), names: names)
          prepared = (query, bound.prepare(query))
        }
        guard bound.mayReach(config.screening, prepared!.query, prepared!.names, index.records[r], rowNames[r]) else {
          work.pruned += 1
          continue
        }
        work.scored += 1
        let (decision, features) = scorer.score(prepared!.query, index.records[r])
        guard decision >= .possible, features.similarity >= config.screening - 1e-12 else { continue }
        found.append(Match(row: r, entity: EntityIndex(v), decision: decision, features: features))
      }
    }
    (work.visits, work.met, work.candidates) = (scratch.visits, scratch.met, scratch.candidates)
    work.bounded = prefilterScratch.bounded
    work.matches = found.count
    return (found, work)
  }
}
