import TierscanCore

/// A cheaper upper bound of ``PairScorer``'s similarity than ``ScoreBound``, run before it: the
/// words of the indexed records are interned to integer ids once, a query's words are looked up
/// once (words no record has get no id), and a pair of names is bounded by comparing small
/// integer arrays, with no allocation, no string and no Jaro-Winkler (docs/entity-resolution.md,
/// "Speed"). `false` is certain (``ScoreBound/mayReach(_:_:_:_:_:)`` would say `false` too);
/// `true` means "ask ``ScoreBound``".
///
/// Why it bounds ``ScoreBound``'s value from above, step by step:
/// - identifiers: when both records carry any identifier the gate says `true` (it does not decide
///   agreement); otherwise the agreement is `unknown` and countries that differ mean `distinct`;
/// - the number penalty is the bound's, computed on interned ids (sets of number words are equal
///   exactly when their sorted distinct ids are; a query number word no record has makes its set
///   differ from every record's);
/// - the token-set similarity is bounded through its paired weight `M`: the greedy pairing gives
///   each word of the shorter side at most one partner, with a score of at most 1 and a weight of
///   at most `min(w_i, w_j)`, and only *compatible* words score above 0 — equal words (equal ids),
///   or two words of at least four bytes with the same first byte whose lengths allow a
///   Jaro-Winkler of ``TokenSimilarity/softThreshold`` (0.9 needs Jaro ≥ 5/6, so the shorter word
///   at least half the longer); words with a non-ASCII byte are always compatible. So
///   `M ≤ Σ_i max_{j compatible} min(w_i, w_j)` and containment and Dice follow;
/// - an address adds at most 0.05 and only when both records have one (a query with an `address`
///   counts as having one).
/// A margin of 1e-9 more than ``ScoreBound``'s covers differences in the order of additions.
public struct WordGate: Sendable {
  /// Records' names as flat integer columns (the indexed records, or one query in a ``Query``).
  struct Columns: Sendable {
    /// Record `r`'s names are `nameStart[r] ..< nameStart[r + 1]`.
    var nameStart: [Int32] = [0]
    var country: [Int32] = []
    var hasIdentifiers: [Bool] = []
    var hasAddress: [Bool] = []
    /// Name `n`'s core words are `wordStart[n] ..< wordStart[n] + coreCount[n]`, its words with
    /// qualifiers `wordStart[n] ..< wordStart[n + 1]`.
    var wordStart: [Int32] = [0]
    var coreCount: [Int32] = []
    var coreWeight: [Double] = []
    var fullWeight: [Double] = []
    /// Name `n`'s distinct number words, sorted ids, are `numbers[numberStart[n] ..< numberStart[n + 1]]`.
    var numberStart: [Int32] = [0]
    var numbers: [Int32] = []
    /// Per word: id (-1 for a word no indexed record has), byte length, first byte, weight, ASCII.
    var wordID: [Int32] = []
    var wordLength: [Int32] = []
    var firstByte: [UInt8] = []
    var weight: [Double] = []
    var isASCII: [Bool] = []

    mutating func removeAll() {
      nameStart.removeAll(keepingCapacity: true)
      nameStart.append(0)
      country.removeAll(keepingCapacity: true)
      hasIdentifiers.removeAll(keepingCapacity: true)
      hasAddress.removeAll(keepingCapacity: true)
      wordStart.removeAll(keepingCapacity: true)
      wordStart.append(0)
      coreCount.removeAll(keepingCapacity: true)
      coreWeight.removeAll(keepingCapacity: true)
      fullWeight.removeAll(keepingCapacity: true)
      numberStart.removeAll(keepingCapacity: true)
      numberStart.append(0)
      numbers.removeAll(keepingCapacity: true)
      wordID.removeAll(keepingCapacity: true)
      wordLength.removeAll(keepingCapacity: true)
      firstByte.removeAll(keepingCapacity: true)
      weight.removeAll(keepingCapacity: true)
      isASCII.removeAll(keepingCapacity: true)
    }
  }

