/// Tells, before any block is visited, that no indexed record can match a loaded query in the
/// screening, so that the screening skips the blocking, the top-k cut and the gate for that query
/// (docs/entity-resolution.md §4.1, seventh and eighth rounds). When it says so, no record both
/// passes ``WordGate`` and reaches the threshold in ``PairScorer``, so the screening's usual path
/// (candidates, gate, bound, score) would match nothing either: the matches are the same. When it
/// cannot tell, the caller takes the usual path.
///
/// How: the scorer's token set pairs each word of one name with at most one word of the other (a
/// matching), a pair scoring 1 when equal, its Jaro-Winkler when both have four bytes or more,
/// the same first byte and Jaro-Winkler ≥ 0.9 (``WordPartners`` finds exactly those *partners*),
/// else 0, weighted at most `min(w_i, w_j)`. So its paired weight `P` is at most the weight of the
/// query name's words that have a partner in the record name, and at most the weight of the
/// record name's words that have a partner in the query name. The similarity of a pair of names
/// (query `x` of weight `X`, record `y` of weight `Y`) is at most `0.65 × min(1, (P / min(X, Y) +
/// 2P / (X + Y)) / 2) + 0.35` (× 0.95 with qualifiers, − 0.2 for a number conflict, + 0.05 when
/// both have an address), which must reach `needed`; so the token set's bound must reach
/// `t = (needed − 0.35) / 0.65` at least (`t₀` without the address, the least):
/// - when `Y ≥ X` the bound is at most `P / X`, so `y` pairs query words of weight `t₀ X` at
///   least. The query's words are taken rarest first (fewest records holding a partner): `y`
///   pairs the first, or else the second, …, or else, missing the first `e` (weight `M`), it
///   pairs every word whose loss would leave less than `t₀ X` (`X − M − w_i < t₀ X`, the
///   *required* words; records holding partners of all of them, intersected), or no such `y`
///   exists when `X − M < t₀ X`; after ``branches`` words, one of the others rarest first until
///   the rest weighs less than `t₀ X`;
/// - when `Y < X` the bound is at most `P / Y`, with `P` at most the weight of `y`'s words that
///   have a partner in `x`, so `y` pairs one of its own words taken rarest first until the rest
///   weighs less than `t₀ Y` (its *prefix*, fixed when the records are indexed): the records
///   whose prefix holds a partner of some query word are candidates.
/// Every candidate is then bounded with `P` at most both sums above (per pair of names, with the
/// number penalty when the query name has a number word no record has and `y` has one), and
/// those left go through the gate itself: the query is cleared when the gate passes none. A
/// record that can match is a candidate, is not refused by the bound, and passes the gate (it
/// would pass it on the usual path too), so a cleared query has no match. Records with a
/// non-ASCII word or a word longer than ``WordPartners/maxLength`` always go to the gate;
/// queries with qualifiers, a non-ASCII or very long word, more than 64 words, or an identifier
/// some record has are not judged. Margins of 1e-6 cover the order of additions.
///
/// *Settled names* (tenth round; ``numbersSettle``): when the query has no address and `needed +
/// 0.2 ≥ 1 − 2e-6` (so at the defaults), a query name `x` with a number word no record has matches
/// no record name `y` with a number word and all words ASCII (the other records always go to the
/// gate). Their number sets differ (no record has that word), so the scorer takes 0.2 off; and the
/// name score is below `1 − 4e-6`: that word `u` weighs 1 (generic words are in the vocabulary) and
/// equals no word of `y`, so it pairs at 0 (fewer than four bytes) or at a Jaro-Winkler of at most
/// `1 − 0.2 / L`, `L ≤ 2 × 63` (two different words; 0.9 needs the shorter at least half the
/// longer); so the paired weight is `M ≤ X − ε`, `ε = 0.2 / 126`, and `M ≤ Y`. If `X ≤ Y`,
/// containment and Dice are at most `M / X ≤ 1 − ε / X`; if `Y < X`, containment is at most 1 and
/// Dice `2M / (X + Y) ≤ 2(X − ε) / (2X − ε) ≤ 1 − ε / (2X)` (for `Y ≤ X − ε` and above it alike); so
/// the token set (with `y`'s qualifiers too) is at most `1 − ε / (4X) ≤ 1 − 6.2e-6` (`X ≤ 64`),
/// the name at most `0.65 (1 − 6.2e-6) + 0.35 < 1 − 4e-6`, and the similarity (no address, no
/// identifier a record has) below `0.8 − 4e-6 < needed`. So for a settled name only names without
/// a number word count, and they are found as before: the settled name's unknown words' partners
/// are looked up among those names' words only (a smaller ``WordPartners``, empty when every record
/// name has a number, as at 100k), its heavier candidates are the records holding a partner in such
/// a name, the lighter records' entries of names with a number word are skipped when every query
/// name is settled, and the bound skips such pairs. A name without a number word has all its words
/// in that index and its record in those lists, so nothing it needs is lost.
public struct ScreeningPrefilter: Sendable {
  /// Working memory of one worker.
  public struct Scratch: Sendable {
    fileprivate var stamp: [UInt64] = []
    fileprivate var stampGeneration: [UInt32] = []
    fileprivate var rowGeneration: [UInt32] = []
    fileprivate var generation: UInt32 = 0
    fileprivate var touched: [Int32] = []
    fileprivate var wordIndex: [Int] = []
    /// Per query word, whether its name is *settled*: it has a number word no record has, so only
    /// records' names without a number word can match it (``numbersSettle``, no query address).
    fileprivate var settled: [Bool] = []
    fileprivate var partnerScratch = WordPartners.Scratch()
    /// The partners of one unknown query word (``WordPartners/appendPartners(of:_:to:)``).
    fileprivate var found: [Int32] = []
    fileprivate var partners: [Int32] = []
    fileprivate var partnerStarts: [Int] = []
    fileprivate var postings: [Int] = []
    fileprivate var candidates: [Int] = []
    fileprivate var order: [Int] = []
    fileprivate var kept: [Int] = []
    fileprivate var required: [Int] = []
    fileprivate var section: [Int] = []
    /// Per record, the mark of the last required word whose partners it holds.
    fileprivate var marks: [UInt64] = []
    fileprivate var mark: UInt64 = 0
    /// Queries judged (all others took the usual path) and queries found to meet no record.
    public fileprivate(set) var judged = 0
    public fileprivate(set) var skipped = 0
    /// Candidate records bounded so far (each once per query).
    public fileprivate(set) var bounded = 0
  }

