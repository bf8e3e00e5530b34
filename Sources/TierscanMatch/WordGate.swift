import TierscanCore

/// A cheaper upper bound of ``PairScorer``'s similarity than ``ScoreBound``, run before it: the
/// words of the indexed records are interned to integer ids once, a query's words are looked up
/// once (words no record has get no id), and a pair of names is bounded by comparing small
/// integer arrays, with no allocation, no string and no Jaro-Winkler (docs/entity-resolution.md,
/// "Speed"). A rejected pair is one ``ScoreBound/mayReach(_:_:_:_:_:)`` rejects too; the others
/// are handed to it.
///
/// Why it bounds ``ScoreBound``'s value from above, step by step:
/// - identifiers, as ``PairScorer``'s agreement: an identifier of one scheme (LEI, DUNS, CID)
///   that both records give and that is equal lets the pair through (`same`); otherwise one that
///   both give and that differs rejects it (`distinct`); otherwise (no scheme given by both) the
///   agreement is `unknown` and countries that differ mean `distinct`. Identifiers are compared
///   as interned ids (the indexed records' values; a query value no record has gets an id no
///   record has, so it differs from every record's);
/// - the number penalty is the bound's, computed on interned ids (sets of number words are equal
///   exactly when their sorted distinct ids are; a query number word no record has makes its set
///   differ from every record's);
/// - the token-set similarity is bounded through its paired weight `M`: the greedy pairing gives
///   each word of either side at most one partner, with a weight of at most `min(w_i, w_j)`, and
///   only *compatible* words score above 0: equal words (equal ids) score 1; two different words
///   score their Jaro-Winkler similarity only when both have at least four bytes, the same first
///   byte, and lengths that allow ``TokenSimilarity/softThreshold`` (0.9 needs Jaro ≥ 5/6, so the
///   shorter word at least half the longer), and that similarity is at most `1 − 0.2 / L` for
///   `L` the longer length (two different words have Jaro ≤ `1 − 1/(3L)`: a character unmatched
///   or a transposition; the prefix boost keeps at most 0.4 of the gap) and at most what
///   ``JaroBound/softCap(_:_:_:_:)`` allows from the letters the two words share (none when
///   they share too few to reach 0.9: `tjnyh`/`tabcd`). Words with a non-ASCII byte are
///   compatible with every word at score 1. So `M ≤ Σ_i max_j score_ij × min(w_i, w_j)` and
///   containment and Dice follow;
/// - an address adds at most 0.05 and only when both records have one (a query with an `address`
///   value counts as having one).
/// - a shortcut before the words are paired: a query word no indexed record has (id −1, ASCII)
///   never pairs at 1 with an ASCII word (not equal; two different words score at most
///   `1 − 0.2 / L` with `L ≤ 2 ×` its length), so it pairs at most `(1 − 0.1 / length) × w`, and
///   the name's paired weight is at most `X − slack` (``Query/slack``: the sum of `0.1 × w /
///   length` over such core words). When the row's name weighs at least as much (`Y ≥ X`),
///   containment and Dice are both at most `paired / X`, so the token set is at most
///   `1 − slack / X`; a pair of names without qualifiers whose `0.65 × that + 0.35` is below what
///   it must reach (a number penalty makes it nearly 1) is not compared word by word. Only for a
///   row whose words are all ASCII (a non-ASCII word pairs with anything at 1).
/// - the same shortcut for a whole row, before its names are read (``Query/shortcutWeight``):
///   when every query name has such a word, a number word no indexed record has (so its number
///   set differs from every row name's that has one, and the penalty applies), no qualifiers, and
///   `0.65 × (1 − slack / X) + 0.35` (as the shortcut computes it) below `needed + 0.2 − 0.05`
///   (`− 0` for a query without an address), and the query has no identifier an indexed record
///   has, then against a row whose words are all ASCII and whose every name has a number word
///   and no qualifiers and weighs at least the heaviest query name (``rowShortcut``), every pair
///   of names takes the shortcut above: the row is rejected from one number of a small array.
/// A margin of 1e-9 more than ``ScoreBound``'s covers differences in the order of additions.
public struct WordGate: Sendable {
  struct Record: Sendable {
    var nameStart: Int32
    var nameEnd: Int32
    var country: Int32
    /// Interned LEI, DUNS and CID: -1 when absent, -2 for a query value no indexed record has.
    var lei: Int32
    var duns: Int32
    var cid: Int32
    var hasAddress: Bool
    /// Every word of every name is ASCII (an indexed record; see ``Query/slack``).
    var asciiOnly = false
  }

