import Dispatch
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

  private let rows: [RiskListEntry]
  private let index: BlockingIndex
  private let scorer: PairScorer
  private let config: MatchConfig

  /// Indexes `rows`.
  ///
  /// - Complexity: O(R × k) for R rows of k keys.
  public init(rows: [RiskListEntry], config: MatchConfig) {
    self.rows = rows
    self.config = config
    self.scorer = PairScorer(config: config)
    self.index = BlockingIndex(records: rows.map { PreparedRecord(MatchRecord(row: $0)) }, config: config)
  }

  /// Figures about the row blocks.
  public var stats: BlockingIndex.Stats { index.stats }

  /// Every fuzzy match, sorted by row then entity. Entities are screened in two concurrent halves.
  ///
  /// - Complexity: O(V × (k × maxBlock + maxCandidates × s)) for s the cost of one scoring.
  public func matches(in graph: SupplyGraph) -> [Match] {
    guard !rows.isEmpty else { return [] }
    let entityCount = graph.entityCount
    let halves = ConcurrentSlots<[Match]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      var found: [Match] = []
      let entities = graph.entities
      let filter = QuickTokenFilter(index: index)
      for v in (entityCount * half / 2)..<(entityCount * (half + 1) / 2) where !entities[v].isPlaceholder {
        guard filter.mayMatch(entities[v]) else { continue }
        let query = PreparedRecord(MatchRecord(entity: entities[v]))
        for r in index.candidates(of: query) {
          let (decision, features) = scorer.score(query, index.records[r])
          guard decision >= .possible, features.similarity >= config.screening - 1e-12 else { continue }
          found.append(Match(row: r, entity: EntityIndex(v), decision: decision, features: features))
        }
      }
      halves.set(half, found)
    }
    return (halves.take(0) + halves.take(1)).sorted { $0.row != $1.row ? $0.row < $1.row : $0.entity < $1.entity }
  }
}

/// A cheap pre-check before parsing an entity's name: whether any word of its names (ASCII
/// letters and digits, lower-cased), or the first four letters of one, or an identifier, is a
/// key of some row block. Names with non-ASCII characters always pass.
private struct QuickTokenFilter {
  let words: Set<String>
  let hasIdentifiers: Bool

  init(index: BlockingIndex) {
    var words = Set<String>()
    var hasIdentifiers = false
    for record in index.records {
      for key in BlockingKeys.nameKeys(of: record) { words.insert(String(key.dropFirst(2))) }
      hasIdentifiers = hasIdentifiers || !BlockingKeys.identifierKeys(of: record).isEmpty
    }
    self.words = words
    self.hasIdentifiers = hasIdentifiers
  }

  func mayMatch(_ entity: Entity) -> Bool {
    if hasIdentifiers, entity.identifiers.lei != nil || entity.identifiers.duns != nil || entity.identifiers.cid != nil {
      return true
    }
    if mayMatch(entity.name) { return true }
    return entity.aliases.contains { mayMatch($0) }
  }

  private func mayMatch(_ name: String) -> Bool {
    var word: [UInt8] = []
    var found = false
    var compact: [UInt8] = []
    // Runs of one-letter words are joined as the parser joins them (`S. A. M.` → `sam`).
    var run: [UInt8] = []
    func check() {
      if word.count == 1 {
        run.append(word[0])
        word.removeAll(keepingCapacity: true)
        return
      }
      if run.count > 1, words.contains(String(decoding: run, as: UTF8.self)) { found = true }
      run.removeAll(keepingCapacity: true)
      guard !word.isEmpty else { return }
      if words.contains(String(decoding: word, as: UTF8.self))
        || (word.count >= 5 && words.contains(String(decoding: word[..<4], as: UTF8.self)))
      {
        found = true
      }
      word.removeAll(keepingCapacity: true)
    }
    for byte in name.utf8 {
      if byte >= 0x80 { return true }
      switch byte {
      case 0x41...0x5A:
        word.append(byte | 0x20)
        compact.append(byte | 0x20)
      case 0x61...0x7A, 0x30...0x39:
        word.append(byte)
        compact.append(byte)
      case UInt8(ascii: "'"): continue
      default: check()
      }
      if found { return true }
    }
    check()
    if run.count > 1, words.contains(String(decoding: run, as: UTF8.self)) { found = true }
    // `n:` keys: the name without spaces (legal forms still in; the row index strips them, so
    // this only helps when the entity has none).
    return found || words.contains(String(decoding: compact, as: UTF8.self))
  }
}
