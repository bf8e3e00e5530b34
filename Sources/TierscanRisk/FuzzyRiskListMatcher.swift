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
    /// Entities screened (not placeholders) and those that passed the quick word filter.
    public var entities = 0
    public var filtered = 0
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
        entities: a.entities + b.entities, filtered: a.filtered + b.filtered, visits: a.visits + b.visits,
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
  private let filter: QuickTokenFilter
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
    self.filter = QuickTokenFilter(index: index)
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
    guard !rows.isEmpty else { return ([], Work()) }
    let pieces = ParallelWork.map(count: graph.entityCount, minimumToSplit: 2_000) { range in
      var found: [Match] = []
      var work = Work()
      var scratch = index.makeScratch()
      var gateQuery = gate.makeQuery()
      // Entities are read field by field from the columns; the whole entity only for the few
      // that reach a scored candidate.
      let entities = graph.entities
      for v in range where !entities.isPlaceholder(of: v) {
        work.entities += 1
        let name = entities.name(of: v)
        let aliases = entities.aliases(of: v)
        let identifiers = entities.identifiers(of: v)
        guard filter.mayMatch(name, aliases: aliases, identifiers: identifiers) else { continue }
        work.filtered += 1
        let names = PreparedRecord.names(name, aliases: aliases)
        let country = entities.country(of: v)
        let candidates = index.candidates(
          names: names, country: country, identifiers: identifiers, scratch: &scratch, sorted: false)
        guard !candidates.isEmpty else { continue }
        let address = MatchRecord.address(in: entities.attributes(of: v))
        gate.load(names, country: country, identifiers: identifiers, hasAddress: address != nil, into: &gateQuery)
        // The full record only for the few candidates the gate lets through.
        gate.filter(candidates, reaching: config.screening, &gateQuery)
        work.pruned += candidates.count - gateQuery.passed.count
        work.pastGate += gateQuery.passed.count
        var prepared: (query: PreparedRecord, names: ScoreBound.Names)?
        for r in gateQuery.passed {
          if prepared == nil {
            let query = PreparedRecord(MatchRecord(entity: entities[v]), names: names)
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
      work.matches = found.count
      return (found, work)
    }
    let matches = pieces.flatMap(\.0).sorted { $0.row != $1.row ? $0.row < $1.row : $0.entity < $1.entity }
    return (matches, pieces.map(\.1).reduce(Work(), +))
  }
}

/// A cheap pre-check before parsing an entity's names, exact in the sense that it never rejects
/// an entity that shares a blocking key with some row (the equivalence test checks it against
/// screening without it).
///
/// A *simple* name (ASCII, no brackets, no `&` or `+`, no one-letter word) is split into the same
/// words as ``MatchNameParser`` splits it; its tokens are those words minus legal forms. So the
/// entity can share a key with a row only if one of its words is a row's word key (`w:`), the
/// first four letters of a word of five or more are a row's prefix key (`p:`), or a word begins
/// a row's whole-name key (`n:`, the tokens joined — the entity's first kept token begins it).
/// Names that are not simple, and entities with an identifier when some row has one, always pass.
private struct QuickTokenFilter: Sendable {
  /// Row word and prefix keys without their `w:`/`p:`, by bytes.
  let words: ByteInterner
  /// Every prefix of every row whole-name key without its `n:`, by bytes.
  let compactPrefixes: ByteInterner
  let hasIdentifiers: Bool

  init(index: BlockingIndex) {
    var words = ByteInterner()
    var compactPrefixes = ByteInterner()
    var hasIdentifiers = false
    for record in index.records {
      for key in BlockingKeys.nameKeys(of: record) {
        let text = Array(key.utf8.dropFirst(2))
        text.withUnsafeBytes { text in
          if key.hasPrefix("n:") {
            for end in 1...text.count { _ = compactPrefixes.intern(UnsafeRawBufferPointer(rebasing: text[0..<end])) }
          } else {
            _ = words.intern(text)
          }
        }
      }
      hasIdentifiers = hasIdentifiers || !BlockingKeys.identifierKeys(of: record).isEmpty
    }
    self.words = words
    self.compactPrefixes = compactPrefixes
    self.hasIdentifiers = hasIdentifiers
  }

  func mayMatch(_ name: String, aliases: [String], identifiers: Identifiers) -> Bool {
    if hasIdentifiers, identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil {
      return true
    }
    if mayMatch(name) { return true }
    return aliases.prefix(PreparedRecord.maxNames - 1).contains { mayMatch($0) }
  }

  /// The words are cut into one buffer on the stack and looked up by their bytes (no string).
  private func mayMatch(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { name in
      // A word is at most as long as the name; words are written back to back, `start` at the current one.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, name.count)) { buffer in
        var length = 0
        var start = 0
        var simple = true
        var found = false
        func end() {
          guard length > start else { return }
          let word = UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[start..<length]))
          if word.count == 1 || words.index(of: word) != nil || compactPrefixes.index(of: word) != nil
            || (word.count >= 5 && words.index(of: UnsafeRawBufferPointer(rebasing: word[0..<4])) != nil)
          {
            found = true
          }
          start = length
        }
        loop: for byte in name {
          switch byte {
          case 0x41...0x5A:
            buffer[length] = byte | 0x20
            length += 1
          case 0x61...0x7A, 0x30...0x39:
            buffer[length] = byte
            length += 1
          case UInt8(ascii: "'"): continue
          case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "+"), 0x80...:
            simple = false
            break loop
          default:
            end()
            // One word is enough (a name with a special character passes anyway).
            if found { return true }
          }
        }
        if !simple { return true }
        end()
        return found
      }
    }
  }
}