  struct Name: Sendable {
    /// Core words `wordStart ..< coreEnd`, with qualifiers `wordStart ..< fullEnd`.
    var wordStart: Int32
    var coreEnd: Int32
    var fullEnd: Int32
    /// The distinct number words' ids, sorted: `numbers[numberStart ..< numberEnd]`.
    var numberStart: Int32
    var numberEnd: Int32
    var coreWeight: Double
    var fullWeight: Double
  }

  struct Word: Sendable {
    /// -1 for a word no indexed record has.
    var id: Int32
    var length: Int32
    var first: UInt8
    var isASCII: Bool
    var weight: Double
    /// Bit `b % 64` set for every byte `b` of the word (``JaroBound``).
    var letters: UInt64
  }

  struct ReadAhead: Sendable {
    var name: Int32
    var firstWord: Int32
    var lastWord: Int32
  }

  /// Records' names as flat columns (the indexed records, or one query).
  struct Columns: Sendable {
    var records: [Record] = []
    var names: [Name] = []
    var words: [Word] = []
    var numbers: [Int32] = []

    mutating func removeAll() {
      records.removeAll(keepingCapacity: true)
      names.removeAll(keepingCapacity: true)
      words.removeAll(keepingCapacity: true)
      numbers.removeAll(keepingCapacity: true)
    }
  }

  /// One query's names in the gate's form and the candidates it lets through; reused from query
  /// to query (one per worker).
  public struct Query: Sendable {
    var columns = Columns()
    var numberScratch: [Int32] = []
    /// Per query name: how far its core words that no indexed record has (ASCII) fall short of
    /// pairing at 1 with any ASCII word, `Σ 0.1 × w / length` (``WordGate/mayReach``'s shortcut).
    var slack: [Double] = []
    /// The heaviest query name's core weight when the whole-row shortcut may apply (every name
    /// with a slack, a number word no indexed record has and no qualifiers; no identifier an
    /// indexed record has), else +infinity (``WordGate/rowShortcut``).
    var shortcutWeight = Double.infinity
    /// The largest `0.65 × (1 − slack / X + 1e-9 + 1e-12) + 0.35` over the query names, as the
    /// per-pair shortcut computes it.
    var shortcutBound = 0.0
    /// Candidates left by the whole-row shortcut (reused).
    fileprivate var kept: [Int] = []
    /// Candidates rejected by the whole-row shortcut so far (tests check that it fires).
    public fileprivate(set) var rowShortcutRejected = 0
    /// What the read-ahead of ``WordGate/filter(_:reaching:_:)`` read (kept so it is not optimised away).
    fileprivate var touched: Int32 = 0
    /// The candidates passed by the last ``WordGate/filter(_:reaching:_:)``.
    public fileprivate(set) var passed: [Int] = []
  }

  private(set) var vocabulary = ByteInterner()
  /// The vocabulary's hashes: most words of a large graph's entities that no row has (their codes)
  /// are told apart here, in cache, instead of by a probe of the vocabulary's slots.
  private var vocabularyFilter = ByteFilter(capacity: 0)
  /// ``TokenSimilarity/weight(_:)`` of each vocabulary word (the records' words and every generic
  /// word, so a word missing from the vocabulary weighs 1).
  private(set) var weights: [Double] = []
  private(set) var countries = StringIDs()
  /// Identifier values of the indexed records, per scheme.
  private(set) var identifierIDs = [StringIDs(), StringIDs(), StringIDs()]
  private(set) var rows = Columns()
  /// Where each indexed record's first name and its first and last word are (-1 for a record
  /// without a name): read from this small array, a candidate's record, name and words are
  /// fetched side by side, not each after the one before (``filter(_:reaching:_:)``).
  private var readAhead: [ReadAhead] = []
  /// Per indexed record, the lightest name's core weight when the record's words are all ASCII
  /// and every name has a number word and no qualifiers, else -infinity: the whole-row shortcut
  /// (``Query/shortcutWeight``) rejects it when this is at least the query's heaviest name.
  private var rowShortcut: [Double] = []
  private let tokens = TokenSimilarity()
  private let config: MatchConfig