  private let enabled: Bool
  private let least: Double
  private let needed: Double
  private let tRow: Double
  /// Whether a number conflict alone keeps a pair of names from matching when the query has no
  /// address (see the type's notes): then a query name with a number word no record has can only
  /// match a record's name without a number word.
  private let numbersSettle: Bool
  private let vocabularyCount: Int
  private let recordCount: Int
  /// The index's arrays, read through pointers into ``storage`` (a query touches no reference
  /// count: two workers retaining one shared array per call took turns on its cache line).
  private let tables: Tables
  /// Owns the memory ``tables`` points into.
  private let storage: FrozenStorage
  /// The typo index of every vocabulary word (see ``WordPartners``).
  private let partners: WordPartners
  /// ``partners`` over the words of the number-free record names only (see ``numbersSettle``).
  private let numberFreePartners: WordPartners
  /// Rarest words branched on before the heavier records' look-up falls back to the prefix rule.
  private static let branches = 3
  /// Candidate records above which a query is not judged (it takes the usual path, whose top-k
  /// cut bounds its work): bounding every candidate of a name thousands of records share (the
  /// hostile corpus's 5,000 colliding names) would cost candidates × queries.
  public static let candidateLimit = 1_024

  /// One entry of the lighter records' look-up: a record whose name's prefix holds the word the
  /// entry is listed under, with the weight of that name (its core or all its words) and the
  /// name's rarest four words (`-1` for none) with their weights and the weight of the others,
  /// side by side so that reading an entry touches one place.
  private struct LighterEntry: Sendable {
    var weight: Double
    var rest: Double
    var row: Int32
    var ids: (Int32, Int32, Int32, Int32)
    var weights: (Double, Double, Double, Double)
  }

  /// Entries `start ..< end` of one word's lighter records that also need `required` paired (-1: none).
  private struct LighterGroup: Sendable {
    var required: Int32
    /// The entries' names have a number word (all of them, or none).
    var hasNumber: Bool
    var start: Int32
    var end: Int32
    /// The first (lightest) entry's weight: a query no heavier reads none of the group's entries.
    var lightest: Double
  }

  /// The prefilter's immutable arrays, as pointers into ``storage`` (frozen once built).
  private struct Tables: @unchecked Sendable {
    // Unchecked: the pointers are to memory ``FrozenStorage`` owns and never changes.
    /// The partners of each vocabulary word (itself first): `vocabularyPartners[vocabularyPartnerStarts[id] ..< …[id + 1]]`.
    let vocabularyPartnerStarts: UnsafeBufferPointer<Int32>
    let vocabularyPartners: UnsafeBufferPointer<Int32>
    /// The same lists without the words that only names with a number word hold (for settled names).
    let numberFreeVocabularyPartnerStarts: UnsafeBufferPointer<Int32>
    let numberFreeVocabularyPartners: UnsafeBufferPointer<Int32>
    /// Records holding each vocabulary word: `rowsOfWord[rowStarts[id] ..< rowStarts[id + 1]]`.
    let rowStarts: UnsafeBufferPointer<Int32>
    let rowsOfWord: UnsafeBufferPointer<Int32>
    /// Records holding each vocabulary word in a name without a number word:
    /// `numberFreeRowsOfWord[numberFreeRowStarts[id] ..< numberFreeRowStarts[id + 1]]`.
    let numberFreeRowStarts: UnsafeBufferPointer<Int32>
    let numberFreeRowsOfWord: UnsafeBufferPointer<Int32>
    /// Records whose names' prefixes hold each vocabulary word (see the type's notes), in groups
    /// `groups[groupStarts[id] ..< groupStarts[id + 1]]` by the word they also need (-1 first),
    /// each group's entries `lighter[start ..< end]` lightest name first.
    let groupStarts: UnsafeBufferPointer<Int32>
    let groups: UnsafeBufferPointer<LighterGroup>
    let lighter: UnsafeBufferPointer<LighterEntry>
    /// Per vocabulary word, the lightest entry listed under it (+infinity for none): a query no
    /// heavier reads none of its groups.
    let lightestOfWord: UnsafeBufferPointer<Double>
    /// Records that always go to the gate.
    let always: UnsafeBufferPointer<Int>
  }

  /// Indexes the records of `gate` for queries that must reach `least` (as ``WordGate/filter(_:reaching:_:)``).
  ///
  /// - Complexity: O(total words × subsets) for the typo index.
  public init(gate: WordGate, reaching least: Double, config: MatchConfig) {
    self.init(gate: gate, reaching: least, config: config, grouped: true)
  }

