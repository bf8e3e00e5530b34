import TierscanCore

/// A record's names as ``MatchNameParser`` splits them — each name's tokens, then its qualifiers
/// — held as byte ranges of one reused buffer instead of ``MatchName``s of strings: what the
/// screening of a million entities reads for its blocking keys and its gate, with no string, set
/// or array made per name (docs/entity-resolution.md §4.1).
///
/// ASCII names are parsed here, by bytes, with the parser's steps (``appendParsed(_:)``); other
/// names go through ``MatchNameParser`` and their words are copied in. `NameWordsTests` checks
/// that both give exactly the parser's tokens and qualifiers.
public struct NameWords: Sendable {
  /// One name: words `firstWord ..< coreEnd` are its tokens, `coreEnd ..< end` its qualifiers.
  public struct Name: Sendable, Equatable {
    public var firstWord: Int
    public var coreEnd: Int
    public var end: Int
  }

  /// The words' bytes, back to back; word `i` is `bytes[wordStarts[i] ..< wordStarts[i + 1]]`.
  public private(set) var bytes: [UInt8] = []
  public private(set) var wordStarts: [Int] = [0]
  public private(set) var names: [Name] = []

  // Per-name working memory (reused).
  private var core: [UInt8] = []
  private var bracketed: [UInt8] = []
  private var split: [Range<Int>] = []
  private var joined: [UInt8] = []
  private var joinedRanges: [Range<Int>] = []
  private var legalIDs: [Int32] = []
  private var kept: [Int] = []
  private let parser = MatchNameParser()

  /// Empty.
  public init() {}

  /// Number of words over all names.
  public var wordCount: Int { wordStarts.count - 1 }