  /// Interns the words of `records` (the indexed side).
  ///
  /// - Complexity: O(total words).
  public init(records: [PreparedRecord], config: MatchConfig) {
    self.config = config
    // Each word's id as interned, in the order the rows are appended below (record, name, tokens
    // then qualifiers): the rows read them here instead of looking each word up again.
    var ids: [Int32] = []
    ids.reserveCapacity(records.count * 4)
    // Records come mostly by country (``DuplicateFinder/storageOrder(countries:groups:)``): a
    // country like the last record's is not looked up again.
    // The words in runs: each run's words (bytes and hashes) made in pieces side by side, then
    // interned in record order (so ids are those of first appearance), each slot fetched ahead.
    let wordRun = 1 << 17
    for runStart in stride(from: 0, to: records.count, by: wordRun) {
      let run = runStart..<min(runStart + wordRun, records.count)
      let pieces = RecordWords.pieces(of: records, in: run, splitAt: 4_096)
      if runStart == 0 {
        // The first run's words are at most its word occurrences: no doubling from empty.
        let words = pieces.reduce(0) { $0 + $1.count }
        vocabulary.reserveCapacity(words, bytes: pieces.reduce(0) { $0 + $1.bytes.count })
      }
      RecordWords.intern(pieces, into: &vocabulary, ids: &ids)
      if runStart == 0 && run.upperBound < records.count {
        // Room for the words of all records as the first run's grow (sizes only: no id depends
        // on them; a vocabulary that still fills up doubles once more).
        let scale = Double(records.count) / Double(run.count)
        func scaled(_ n: Int) -> Int { Int((Double(n) * scale).rounded(.up)) }
        vocabulary.reserveCapacity(scaled(vocabulary.count), bytes: scaled(vocabulary.arena.count))
        ids.reserveCapacity(scaled(ids.count + ids.count / 16))
      }
    }
    // Records come mostly by country (``DuplicateFinder/storageOrder(countries:groups:)``): a
    // country like the last record's is not looked up again. Records read in place (a copy of a
    // record retains and releases everything it holds).
    var lastCountry: (country: String, id: Int32) = ("", -1)
    // Each record's identifier ids as inserted (what ``identifierNumbers(_:)`` gives once all are
    // in: ids do not change), kept for the rows instead of looked up again.
    var recordIdentifiers: [(Int32, Int32, Int32)] = []
    recordIdentifiers.reserveCapacity(records.count)
    records.withUnsafeBufferPointer { records in
      for i in records.indices {
        if let country = records[i].record.country, country != lastCountry.country {
          lastCountry = (country, countries.insert(country))
        }
        let identifiers = records[i].record.identifiers
        recordIdentifiers.append(
          (
            identifiers.lei.map { identifierIDs[0].insert($0) } ?? -1,
            identifiers.duns.map { identifierIDs[1].insert($0) } ?? -1,
            identifiers.cid.map { identifierIDs[2].insert($0) } ?? -1
          ))
      }
    }
    for word in GenericWords.names.sorted() { _ = vocabulary.intern(word) }
    vocabularyFilter = ByteFilter(keysOf: vocabulary)
    // ``TokenSimilarity/weight(_:)`` of every word: 1 but for the generic words (all interned
    // just above), whose ids are looked up once instead of making a string of every word.
    var weights = [Double](repeating: 1, count: vocabulary.count)
    for word in GenericWords.names { weights[Int(vocabulary.index(of: word)!)] = tokens.weight(word) }
    self.weights = weights
    var numberScratch: [Int32] = []
    var cursor = 0
    lastCountry = ("", -1)
    rows.records.reserveCapacity(records.count)
    rows.words.reserveCapacity(ids.count)
    ids.withUnsafeBufferPointer { ids in
      records.withUnsafeBufferPointer { records in
        for i in records.indices {
          let country: Int32
          if let name = records[i].record.country {
            if name != lastCountry.country { lastCountry = (name, countries.id(of: name) ?? -1) }
            country = lastCountry.id
          } else {
            country = -1
          }
          Self.append(
            records[i].names, country: country, identifiers: recordIdentifiers[i],
            hasAddress: records[i].addressWords != nil, to: &rows, vocabulary: vocabulary, weights: weights,
            numberScratch: &numberScratch, ids: ids, cursor: &cursor)
        }
      }
    }
    for i in rows.records.indices {
      let record = rows.records[i]
      var ascii = true
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let name = rows.names[n]
        for w in Int(name.wordStart)..<Int(name.fullEnd) where !rows.words[w].isASCII { ascii = false }
      }
      rows.records[i].asciiOnly = ascii
    }
    readAhead = rows.records.map { record in
      guard record.nameEnd > record.nameStart else { return ReadAhead(name: -1, firstWord: -1, lastWord: -1) }
      let (first, last) = (rows.names[Int(record.nameStart)], rows.names[Int(record.nameEnd) - 1])
      guard last.fullEnd > first.wordStart else { return ReadAhead(name: record.nameStart, firstWord: -1, lastWord: -1) }
      return ReadAhead(name: record.nameStart, firstWord: first.wordStart, lastWord: last.fullEnd - 1)
    }
    rowShortcut = rows.records.map { [rows] record in
      guard record.asciiOnly, record.nameEnd > record.nameStart else { return -Double.infinity }
      var lightest = Double.infinity
      for n in Int(record.nameStart)..<Int(record.nameEnd) {
        let name = rows.names[n]
        guard name.fullEnd == name.coreEnd, name.numberEnd > name.numberStart else { return -Double.infinity }
        lightest = min(lightest, name.coreWeight)
      }
      return lightest
    }
  }

  /// Working memory for queries (one per worker).
  public func makeQuery() -> Query { Query() }

  /// Loads a query record's parsed names (as ``PreparedRecord/names``), country, whether it has
  /// any identifier and whether it has an address, replacing the previous query.
  public func load(
    _ names: [MatchName], country: String?, identifiers: Identifiers, hasAddress: Bool, into query: inout Query
  ) {
    query.columns.removeAll()
    query.slack.removeAll(keepingCapacity: true)
    query.shortcutWeight = .infinity
    let countryID: Int32 = country.map { countries.id(of: $0) ?? -2 } ?? -1
    Self.append(
      names, country: countryID, identifiers: identifierNumbers(identifiers), hasAddress: hasAddress,
      to: &query.columns, vocabulary: vocabulary, weights: weights, numberScratch: &query.numberScratch)
  }

  /// The vocabulary id of a word (the indexed records' words and every generic word), -1 when
  /// no indexed record has it.
  @inline(__always)
  public func wordID(_ word: UnsafeRawBufferPointer) -> Int32 {
    vocabulary.index(of: word, filter: vocabularyFilter) ?? -1
  }

  /// Number of vocabulary words (ids `0 ..< vocabularyCount`).
  public var vocabularyCount: Int { vocabulary.count }

  /// Calls `body` with vocabulary word `id`'s bytes.
  public func withWord<R>(_ id: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R { vocabulary.withBytes(at: id, body) }

  /// ``load(_:country:identifiers:hasAddress:into:)`` of names given as ``NameWords`` whose
  /// words' vocabulary ids (``wordID(_:)``) are `ids`: the same query, with no look-up.
  public func load(
    _ words: NameWords, ids: [Int32], country: String?, identifiers: Identifiers, hasAddress: Bool,
    into query: inout Query
  ) {
    query.columns.removeAll()
    let countryID: Int32 = country.map { countries.id(of: $0) ?? -2 } ?? -1
    let identifierIDs = identifierNumbers(identifiers)
    let nameStart = Int32(query.columns.names.count)
    query.slack.removeAll(keepingCapacity: true)
    // The whole-row shortcut: every name must qualify (see the type's notes).
    var rowShortcut = identifierIDs.0 < 0 && identifierIDs.1 < 0 && identifierIDs.2 < 0 && !words.names.isEmpty
    var heaviest = 0.0
    var bound = 0.0
    words.bytes.withUnsafeBufferPointer { bytes in
      for name in words.names {
        var coreWeight = 0.0
        var fullWeight = 0.0
        var slack = 0.0
        var unknownNumber = false
        query.numberScratch.removeAll(keepingCapacity: true)
        let wordStart = Int32(query.columns.words.count)
        for w in name.firstWord..<name.end {
          let word = UnsafeBufferPointer(rebasing: bytes[words.wordStarts[w]..<words.wordStarts[w + 1]])
          let id = ids[w]
          let weight = id >= 0 ? weights[Int(id)] : 1.0
          // The letter mask (``JaroBound/letters(_:)``), non-ASCII and digit bytes, in one pass.
          var letters: UInt64 = 0
          var nonASCII = false
          var digit = false
          for byte in word {
            letters |= 1 << UInt64(byte & 63)
            if byte >= 0x80 { nonASCII = true }
            if byte >= 0x30 && byte <= 0x39 { digit = true }
          }
          query.columns.words.append(
            Word(
              id: id, length: Int32(word.count), first: word.first ?? 0, isASCII: !nonASCII, weight: weight,
              letters: letters))
          let core = w < name.coreEnd
          if core, digit {
            query.numberScratch.append(id)
            if id < 0 { unknownNumber = true }
          }
          if core { coreWeight += weight }
          if core, id < 0, query.columns.words[query.columns.words.count - 1].isASCII {
            slack += 0.1 * weight / Double(max(1, word.count))
          }
          fullWeight += weight
        }
        Self.endName(
          wordStart: wordStart, coreCount: name.coreEnd - name.firstWord, hasQualifiers: name.end != name.coreEnd,
          coreWeight: coreWeight, fullWeight: fullWeight, slack: slack, unknownNumber: unknownNumber, of: &query,
          rowShortcut: &rowShortcut, heaviest: &heaviest, bound: &bound)
      }
    }
    (query.shortcutWeight, query.shortcutBound) = rowShortcut ? (heaviest, bound) : (.infinity, 0)
    query.columns.records.append(
      Record(
        nameStart: nameStart, nameEnd: Int32(query.columns.names.count), country: countryID, lei: identifierIDs.0,
        duns: identifierIDs.1, cid: identifierIDs.2, hasAddress: hasAddress))
  }

  /// Ends a query name whose words were appended from `wordStart` on, its first `coreCount` core
  /// (both ``load(_:ids:country:identifiers:hasAddress:into:)`` forms): its slack, its part in
  /// the whole-row shortcut, its sorted distinct number ids (from ``Query/numberScratch``) and
  /// the name itself.
  @inline(__always)
  static func endName(
    wordStart: Int32, coreCount: Int, hasQualifiers: Bool, coreWeight: Double, fullWeight: Double, slack: Double,
    unknownNumber: Bool, of query: inout Query, rowShortcut: inout Bool, heaviest: inout Double, bound: inout Double
  ) {
    query.slack.append(slack)
    if slack > 0, unknownNumber, !hasQualifiers, coreCount > 0 {
      heaviest = max(heaviest, coreWeight)
      bound = max(bound, 0.65 * (1 - slack / coreWeight + 1e-9 + 1e-12) + 0.35)
    } else {
      rowShortcut = false
    }
    query.numberScratch.sort()
    let numberStart = Int32(query.columns.numbers.count)
    var last: Int32? = nil
    for id in query.numberScratch where id != last {
      query.columns.numbers.append(id)
      last = id
    }
    query.columns.names.append(
      Name(
        wordStart: wordStart, coreEnd: wordStart + Int32(coreCount), fullEnd: Int32(query.columns.words.count),
        numberStart: numberStart, numberEnd: Int32(query.columns.numbers.count), coreWeight: coreWeight,
        fullWeight: hasQualifiers ? fullWeight : coreWeight))
  }

  /// LEI, DUNS and CID as interned ids (-1 absent, -2 a value no indexed record has).
  func identifierNumbers(_ identifiers: Identifiers) -> (Int32, Int32, Int32) {
    func number(_ value: String?, _ scheme: Int) -> Int32 {
      guard let value else { return -1 }
      return identifierIDs[scheme].id(of: value) ?? -2
    }
    return (number(identifiers.lei, 0), number(identifiers.duns, 1), number(identifiers.cid, 2))
  }

  private static func append(
    _ names: [MatchName], country: Int32, identifiers: (Int32, Int32, Int32), hasAddress: Bool,
    to columns: inout Columns,
    vocabulary: ByteInterner, weights: [Double], numberScratch: inout [Int32]
  ) {
    var cursor = 0
    append(
      names, country: country, identifiers: identifiers, hasAddress: hasAddress, to: &columns, vocabulary: vocabulary,
      weights: weights, numberScratch: &numberScratch, ids: nil, cursor: &cursor)
  }

  /// ``append(_:country:identifiers:hasAddress:to:vocabulary:weights:numberScratch:)``, each word's
  /// vocabulary id read from `ids[cursor]` (then `cursor` moves on) when `ids` is given, looked
  /// up otherwise.
  private static func append(
    _ names: [MatchName], country: Int32, identifiers: (Int32, Int32, Int32), hasAddress: Bool,
    to columns: inout Columns, vocabulary: ByteInterner, weights: [Double], numberScratch: inout [Int32],
    ids: UnsafeBufferPointer<Int32>?, cursor: inout Int
  ) {
    let nameStart = Int32(columns.names.count)
    for name in names {
      var coreWeight = 0.0
      var fullWeight = 0.0
      numberScratch.removeAll(keepingCapacity: true)
      let wordStart = Int32(columns.words.count)
      func add(_ word: String, core: Bool) {
        var word = word
        var w = 1.0
        word.withUTF8 { bytes in
          let id: Int32
          if let ids {
            id = ids[cursor]
            cursor += 1
          } else {
            id = vocabulary.index(of: UnsafeRawBufferPointer(bytes)) ?? -1
          }
          if id >= 0 { w = weights[Int(id)] }
          columns.words.append(
            Word(
              id: id, length: Int32(bytes.count), first: bytes.first ?? 0, isASCII: !bytes.contains { $0 >= 0x80 },
              weight: w, letters: JaroBound.letters(bytes)))
          if core, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { numberScratch.append(id) }
        }
        if core { coreWeight += w }
        fullWeight += w
      }
      for word in name.tokens { add(word, core: true) }
      let coreEnd = Int32(columns.words.count)
      for word in name.qualifiers { add(word, core: false) }
      numberScratch.sort()
      let numberStart = Int32(columns.numbers.count)
      var last: Int32? = nil
      for id in numberScratch where id != last {
        columns.numbers.append(id)
        last = id
      }
      // As WordList sums its weights: in list order (core words, then qualifiers).
      columns.names.append(
        Name(
          wordStart: wordStart, coreEnd: coreEnd, fullEnd: Int32(columns.words.count), numberStart: numberStart,
          numberEnd: Int32(columns.numbers.count), coreWeight: coreWeight,
          fullWeight: name.qualifiers.isEmpty ? coreWeight : fullWeight))
    }
    columns.records.append(
      Record(
        nameStart: nameStart, nameEnd: Int32(columns.names.count), country: country, lei: identifiers.0,
        duns: identifiers.1, cid: identifiers.2,
        hasAddress: hasAddress))
  }

  /// Keeps in `query.passed` the `candidates` (indexed records) that may reach `least` against
  /// the loaded query (as ``ScoreBound/mayReach(_:_:_:_:_:)``), in their order.
  ///
  /// - Complexity: O(n × m) integer comparisons per pair of names.
  public func filter(_ candidates: [Int], reaching least: Double, _ query: inout Query) {
    query.passed.removeAll(keepingCapacity: true)
    let needed = max(least, min(config.possible, config.same)) - 1e-12 - 1e-9 - 1e-9
    // The whole-row shortcut (see the type's notes): rows it rejects are never read.
    var kept: [Int] = []
    swap(&kept, &query.kept)
    kept.removeAll(keepingCapacity: true)
    let address = query.columns.records[0].hasAddress ? 0.05 : 0
    let cut = needed > 0 && query.shortcutBound < needed + 0.2 - address ? query.shortcutWeight : .infinity
    if cut < .infinity {
      rowShortcut.withUnsafeBufferPointer { lightest in
        for row in candidates where !(lightest[row] >= cut) { kept.append(row) }
      }
      query.rowShortcutRejected += candidates.count - kept.count
    }
    let candidates = cut < .infinity ? kept : candidates
    defer { swap(&kept, &query.kept) }
    rows.records.withUnsafeBufferPointer { rRecords in
      rows.names.withUnsafeBufferPointer { rNames in
        rows.words.withUnsafeBufferPointer { rWords in
          rows.numbers.withUnsafeBufferPointer { rNumbers in
            query.columns.names.withUnsafeBufferPointer { qNames in
              query.columns.words.withUnsafeBufferPointer { qWords in
                query.columns.numbers.withUnsafeBufferPointer { qNumbers in
                  let q = query.columns.records[0]
                  // The candidates' rows are scattered over the columns: their record, first
                  // name and first and last word are read once up front, all found from the
                  // small `readAhead` array, so that the cache misses overlap (of one candidate
                  // and of the next) instead of following one another (a hint only; the result
                  // is kept so the reads are not dropped).
                  var touched: Int32 = 0
                  readAhead.withUnsafeBufferPointer { ahead in
                    for row in candidates {
                      let a = ahead[row]
                      touched ^= rRecords[row].nameEnd
                      guard a.name >= 0 else { continue }
                      touched ^= rNames[Int(a.name)].fullEnd
                      guard a.firstWord >= 0 else { continue }
                      touched ^= rWords[Int(a.firstWord)].id ^ rWords[Int(a.lastWord)].id
                    }
                  }
                  query.touched = touched
                  query.slack.withUnsafeBufferPointer { qSlack in
                    for row in candidates
                    where Self.mayReach(
                      needed, q, qNames, qWords, qNumbers, qSlack, rRecords[row], rNames, rWords, rNumbers)
                    {
                      query.passed.append(row)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Whether the loaded query may reach `least` against indexed record `row` (one candidate).
  public func mayReach(_ least: Double, _ query: inout Query, row: Int) -> Bool {
    filter([row], reaching: least, &query)
    return !query.passed.isEmpty
  }

  /// Whether indexed records `left` and `right` may reach `least` against each other (as
  /// ``ScoreBound/mayReach(_:_:_:_:_:)``): the gate with an indexed record as the query, for
  /// pairs within one set of records (the duplicate search). Symmetric in what it accepts up to
  /// the order of additions, which the margins cover.
  public func mayReach(_ least: Double, indexed left: Int, _ right: Int) -> Bool {
    let needed = max(least, min(config.possible, config.same)) - 1e-12 - 1e-9 - 1e-9
    return rows.records.withUnsafeBufferPointer { records in
      rows.names.withUnsafeBufferPointer { names in
        rows.words.withUnsafeBufferPointer { words in
          rows.numbers.withUnsafeBufferPointer { numbers in
            Self.mayReach(
              needed, records[left], names, words, numbers, UnsafeBufferPointer(start: nil, count: 0), records[right],
              names, words, numbers)
          }
        }
      }
    }
  }

  private static func mayReach(
    _ needed: Double, _ q: Record, _ qNames: UnsafeBufferPointer<Name>, _ qWords: UnsafeBufferPointer<Word>,
    _ qNumbers: UnsafeBufferPointer<Int32>, _ qSlack: UnsafeBufferPointer<Double>, _ r: Record,
    _ rNames: UnsafeBufferPointer<Name>,
    _ rWords: UnsafeBufferPointer<Word>, _ rNumbers: UnsafeBufferPointer<Int32>
  ) -> Bool {
    switch identifierAgreement(q, r) {
    case .agree: return true
    case .disagree: return false
    case .unknown: break
    }
    if q.country != -1 && r.country != -1 && q.country != r.country { return false }
    if needed <= 0 { return true }
    let address = q.hasAddress && r.hasAddress ? 0.05 : 0
    for a in Int(q.nameStart)..<Int(q.nameEnd) {
      let x = qNames[a]
      // The query name's shortfall from its words no indexed record has (0: no shortcut).
      let slack = a - Int(q.nameStart) < qSlack.count && r.asciiOnly ? qSlack[a - Int(q.nameStart)] : 0
      for b in Int(r.nameStart)..<Int(r.nameEnd) {
        let y = rNames[b]
        let penalty = numbersDiffer(x, qNumbers, y, rNumbers) ? 0.2 : 0
        // The name part must reach this; it is at most 1.
        let wanted = needed + penalty - address
        if wanted <= 0 { return true }
        if wanted > 1 + 1e-9 { continue }
        // Shortcut (see ``Query/slack``): with no qualifiers on either side and the row's name
        // weighing at least the query's, the token set is at most `1 − slack / X`.
        if slack > 0, x.fullEnd == x.coreEnd, y.fullEnd == y.coreEnd, x.coreEnd > x.wordStart,
          y.coreWeight >= x.coreWeight, 0.65 * (1 - slack / x.coreWeight + 1e-9 + 1e-12) + 0.35 < wanted
        {
          continue
        }
        let xCore = x.coreEnd > x.wordStart
        let yCore = y.coreEnd > y.wordStart
        if xCore && yCore && 0.65 * sizeBound(x.coreWeight, y.coreWeight) + 0.35 >= wanted {
          let ts = tokenSetBound(
            qWords, Int(x.wordStart), Int(x.coreEnd), x.coreWeight, rWords, Int(y.wordStart), Int(y.coreEnd),
            y.coreWeight)
          if 0.65 * ts + 0.35 >= wanted { return true }
        }
        if x.fullEnd > x.coreEnd || y.fullEnd > y.coreEnd {
          var ts = 0.0
          let xFull = x.fullEnd > x.wordStart
          let yFull = y.fullEnd > y.wordStart
          if xFull && yFull && 0.95 * (0.65 * sizeBound(x.fullWeight, y.fullWeight) + 0.35) >= wanted {
            ts = tokenSetBound(
              qWords, Int(x.wordStart), Int(x.fullEnd), x.fullWeight, rWords, Int(y.wordStart), Int(y.fullEnd),
              y.fullWeight)
          }
          if 0.95 * (0.65 * ts + 0.35) >= wanted { return true }
        }
      }
    }
    return false
  }

  /// ``PairScorer/identifierAgreement(_:_:)`` on interned ids: any scheme equal → agree; else
  /// any scheme both give → disagree (two query values no record has are both -2 but never
  /// compared, as only one side is a query).
  @inline(__always)
  private static func identifierAgreement(_ q: Record, _ r: Record) -> MatchFeatures.Agreement {
    var disagree = false
    @inline(__always) func compare(_ a: Int32, _ b: Int32) -> Bool {
      guard a != -1, b != -1 else { return false }
      if a == b && a >= 0 { return true }
      disagree = true
      return false
    }
    if compare(q.lei, r.lei) || compare(q.duns, r.duns) || compare(q.cid, r.cid) { return .agree }
    return disagree ? .disagree : .unknown
  }

  @inline(__always)
  private static func numbersDiffer(
    _ x: Name, _ xNumbers: UnsafeBufferPointer<Int32>, _ y: Name, _ yNumbers: UnsafeBufferPointer<Int32>
  ) -> Bool {
    let (xs, xe) = (Int(x.numberStart), Int(x.numberEnd))
    let (ys, ye) = (Int(y.numberStart), Int(y.numberEnd))
    if xs == xe || ys == ye { return false }
    if xe - xs != ye - ys { return true }
    for k in 0..<(xe - xs) where xNumbers[xs + k] != yNumbers[ys + k] { return true }
    return false
  }

  /// The token-set similarity's bound from the weights alone (`M ≤ min(A, B)`).
  @inline(__always)
  private static func sizeBound(_ a: Double, _ b: Double) -> Double {
    min(1, (1 + 2 * min(a, b) / (a + b)) / 2) + 1e-9
  }

  /// An upper bound of the token-set similarity of two word ranges (see the type's notes).
  @inline(__always)
  private static func tokenSetBound(
    _ x: UnsafeBufferPointer<Word>, _ xStart: Int, _ xEnd: Int, _ xWeight: Double,
    _ y: UnsafeBufferPointer<Word>, _ yStart: Int, _ yEnd: Int, _ yWeight: Double
  ) -> Double {
    // The query's words each pair at most once (either side may be taken).
    var paired = 0.0
    for i in xStart..<xEnd {
      let u = x[i]
      var best = 0.0
      for j in yStart..<yEnd {
        let v = y[j]
        let w = min(u.weight, v.weight)
        guard w > best else { continue }
        let score: Double
        if u.id >= 0 && u.id == v.id {
          score = 1
        } else if !u.isASCII || !v.isASCII {
          score = 1
        } else if u.length >= 4, v.length >= 4, u.first == v.first, 2 * min(u.length, v.length) >= max(u.length, v.length),
          let cap = JaroBound.softCap(u.letters, Int(u.length), v.letters, Int(v.length))
        {
          score = min(cap, 1 - 0.2 / Double(max(u.length, v.length)))
        } else {
          continue
        }
        best = max(best, score * w)
        if best >= u.weight { break }
      }
      paired += best
    }
    let containment = paired / min(xWeight, yWeight)
    let dice = 2 * paired / (xWeight + yWeight)
    return min(1, (containment + dice) / 2) + 1e-9
  }
}