  /// ``init(gate:reaching:config:)``, with the lighter records' entries in one group per word
  /// when `grouped` is false (tests compare the two: the same records must be bounded).
  init(gate: WordGate, reaching least: Double, config: MatchConfig, grouped: Bool) {
    self.least = least
    needed = max(least, min(config.possible, config.same)) - 1e-12 - 1e-9 - 1e-9
    let tRow = (needed - 0.05 - 0.35) / 0.65 - 1e-6
    enabled = tRow > 0.01
    let rows = gate.rows
    vocabularyCount = gate.vocabularyCount
    recordCount = rows.records.count
    // Records per word (each record once per word).
    var counts = [Int32](repeating: 0, count: vocabularyCount + 1)
    var lastRow = [Int32](repeating: -1, count: vocabularyCount)
    var always: [Int] = []
    for (r, record) in rows.records.enumerated() {
      var sendToGate = !record.asciiOnly
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let name = rows.names[n]
        for w in Int(name.wordStart)..<Int(name.fullEnd) {
          let word = rows.words[w]
          if word.length > WordPartners.maxLength { sendToGate = true }
          guard word.id >= 0 else { sendToGate = true; continue }
          let id = Int(word.id)
          if lastRow[id] != Int32(r) {
            lastRow[id] = Int32(r)
            counts[id] += 1
          }
        }
      }
      if sendToGate { always.append(r) }
    }
    let index = WordPartners(words: (0..<vocabularyCount).map { id in (Int32(id), gate.withWord(id) { Array($0) }) })
    // The words of the names without a number word, and the records holding each in such a name.
    var freeCounts = [Int32](repeating: 0, count: vocabularyCount + 1)
    var freeMembers: [[Int32]] = Array(repeating: [], count: vocabularyCount)
    for (r, record) in rows.records.enumerated() {
      for n in Int(record.nameStart)..<Int(record.nameEnd) where rows.names[n].numberEnd == rows.names[n].numberStart {
        let name = rows.names[n]
        for w in Int(name.wordStart)..<Int(name.fullEnd) where rows.words[w].id >= 0 {
          let id = Int(rows.words[w].id)
          if freeMembers[id].last != Int32(r) {
            freeMembers[id].append(Int32(r))
            freeCounts[id] += 1
          }
        }
      }
    }
    let freeIndex = WordPartners(
      words: (0..<vocabularyCount).filter { !freeMembers[$0].isEmpty }.map { id in
        (Int32(id), gate.withWord(id) { Array($0) })
      })
    var freeStarts = [Int32](repeating: 0, count: vocabularyCount + 1)
    for id in 0..<vocabularyCount { freeStarts[id + 1] = freeStarts[id] + freeCounts[id] }
    let freeRows = freeMembers.flatMap { $0 }
    // Every vocabulary word's partners, found once (a query's words are mostly in the vocabulary).
    var partnerStarts: [Int32] = [0]
    var partners: [Int32] = []
    var partnerScratch = WordPartners.Scratch()
    for id in 0..<vocabularyCount {
      partners.append(Int32(id))
      gate.withWord(id) { bytes in index.forEachPartner(of: bytes, &partnerScratch) { v, _ in partners.append(v) } }
      partnerStarts.append(Int32(partners.count))
    }
    var freePartnerStarts: [Int32] = [0]
    var freePartners: [Int32] = []
    for id in 0..<vocabularyCount {
      for p in Int(partnerStarts[id])..<Int(partnerStarts[id + 1]) where !freeMembers[Int(partners[p])].isEmpty {
        freePartners.append(partners[p])
      }
      freePartnerStarts.append(Int32(freePartners.count))
    }
    var starts = [Int32](repeating: 0, count: vocabularyCount + 1)
    for id in 0..<vocabularyCount { starts[id + 1] = starts[id] + counts[id] }
    var fill = Array(starts.dropLast())
    var members = [Int32](repeating: 0, count: Int(starts[vocabularyCount]))
    lastRow = [Int32](repeating: -1, count: vocabularyCount)
    for (r, record) in rows.records.enumerated() {
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let name = rows.names[n]
        for w in Int(name.wordStart)..<Int(name.fullEnd) where rows.words[w].id >= 0 {
          let id = Int(rows.words[w].id)
          guard lastRow[id] != Int32(r) else { continue }
          lastRow[id] = Int32(r)
          members[Int(fill[id])] = Int32(r)
          fill[id] += 1
        }
      }
    }
    // Each name's prefixes (core words; all words when it has qualifiers), rarest words first.
    var prefixPairs: [(id: Int32, weight: Double, row: Int32, words: Int, hasNumber: Bool)] = []
    var entryIDs: [Int32] = []
    var entryWeights: [Double] = []
    var entryRests: [Double] = []
    var positions: [Int] = []
    for (r, record) in rows.records.enumerated() {
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let name = rows.names[n]
        var lists = [(Int(name.wordStart), Int(name.coreEnd), name.coreWeight)]
        if name.fullEnd > name.coreEnd { lists.append((Int(name.wordStart), Int(name.fullEnd), name.fullWeight)) }
        for (start, end, weight) in lists where end > start {
          positions = Array(start..<end)
          positions.sort { a, b in
            let (x, y) = (rows.words[a].id, rows.words[b].id)
            let (cx, cy) = (x >= 0 ? counts[Int(x)] : 0, y >= 0 ? counts[Int(y)] : 0)
            return cx != cy ? cx < cy : x < y
          }
          // The list's words (its rarest four, and the weight of the others): a lighter name
          // pairs at most the weight of its words that some query word pairs with.
          let words = entryRests.count
          var others = 0.0
          for (k, p) in positions.enumerated() {
            if k < 4 {
              entryIDs.append(rows.words[p].id)
              entryWeights.append(rows.words[p].weight)
            } else {
              others += rows.words[p].weight
            }
          }
          for _ in positions.count..<max(4, positions.count) {
            entryIDs.append(-1)
            entryWeights.append(0)
          }
          entryRests.append(others)
          var rest = weight
          for p in positions {
            if rest < tRow * weight { break }
            if rows.words[p].id >= 0 {
              prefixPairs.append((rows.words[p].id, weight, Int32(r), words, name.numberEnd > name.numberStart))
            }
            rest -= rows.words[p].weight
          }
        }
      }
    }
    // An entry listed under a word `v` other than its name's rarest word `p` (`listIDs[4l]`) is
    // also listed under `p`, with the same check; so under `v` it only matters when `p` is not
    // paired. Then, when the weight of the list without `p` and without one of its other words
    // `r` is below `tRow Y` (sums in the query's order: a sum of fewer non-negative terms is not
    // larger), the entry needs `r` paired: it is filed under `v` in the group of `r`, which a
    // query reads only when it pairs `r`.
    func required(_ v: Int32, _ l: Int, _ weight: Double) -> Int32 {
      guard grouped else { return -1 }
      return Self.requiredWord(
        under: v, ids: entryIDs[4 * l..<4 * l + 4], weights: entryWeights[4 * l..<4 * l + 4], rest: entryRests[l],
        weight: weight, tRow: tRow)
    }
    typealias Keyed = (pair: (id: Int32, weight: Double, row: Int32, words: Int, hasNumber: Bool), required: Int32)
    func precedes(_ x: Keyed, _ y: Keyed) -> Bool {
      if x.pair.id != y.pair.id { return x.pair.id < y.pair.id }
      if x.pair.hasNumber != y.pair.hasNumber { return !x.pair.hasNumber }
      if x.required != y.required { return x.required < y.required }
      if x.pair.weight != y.pair.weight { return x.pair.weight < y.pair.weight }
      return x.pair.row < y.pair.row
    }
    let keyed: [Keyed] = prefixPairs.map { ($0, required($0.id, $0.words, $0.weight)) }.sorted(by: precedes)
    var gStarts = [Int32](repeating: 0, count: vocabularyCount + 1)
    var groups: [LighterGroup] = []
    var lighter: [LighterEntry] = []
    lighter.reserveCapacity(keyed.count)
    var lightestOfWord = [Double](repeating: .infinity, count: vocabularyCount)
    for (n, (pair, required)) in keyed.enumerated() {
      let l = pair.words
      if n == 0 || keyed[n - 1].pair.id != pair.id || keyed[n - 1].pair.hasNumber != pair.hasNumber
        || keyed[n - 1].required != required
      {
        groups.append(
          LighterGroup(
            required: required, hasNumber: pair.hasNumber, start: Int32(n), end: Int32(n), lightest: pair.weight))
        lightestOfWord[Int(pair.id)] = min(lightestOfWord[Int(pair.id)], pair.weight)
        gStarts[Int(pair.id) + 1] += 1
      }
      groups[groups.count - 1].end += 1
      lighter.append(
        LighterEntry(
          weight: pair.weight, rest: entryRests[l], row: pair.row,
          ids: (entryIDs[4 * l], entryIDs[4 * l + 1], entryIDs[4 * l + 2], entryIDs[4 * l + 3]),
          weights: (entryWeights[4 * l], entryWeights[4 * l + 1], entryWeights[4 * l + 2], entryWeights[4 * l + 3])))
    }
    for id in 0..<vocabularyCount { gStarts[id + 1] += gStarts[id] }
    let storage = FrozenStorage()
    tables = Tables(
      vocabularyPartnerStarts: storage.freeze(partnerStarts), vocabularyPartners: storage.freeze(partners),
      numberFreeVocabularyPartnerStarts: storage.freeze(freePartnerStarts),
      numberFreeVocabularyPartners: storage.freeze(freePartners), rowStarts: storage.freeze(starts),
      rowsOfWord: storage.freeze(members), numberFreeRowStarts: storage.freeze(freeStarts),
      numberFreeRowsOfWord: storage.freeze(freeRows), groupStarts: storage.freeze(gStarts),
      groups: storage.freeze(groups), lighter: storage.freeze(lighter), lightestOfWord: storage.freeze(lightestOfWord),
      always: storage.freeze(always))
    self.storage = storage
    self.partners = index
    self.numberFreePartners = freeIndex
    self.tRow = tRow
    numbersSettle = needed + 0.2 >= 1 - 2e-6
  }

  /// Working memory for queries (one per worker).
  public func makeScratch() -> Scratch {
    var scratch = Scratch()
    scratch.stamp = [UInt64](repeating: 0, count: vocabularyCount)
    scratch.stampGeneration = [UInt32](repeating: 0, count: vocabularyCount)
    scratch.rowGeneration = [UInt32](repeating: 0, count: recordCount)
    scratch.marks = [UInt64](repeating: 0, count: recordCount)
    return scratch
  }

  /// Whether no record of `gate` (the one given to ``init(gate:reaching:config:)``) can both pass
  /// it and reach the threshold in ``PairScorer`` against the query loaded in `query` (the records
  /// that could reach the threshold are found through ``WordPartners``, and the gate is run on
  /// those alone); `false` also when the query is not judged. Uses `query`'s working memory (its
  /// ``WordGate/Query/passed`` is overwritten).
  ///
  /// - Complexity: O(query words × partner look-ups + candidates × their words).
  public func noneMayPass(
    _ gate: WordGate, _ query: inout WordGate.Query, words nameWords: NameWords, _ scratch: inout Scratch
  ) -> Bool {
    guard mayJudge(query) else { return false }
    // The ``NameWords`` word of each query word (``WordGate/load(_:ids:country:identifiers:hasAddress:into:)``'s order).
    scratch.wordIndex.removeAll(keepingCapacity: true)
    for name in nameWords.names { scratch.wordIndex.append(contentsOf: name.firstWord..<name.end) }
    guard scratch.wordIndex.count == query.columns.words.count else { return false }
    return judge(gate, &query, nameWords, &scratch)
  }

  /// ``noneMayPass(_:_:words:_:)`` of a query loaded from `other`'s indexed record by
  /// ``WordGate/load(indexed:of:translation:into:sourceWords:)``,
  /// whose words' ids in `other`'s vocabulary are `sourceWords`: the same answer, the words'
  /// bytes read in `other`'s vocabulary.
  public func noneMayPass(
    _ gate: WordGate, _ query: inout WordGate.Query, sourceWords: [Int32], of other: WordGate, _ scratch: inout Scratch
  ) -> Bool {
    guard mayJudge(query) else { return false }
    scratch.wordIndex.removeAll(keepingCapacity: true)
    for id in sourceWords { scratch.wordIndex.append(Int(id)) }
    guard scratch.wordIndex.count == query.columns.words.count else { return false }
    return other.withVocabularyWords { judge(gate, &query, $0, &scratch) }
  }

  /// Whether the loaded query is one this prefilter judges (see the type's notes).
  private func mayJudge(_ query: WordGate.Query) -> Bool {
    guard enabled, query.columns.records.count == 1 else { return false }
    let q = query.columns.records[0]
    guard q.lei < 0, q.duns < 0, q.cid < 0, !query.columns.names.isEmpty, query.columns.words.count <= 64 else {
      return false
    }
    for x in query.columns.names where x.fullEnd != x.coreEnd { return false }
    for u in query.columns.words where !u.isASCII || u.length > WordPartners.maxLength { return false }
    return true
  }

  /// ``noneMayPass(_:_:words:_:)`` once the query is judged, query word `i` being word
  /// `scratch.wordIndex[i]` of `nameWords`.
  private func judge<Words: QueryWordBytes>(
    _ gate: WordGate, _ query: inout WordGate.Query, _ nameWords: Words, _ scratch: inout Scratch
  ) -> Bool {
    let q = query.columns.records[0]
    let tables = self.tables
    let rowStarts = tables.rowStarts
    let rowsOfWord = tables.rowsOfWord
    scratch.judged += 1
    if scratch.generation == UInt32.max {
      for i in scratch.stampGeneration.indices { scratch.stampGeneration[i] = 0 }
      for i in scratch.rowGeneration.indices { scratch.rowGeneration[i] = 0 }
      scratch.generation = 0
    }
    scratch.generation += 1
    let generation = scratch.generation
    let wantedLeast = needed - (q.hasAddress ? 0.05 : 0)
    let tQuery = (wantedLeast - 0.35) / 0.65 - 1e-6
    let names = query.columns.names
    let words = query.columns.words
    let numbers = query.columns.numbers
    // Settled names (see ``numbersSettle``): their unknown words' partners are looked up among the
    // words of number-free names only, and their candidates are records holding those in such a name.
    let settles = numbersSettle && !q.hasAddress
    var allSettled = settles
    scratch.settled.removeAll(keepingCapacity: true)
    for x in names {
      let settled = settles && x.numberEnd > x.numberStart && numbers[Int(x.numberStart)] < 0
      if !settled { allSettled = false }
      for _ in Int(x.wordStart)..<Int(x.fullEnd) { scratch.settled.append(settled) }
    }
    // The vocabulary words each query word pairs with, marked with the query words' bits.
    scratch.touched.removeAll(keepingCapacity: true)
    scratch.partners.removeAll(keepingCapacity: true)
    scratch.partnerStarts.removeAll(keepingCapacity: true)
    scratch.postings.removeAll(keepingCapacity: true)
    for x in names {
      for i in Int(x.wordStart)..<Int(x.coreEnd) {
        let u = words[i]
        let bit = UInt64(1) << UInt64(i)
        let starts = scratch.settled[i] ? tables.numberFreeRowStarts : rowStarts
        scratch.partnerStarts.append(scratch.partners.count)
        var postings = 0
        func add(_ v: Int32) {
          let id = Int(v)
          if scratch.stampGeneration[id] != generation {
            scratch.stampGeneration[id] = generation
            scratch.stamp[id] = 0
            scratch.touched.append(v)
          }
          let marks = scratch.stamp[id]
          if marks & bit != 0 { return }
          scratch.stamp[id] = marks | bit
          scratch.partners.append(v)
          postings += Int(starts[id + 1] - starts[id])
        }
        if u.id >= 0 {
          let (partnerStarts, partners) =
            scratch.settled[i]
            ? (tables.numberFreeVocabularyPartnerStarts, tables.numberFreeVocabularyPartners)
            : (tables.vocabularyPartnerStarts, tables.vocabularyPartners)
          for p in Int(partnerStarts[Int(u.id)])..<Int(partnerStarts[Int(u.id) + 1]) { add(partners[p]) }
        } else if u.length >= 4,
          let j = Self.sameUnknownWord(before: i, words, scratch.wordIndex, scratch.settled, nameWords)
        {
          // The same unknown word earlier in the query (an alias repeating the name's code):
          // its partners again, not looked up again.
          for p in scratch.partnerStarts[j]..<scratch.partnerStarts[j + 1] { add(scratch.partners[p]) }
        } else if u.length >= 4 {
          // The partners gathered first, then marked (in the order found). Each index called where
          // it is stored: `settled ? a : b` copied the chosen index (two dozen arrays retained and
          // released per unknown word).
          scratch.found.removeAll(keepingCapacity: true)
          if scratch.settled[i] {
            nameWords.word(scratch.wordIndex[i]) { bytes in
              numberFreePartners.appendPartners(of: bytes, &scratch.partnerScratch, to: &scratch.found)
            }
          } else {
            nameWords.word(scratch.wordIndex[i]) { bytes in
              partners.appendPartners(of: bytes, &scratch.partnerScratch, to: &scratch.found)
            }
          }
          for f in 0..<scratch.found.count { add(scratch.found[f]) }
        }
        scratch.postings.append(postings)
      }
    }
    scratch.partnerStarts.append(scratch.partners.count)
    // Candidates: records that may reach as the heavier name (`Y ≥ X`) ...
    scratch.candidates.removeAll(keepingCapacity: true)
    // (`rowStarts`, `rowsOfWord`: the records holding each word, in number-free names for a settled name.)
    func addRecords(
      ofPartnersOf i: Int, _ rowStarts: UnsafeBufferPointer<Int32>, _ rowsOfWord: UnsafeBufferPointer<Int32>,
      _ scratch: inout Scratch
    ) {
      for p in scratch.partnerStarts[i]..<scratch.partnerStarts[i + 1] {
        let id = Int(scratch.partners[p])
        for m in Int(rowStarts[id])..<Int(rowStarts[id + 1]) {
          let r = Int(rowsOfWord[m])
          if scratch.rowGeneration[r] != generation {
            scratch.rowGeneration[r] = generation
            scratch.candidates.append(r)
          }
        }
      }
    }
    // The records holding partners of every word of `scratch.required` (rarest first): those of
    // the rarest, kept when they hold partners of the others too (a superset: a common word's
    // partners are not intersected).
    func addRecordsOfAll(
      _ rowStarts: UnsafeBufferPointer<Int32>, _ rowsOfWord: UnsafeBufferPointer<Int32>, _ scratch: inout Scratch
    ) {
      let postings = scratch.postings
      Self.sortByPostings(&scratch.required, postings)
      scratch.section.removeAll(keepingCapacity: true)
      let rarest = scratch.required[0]
      scratch.mark += 1
      for p in scratch.partnerStarts[rarest]..<scratch.partnerStarts[rarest + 1] {
        let id = Int(scratch.partners[p])
        for m in Int(rowStarts[id])..<Int(rowStarts[id + 1]) {
          let r = Int(rowsOfWord[m])
          if scratch.marks[r] != scratch.mark {
            scratch.marks[r] = scratch.mark
            scratch.section.append(r)
          }
        }
      }
      for k in scratch.required.dropFirst() where !scratch.section.isEmpty && postings[k] <= 4 * scratch.section.count + 64 {
        scratch.mark += 1
        for p in scratch.partnerStarts[k]..<scratch.partnerStarts[k + 1] {
          let id = Int(scratch.partners[p])
          for m in Int(rowStarts[id])..<Int(rowStarts[id + 1]) { scratch.marks[Int(rowsOfWord[m])] = scratch.mark }
        }
        let mark = scratch.mark
        var section: [Int] = []
        swap(&section, &scratch.section)
        scratch.marks.withUnsafeBufferPointer { marks in section.removeAll { marks[$0] != mark } }
        swap(&section, &scratch.section)
      }
      for r in scratch.section where scratch.rowGeneration[r] != generation {
        scratch.rowGeneration[r] = generation
        scratch.candidates.append(r)
      }
    }
    for x in names where x.coreEnd > x.wordStart {
      let (start, end) = (Int(x.wordStart), Int(x.coreEnd))
      let weight = x.coreWeight
      let postings = scratch.postings
      let (starts, members) =
        scratch.settled[start] ? (tables.numberFreeRowStarts, tables.numberFreeRowsOfWord) : (rowStarts, rowsOfWord)
      var order = scratch.order
      scratch.order = []
      order.removeAll(keepingCapacity: true)
      order.append(contentsOf: start..<end)
      Self.sortByPostings(&order, postings)
      // A heavier record pairs query words of weight `tX` at least. Branch on the rarest words:
      // the records pairing `order[0]`; else those pairing `order[1]`; ...; else, missing
      // `order[0 ..< e]` (weight `missed`), the record must pair every word whose loss would
      // leave less than `tX` (the *required* words), or nothing when `X − missed < tX`.
      var missed = 0.0
      var e = 0
      var done = false
      while true {
        scratch.required.removeAll(keepingCapacity: true)
        for i in order[e...] where weight - missed - words[i].weight < tQuery * weight { scratch.required.append(i) }
        if !scratch.required.isEmpty {
          addRecordsOfAll(starts, members, &scratch)
          done = true
          break
        }
        if e == order.count || e == Self.branches { break }
        addRecords(ofPartnersOf: order[e], starts, members, &scratch)
        missed += words[order[e]].weight
        e += 1
        if weight - missed < tQuery * weight {
          done = true
          break
        }
      }
      if !done {
        // Missing `order[0 ..< e]`: one of the others, rarest first, until the rest weighs less than `tX`.
        var rest = weight - missed
        for i in order[e...] {
          if rest < tQuery * weight { break }
          addRecords(ofPartnersOf: i, starts, members, &scratch)
          rest -= words[i].weight
        }
      }
      scratch.order = order
    }
    // ... or as the lighter (`Y < X`), through their prefixes.
    var heaviest = 0.0
    for x in names { heaviest = max(heaviest, x.coreWeight) }
    let groupStarts = tables.groupStarts
    let groups = tables.groups
    let lighter = tables.lighter
    do {
      scratch.stampGeneration.withUnsafeBufferPointer { stamped in
        scratch.rowGeneration.withUnsafeMutableBufferPointer { rowGeneration in
          @inline(__always) func pairs(_ id: Int32) -> Bool { id >= 0 && stamped[Int(id)] == generation }
          // The entries of group `g` that may reach as the lighter name.
          @inline(__always) func visit(_ g: Int) {
            let group = groups[g]
            // (The loop below would stop at the first entry.)
            if group.lightest >= heaviest { return }
            for m in Int(group.start)..<Int(group.end) {
                let entry = lighter[m]
                if entry.weight >= heaviest { break }
                // The weight its words that some query word pairs with can give, at most.
                var pairable = entry.rest
                if pairs(entry.ids.0) { pairable += entry.weights.0 }
                if pairs(entry.ids.1) { pairable += entry.weights.1 }
                if pairs(entry.ids.2) { pairable += entry.weights.2 }
                if pairs(entry.ids.3) { pairable += entry.weights.3 }
                if pairable < tRow * entry.weight { continue }
                let r = Int(entry.row)
                if rowGeneration[r] != generation {
                  rowGeneration[r] = generation
                  scratch.candidates.append(r)
                }
              }
          }
          // Each touched word's groups that need no word, or a word the query pairs (`touched`
          // holds exactly those): read in turn when the word has few groups, else found by
          // halving (a common word's entries come in a group per other word they need; a query
          // touches a handful). A name with a number word matches no settled query name. The
          // candidates are the same either way (their order matters not: only their number and
          // whether one passes).
          let touchedCount = scratch.touched.count
          let lightestOfWord = tables.lightestOfWord
          for v in scratch.touched {
            let id = Int(v)
            // Every entry under the word is at least as heavy as the query: none is read.
            if lightestOfWord[id] >= heaviest { continue }
            let (first, end) = (Int(groupStarts[id]), Int(groupStarts[id + 1]))
            // Halving reads scattered groups, twice (names with and without a number word) per
            // touched word and about log₂ of the groups each: worth it only for many groups.
            let count = end - first
            let searches = (allSettled ? 1 : 2) * (touchedCount + 1) * (Int.bitWidth - count.leadingZeroBitCount)
            if 2 * searches >= count {
              for g in first..<end {
                let group = groups[g]
                if group.required >= 0 && !pairs(group.required) { continue }
                if group.hasNumber && allSettled { continue }
                visit(g)
              }
            } else {
              for side in 0..<(allSettled ? 1 : 2) {
                let hasNumber = side == 1
                if let g = Self.group(hasNumber, -1, in: groups, first, end) { visit(g) }
                for required in scratch.touched {
                  if let g = Self.group(hasNumber, required, in: groups, first, end) { visit(g) }
                }
              }
            }
          }
        }
      }
    }
    // Too many candidates: not judged (exact: the usual path decides, as for any query not judged).
    if scratch.candidates.count > Self.candidateLimit {
      scratch.judged -= 1
      return false
    }
    // Each candidate bounded with both sums; records that always go to the gate, unbounded.
    var kept: [Int] = []
    swap(&kept, &scratch.kept)
    defer { swap(&kept, &scratch.kept) }
    kept.removeAll(keepingCapacity: true)
    scratch.bounded += scratch.candidates.count
    let rows = gate.rows
    rows.records.withUnsafeBufferPointer { records in
      rows.names.withUnsafeBufferPointer { rowNames in
        rows.words.withUnsafeBufferPointer { rowWords in
          scratch.stamp.withUnsafeBufferPointer { stamp in
            scratch.stampGeneration.withUnsafeBufferPointer { stamped in
              for r in scratch.candidates
              where Self.mayPass(
                records[r], rowNames, rowWords, q, names, words, numbers, wantedLeast, settles, stamp, stamped,
                generation)
              {
                kept.append(r)
              }
            }
          }
        }
      }
    }
    if !tables.always.isEmpty {
      scratch.mark += 1
      let mark = scratch.mark
      for r in kept { scratch.marks[r] = mark }
      for r in tables.always where scratch.marks[r] != mark { kept.append(r) }
    }
    guard !kept.isEmpty else {
      scratch.skipped += 1
      return true
    }
    gate.filter(kept, reaching: least, &query)
    if query.passed.isEmpty {
      scratch.skipped += 1
      return true
    }
    return false
  }

  /// The group of `groups[first ..< end]` (one word's, ordered by whether their names have a
  /// number word, then by the word they need) with these two, if any.
  @inline(__always)
  private static func group(
    _ hasNumber: Bool, _ required: Int32, in groups: UnsafeBufferPointer<LighterGroup>, _ first: Int, _ end: Int
  ) -> Int? {
    var (low, high) = (first, end)
    while low < high {
      let mid = (low + high) / 2
      let g = groups[mid]
      if g.hasNumber != hasNumber ? !g.hasNumber : g.required < required { low = mid + 1 } else { high = mid }
    }
    guard low < end, groups[low].hasNumber == hasNumber, groups[low].required == required else { return nil }
    return low
  }

  /// Sorts query word positions by their postings, then by position (a few words: insertion, in
  /// place; the standard sort's setup cost more than the sorting).
  @inline(__always)
  private static func sortByPostings(_ positions: inout [Int], _ postings: [Int]) {
    positions.withUnsafeMutableBufferPointer { positions in
      postings.withUnsafeBufferPointer { postings in
        for i in positions.indices.dropFirst() {
          let x = positions[i]
          var j = i
          while j > 0 {
            let y = positions[j - 1]
            guard postings[y] > postings[x] || (postings[y] == postings[x] && y > x) else { break }
            positions[j] = y
            j -= 1
          }
          positions[j] = x
        }
      }
    }
  }

  /// The word (-1 for none) an entry listed under `v` needs paired when its name's rarest word
  /// `ids[0]` is not (see ``init(gate:reaching:config:grouped:)``): one of `ids[1...]`, other
  /// than `v`, without which and without `ids[0]` the weight left (`rest` and the other weights,
  /// summed in the query's order) is below `tRow × weight`.
  static func requiredWord(
    under v: Int32, ids: ArraySlice<Int32>, weights: ArraySlice<Double>, rest: Double, weight: Double, tRow: Double
  ) -> Int32 {
    let (i, w) = (ids.startIndex, weights.startIndex)
    guard ids[i] >= 0, ids[i] != v else { return -1 }
    for k in 1..<4 where ids[i + k] >= 0 && ids[i + k] != v {
      var most = rest
      for j in 1..<4 where j != k { most += weights[w + j] }
      if most < tRow * weight { return ids[i + k] }
    }
    return -1
  }

  /// The first query word before `i` with no vocabulary id and the same bytes as word `i` (whose
  /// partners are then the same), if any.
  private static func sameUnknownWord<Words: QueryWordBytes>(
    before i: Int, _ words: [WordGate.Word], _ wordIndex: [Int], _ settled: [Bool], _ nameWords: Words
  ) -> Int? {
    let u = words[i]
    for j in 0..<i
    where words[j].id < 0 && words[j].length == u.length && words[j].letters == u.letters && settled[j] == settled[i] {
      if nameWords.sameWord(wordIndex[i], wordIndex[j]) { return j }
    }
    return nil
  }

  /// The bound of one candidate record (see the type's notes): whether some pair of names may
  /// reach what the gate needs, with `stamp` the query words' bits per vocabulary word (valid
  /// where `stamped` is `generation`).
  @inline(__always)
  private static func mayPass(
    _ record: WordGate.Record, _ rowNames: UnsafeBufferPointer<WordGate.Name>,
    _ rowWords: UnsafeBufferPointer<WordGate.Word>, _ q: WordGate.Record, _ names: [WordGate.Name],
    _ words: [WordGate.Word], _ numbers: [Int32], _ wantedLeast: Double, _ settles: Bool,
    _ stamp: UnsafeBufferPointer<UInt64>,
    _ stamped: UnsafeBufferPointer<UInt32>, _ generation: UInt32
  ) -> Bool {
    if q.country != -1 && record.country != -1 && q.country != record.country { return false }
    for x in names where x.coreEnd > x.wordStart {
      var nameBits: UInt64 = 0
      for i in Int(x.wordStart)..<Int(x.coreEnd) { nameBits |= 1 << UInt64(i) }
      let unknownNumber = x.numberEnd > x.numberStart && numbers[Int(x.numberStart)] < 0
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let y = rowNames[n]
        // A settled name (see ``numbersSettle``) matches no name with a number word.
        if settles && unknownNumber && y.numberEnd > y.numberStart { continue }
        let wanted = wantedLeast + (unknownNumber && y.numberEnd > y.numberStart ? 0.2 : 0)
        if wanted > 1 + 1e-9 + 1e-6 { continue }
        // The paired weight, at most the query words' (`sum`) and the record words' (`other`).
        @inline(__always) func paired(_ end: Int32) -> Double {
          var bits: UInt64 = 0
          var other = 0.0
          for w in Int(y.wordStart)..<Int(end) {
            let id = Int(rowWords[w].id)
            guard id >= 0, stamped[id] == generation else { continue }
            let marks = stamp[id] & nameBits
            if marks != 0 {
              bits |= marks
              other += rowWords[w].weight
            }
          }
          var sum = 0.0
          while bits != 0 {
            sum += words[bits.trailingZeroBitCount].weight
            bits &= bits - 1
          }
          return min(sum, other)
        }
        @inline(__always) func bound(_ p: Double, _ a: Double, _ b: Double) -> Double {
          min(1, (p / min(a, b) + 2 * p / (a + b)) / 2)
        }
        if y.coreEnd > y.wordStart, 0.65 * bound(paired(y.coreEnd), x.coreWeight, y.coreWeight) + 0.35 + 1e-6 >= wanted {
          return true
        }
        if y.fullEnd > y.coreEnd,
          0.95 * (0.65 * bound(paired(y.fullEnd), x.coreWeight, y.fullWeight) + 0.35) + 1e-6 >= wanted
        {
          return true
        }
      }
    }
    return false
  }
}

/// The bytes of a loaded query's words, by the source's own numbers (``ScreeningPrefilter``'s
/// `wordIndex`): a ``NameWords``' words, or a gate's vocabulary words.
protocol QueryWordBytes {
  /// Calls `body` with word `i`'s bytes.
  func word(_ i: Int, _ body: (UnsafeRawBufferPointer) -> Void)
  /// Whether words `i` and `j` have the same bytes.
  func sameWord(_ i: Int, _ j: Int) -> Bool
}

extension NameWords: QueryWordBytes {
  func sameWord(_ i: Int, _ j: Int) -> Bool {
    bytes[wordStarts[i]..<wordStarts[i + 1]].elementsEqual(bytes[wordStarts[j]..<wordStarts[j + 1]])
  }
}

extension WordGate.VocabularyWords: QueryWordBytes {
  /// A vocabulary holds each byte string once.
  func sameWord(_ i: Int, _ j: Int) -> Bool { i == j }
}