  /// Word `i`'s bytes.
  @inline(__always)
  public func word(_ i: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
    bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[wordStarts[i]..<wordStarts[i + 1]])) }
  }

  /// Forgets every name.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    wordStarts.removeAll(keepingCapacity: true)
    wordStarts.append(0)
    names.removeAll(keepingCapacity: true)
  }

  /// Appends a record's names as ``PreparedRecord/names(_:aliases:parser:)`` takes them: the
  /// name and its first ``PreparedRecord/maxNames`` − 1 aliases, empty names left out (a repeated
  /// name is kept: every use of these words is a set or a best pair, which a repeat changes not).
  public mutating func append(_ name: String, aliases: [String]) {
    appendParsed(name)
    for alias in aliases.prefix(PreparedRecord.maxNames - 1) { appendParsed(alias) }
  }

  /// Appends one parsed name (nothing when it is empty).
  public mutating func appendParsed(_ name: String) {
    var name = name
    name.withUTF8 { appendParsed(utf8: $0) }
  }

  /// ``appendParsed(_:)`` of a name given as its UTF-8 bytes (a string made only when the name
  /// is not ASCII).
  public mutating func appendParsed(utf8: UnsafeBufferPointer<UInt8>) {
    if utf8.allSatisfy({ $0 < 0x80 }) {
      appendASCII(utf8)
      return
    }
    let parsed = parser.parse(String(decoding: utf8, as: UTF8.self))
    guard !parsed.isEmpty else { return }
    let first = wordCount
    for word in parsed.tokens { appendWord(word.utf8) }
    let coreEnd = wordCount
    for word in parsed.qualifiers { appendWord(word.utf8) }
    names.append(Name(firstWord: first, coreEnd: coreEnd, end: wordCount))
  }

  private mutating func appendWord<Bytes: Sequence<UInt8>>(_ word: Bytes) {
    bytes.append(contentsOf: word)
    wordStarts.append(bytes.count)
  }

  /// ``MatchNameParser/parse(_:)`` of an ASCII name, step by step on bytes.
  private mutating func appendASCII(_ name: UnsafeBufferPointer<UInt8>) {
    core.removeAll(keepingCapacity: true)
    bracketed.removeAll(keepingCapacity: true)
    MatchNameParser.split(name, core: &core, bracketed: &bracketed)
    let first = wordCount
    appendWordsWithoutLegalForms(ofCore: true)
    let coreEnd = wordCount
    appendWordsWithoutLegalForms(ofCore: false)
    if wordCount == first { return }
    names.append(Name(firstWord: first, coreEnd: coreEnd, end: wordCount))
  }

  /// Splits the core or the bracketed text into words,
  /// joins runs of one-letter words, removes legal forms (``MatchNameParser/removeLegalForms(_:into:)``)
  /// and appends what is kept.
  private mutating func appendWordsWithoutLegalForms(ofCore: Bool) {
    // Split at spaces.
    split.removeAll(keepingCapacity: true)
    let text = ofCore ? core : bracketed
    var start = -1
    for (i, b) in text.enumerated() {
      if b == 0x20 {
        if start >= 0 { split.append(start..<i) }
        start = -1
      } else if start < 0 {
        start = i
      }
    }
    if start >= 0 { split.append(start..<text.count) }
    // Join runs of one-letter words (a–z): `s a de c v` → `sa de cv`.
    joined.removeAll(keepingCapacity: true)
    joinedRanges.removeAll(keepingCapacity: true)
    var runStart = -1
    for range in split {
      if range.count == 1, text[range.lowerBound] >= 0x61, text[range.lowerBound] <= 0x7A {
        if runStart < 0 { runStart = joined.count }
        joined.append(text[range.lowerBound])
      } else {
        if runStart >= 0 { joinedRanges.append(runStart..<joined.count) }
        runStart = -1
        let s = joined.count
        joined.append(contentsOf: text[range])
        joinedRanges.append(s..<joined.count)
      }
    }
    if runStart >= 0 { joinedRanges.append(runStart..<joined.count) }
    guard !joinedRanges.isEmpty else { return }
    // Legal forms, on the words' ids in the legal-form vocabulary.
    let table = LegalFormTable.shared
    legalIDs.removeAll(keepingCapacity: true)
    joined.withUnsafeBytes { bytes in
      for range in joinedRanges { legalIDs.append(table.words.index(of: UnsafeRawBufferPointer(rebasing: bytes[range])) ?? -1) }
    }
    kept.removeAll(keepingCapacity: true)
    var i = 0
    outer: while i < legalIDs.count {
      let id = legalIDs[i]
      if id >= 0 && table.isPhraseStart[Int(id)] {
        for phrase in table.phrases where i + phrase.count <= legalIDs.count {
          if legalIDs[i] == phrase[0], legalIDs[i..<(i + phrase.count)].elementsEqual(phrase) {
            i += phrase.count
            continue outer
          }
        }
      }
      if !(id >= 0 && table.isAnywhere[Int(id)]) { kept.append(i) }
      i += 1
    }
    func atEdge(_ k: Int) -> Bool { legalIDs[k] >= 0 && table.isAtEdge[Int(legalIDs[k])] }
    var (low, high) = (0, kept.count)
    while high - low > 1, atEdge(kept[high - 1]) { high -= 1 }
    while high - low > 1, atEdge(kept[low]) { low += 1 }
    if high == low {
      // A name made only of legal forms keeps them all.
      for range in joinedRanges { appendWord(joined[range]) }
    } else {
      for k in low..<high { appendWord(joined[joinedRanges[kept[k]]]) }
    }
  }
}

/// ``LegalForms`` by bytes: its words interned, each with its kinds, and the phrases as word ids
/// in ``LegalForms/phrases``' order.
struct LegalFormTable: Sendable {
  static let shared = LegalFormTable()

  var words = ByteInterner()
  var isPhraseStart: [Bool] = []
  var isAnywhere: [Bool] = []
  var isAtEdge: [Bool] = []
  var phrases: [[Int32]] = []

  private init() {
    var all = LegalForms.anywhere.union(LegalForms.atEdge)
    for phrase in LegalForms.phrases { all.formUnion(phrase) }
    for word in all.sorted() { _ = words.intern(word) }
    for i in 0..<words.count {
      let word = words.string(at: i)
      isPhraseStart.append(LegalForms.phraseStarts.contains(word))
      isAnywhere.append(LegalForms.anywhere.contains(word))
      isAtEdge.append(LegalForms.atEdge.contains(word))
    }
    phrases = LegalForms.phrases.map { $0.map { words.index(of: $0)! } }
  }
}