  /// One query's names in the gate's form; reused from query to query (one per worker).
  public struct Query: Sendable {
    var columns = Columns()
    fileprivate var numberScratch: [Int32] = []
  }

  private var vocabulary = ByteInterner()
  private var countries: [String: Int32] = [:]
  private var rows = Columns()
  private let tokens = TokenSimilarity()
  private let config: MatchConfig

  /// Interns the words of `records` (the indexed side).
  ///
  /// - Complexity: O(total words).
  public init(records: [PreparedRecord], config: MatchConfig) {
    self.config = config
    for record in records {
      for name in record.names {
        for word in name.tokens + name.qualifiers { _ = vocabulary.intern(word) }
      }
      if let country = record.record.country, countries[country] == nil { countries[country] = Int32(countries.count) }
    }
    var numberScratch: [Int32] = []
    for record in records {
      let country = record.record.country.flatMap { countries[$0] } ?? -1
      Self.append(
        record.names, country: country,
        hasIdentifiers: Self.hasIdentifiers(record.record.identifiers), hasAddress: record.addressWords != nil,
        to: &rows, vocabulary: vocabulary, tokens: tokens, numberScratch: &numberScratch)
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
    let countryID: Int32 = country.map { countries[$0] ?? -2 } ?? -1
    Self.append(
      names, country: countryID, hasIdentifiers: Self.hasIdentifiers(identifiers), hasAddress: hasAddress,
      to: &query.columns, vocabulary: vocabulary, tokens: tokens, numberScratch: &query.numberScratch)
  }

  static func hasIdentifiers(_ identifiers: Identifiers) -> Bool {
    identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil
  }

  private static func append(
    _ names: [MatchName], country: Int32, hasIdentifiers: Bool, hasAddress: Bool, to columns: inout Columns,
    vocabulary: ByteInterner, tokens: TokenSimilarity, numberScratch: inout [Int32]
  ) {
    columns.country.append(country)
    columns.hasIdentifiers.append(hasIdentifiers)
    columns.hasAddress.append(hasAddress)
    for name in names {
      var coreWeight = 0.0
      var fullWeight = 0.0
      numberScratch.removeAll(keepingCapacity: true)
      func add(_ word: String, core: Bool) {
        var word = word
        word.withUTF8 { bytes in
          let id = vocabulary.index(of: UnsafeRawBufferPointer(bytes)) ?? -1
          columns.wordID.append(id)
          columns.wordLength.append(Int32(bytes.count))
          columns.firstByte.append(bytes.first ?? 0)
          columns.isASCII.append(!bytes.contains { $0 >= 0x80 })
          if core, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { numberScratch.append(id) }
        }
        let w = tokens.weight(word)
        columns.weight.append(w)
        if core { coreWeight += w }
        fullWeight += w
      }
      for word in name.tokens { add(word, core: true) }
      for word in name.qualifiers { add(word, core: false) }
      columns.coreCount.append(Int32(name.tokens.count))
      columns.coreWeight.append(coreWeight)
      // As WordList sums its weights: in list order (core words, then qualifiers).
      columns.fullWeight.append(name.qualifiers.isEmpty ? coreWeight : fullWeight)
      columns.wordStart.append(Int32(columns.wordID.count))
      numberScratch.sort()
      var last: Int32? = nil
      for id in numberScratch where id != last {
        columns.numbers.append(id)
        last = id
      }
      columns.numberStart.append(Int32(columns.numbers.count))
    }
    columns.nameStart.append(Int32(columns.coreCount.count))
  }

  /// Whether the query can reach `least` (as in ``ScoreBound/mayReach(_:_:_:_:_:)``) against
  /// indexed record `row`. `false` is certain.
  ///
  /// - Complexity: O(n × m) integer comparisons per pair of names.
  public func mayReach(_ least: Double, _ query: borrowing Query, row: Int) -> Bool {
    Self.mayReach(least, query.columns, rows, row: row, config: config)
  }

  private static func mayReach(
    _ least: Double, _ q: borrowing Columns, _ rows: borrowing Columns, row: Int, config: MatchConfig
  ) -> Bool {
    if q.hasIdentifiers[0] && rows.hasIdentifiers[row] { return true }
    let (qc, rc) = (q.country[0], rows.country[row])
    if qc != -1 && rc != -1 && qc != rc { return false }
    let needed = max(least, min(config.possible, config.same)) - 1e-12 - 1e-9 - 1e-9
    if needed <= 0 { return true }
    let address = q.hasAddress[0] && rows.hasAddress[row] ? 0.05 : 0
    for a in Int(q.nameStart[0])..<Int(q.nameStart[1]) {
      for b in Int(rows.nameStart[row])..<Int(rows.nameStart[row + 1]) {
        let penalty = numbersDiffer(q, a, rows, b) ? 0.2 : 0
        // The name part must reach this; it is at most 1.
        let wanted = needed + penalty - address
        if wanted <= 0 { return true }
        if wanted > 1 + 1e-9 { continue }
        let aStart = Int(q.wordStart[a])
        let bStart = Int(rows.wordStart[b])
        let aCore = Int(q.coreCount[a])
        let bCore = Int(rows.coreCount[b])
        if aCore > 0 && bCore > 0 && 0.65 * sizeBound(q.coreWeight[a], rows.coreWeight[b]) + 0.35 >= wanted {
          let ts = tokenSetBound(q, aStart, aCore, q.coreWeight[a], rows, bStart, bCore, rows.coreWeight[b])
          if 0.65 * ts + 0.35 >= wanted { return true }
        }
        let aFull = Int(q.wordStart[a + 1]) - aStart
        let bFull = Int(rows.wordStart[b + 1]) - bStart
        if aFull > aCore || bFull > bCore {
          var ts = 0.0
          if aFull > 0 && bFull > 0 && 0.95 * (0.65 * sizeBound(q.fullWeight[a], rows.fullWeight[b]) + 0.35) >= wanted {
            ts = tokenSetBound(q, aStart, aFull, q.fullWeight[a], rows, bStart, bFull, rows.fullWeight[b])
          }
          if 0.95 * (0.65 * ts + 0.35) >= wanted { return true }
        }
      }
    }
    return false
  }

  private static func numbersDiffer(_ x: borrowing Columns, _ a: Int, _ y: borrowing Columns, _ b: Int) -> Bool {
    let (xs, xe) = (Int(x.numberStart[a]), Int(x.numberStart[a + 1]))
    let (ys, ye) = (Int(y.numberStart[b]), Int(y.numberStart[b + 1]))
    if xs == xe || ys == ye { return false }
    if xe - xs != ye - ys { return true }
    for k in 0..<(xe - xs) where x.numbers[xs + k] != y.numbers[ys + k] { return true }
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
    _ x: borrowing Columns, _ xStart: Int, _ xCount: Int, _ xWeight: Double, _ y: borrowing Columns, _ yStart: Int,
    _ yCount: Int, _ yWeight: Double
  ) -> Double {
    // Either side may be taken as the one whose words each pair at most once.
    var paired = 0.0
    for i in xStart..<(xStart + xCount) {
      let wi = x.weight[i]
      var best = 0.0
      for j in yStart..<(yStart + yCount) {
        let w = min(wi, y.weight[j])
        guard w > best, compatible(x, i, y, j) else { continue }
        best = w
        if best >= wi { break }
      }
      paired += best
    }
    let containment = paired / min(xWeight, yWeight)
    let dice = 2 * paired / (xWeight + yWeight)
    return min(1, (containment + dice) / 2) + 1e-9
  }

  /// Whether two words can pair with a score above 0 (see the type's notes).
  @inline(__always)
  private static func compatible(_ x: borrowing Columns, _ i: Int, _ y: borrowing Columns, _ j: Int) -> Bool {
    if x.wordID[i] >= 0 && x.wordID[i] == y.wordID[j] { return true }
    if !x.isASCII[i] || !y.isASCII[j] { return true }
    let (li, lj) = (x.wordLength[i], y.wordLength[j])
    guard li >= 4, lj >= 4, x.firstByte[i] == y.firstByte[j] else { return false }
    return 2 * min(li, lj) >= max(li, lj)
  }
}
