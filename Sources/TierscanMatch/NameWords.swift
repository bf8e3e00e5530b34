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
  private var joined: [UInt8] = []
  private var joinedStarts: [Int32] = []
  private var legalIDs: [Int32] = []
  private var kept: [Int32] = []
  private var folded: [UInt8] = []
  /// While ``matchName(_:)`` parses: the legal forms removed (``MatchName/legalForms``), and the
  /// word spans (start, end in the joined words) of one text's removals, reused.
  private var recordsForms = false
  private var forms: [String] = []
  private var formSpans: [Int32] = []
  private var formBytes: [UInt8] = []
  /// The distinct lists of legal forms ``matchName(_:)`` returned (at most ``sharedFormListLimit``):
  /// a name's list is one of them when equal, so the names of a million records share a few
  /// dozen arrays (`ltd`, `co ltd`, `inc`…) instead of one array each.
  private var formLists: [[String]] = []
  private static let sharedFormListLimit = 64
  private let parser = MatchNameParser()
  /// This value's own table, not ``LegalFormTable/shared``: a name's parse retains and releases
  /// it, and on one object that both workers' readers share, those counts went from core to core
  /// a million times in `resolve`'s records (built in ~0.1 ms, once per reader).
  private let legal = LegalFormTable()

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
  /// is neither ASCII nor folded by ``LatinFold``'s table).
  public mutating func appendParsed(utf8: UnsafeBufferPointer<UInt8>) {
    if Self.isASCII(utf8) {
      appendASCII(utf8)
      return
    }
    // The parser folds such a name by the table (``MatchNameParser/fold(_:)``) and then parses the
    // ASCII text as it parses any ASCII name: so the same here, by bytes.
    if foldLatin(utf8) {
      var folded: [UInt8] = []
      swap(&folded, &self.folded)
      folded.withUnsafeBufferPointer { appendASCII($0) }
      swap(&folded, &self.folded)
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

  /// ``MatchNameParser/parse(_:)`` of `name`, with the same tokens, qualifiers and legal forms:
  /// by bytes when the name is ASCII or folded by ``LatinFold``'s table (as ``appendParsed(_:)``
  /// parses it), by the parser otherwise. Forgets the names appended before (this value is then
  /// only the working memory of the parse). `NameWordsTests` checks it against the parser.
  public mutating func matchName(_ name: String) -> MatchName {
    var name = name
    return name.withUTF8 { matchName(utf8: $0) }
  }

  /// ``matchName(_:)`` of the name whose UTF-8 bytes are `utf8` (an entity table's bytes: no
  /// string is made for an ASCII name or one ``LatinFold``'s table folds).
  public mutating func matchName(utf8: UnsafeBufferPointer<UInt8>) -> MatchName {
    removeAll()
    forms.removeAll(keepingCapacity: true)
    if Self.isASCII(utf8) {
      recordsForms = true
      appendASCII(utf8)
    } else if foldLatin(utf8) {
      recordsForms = true
      var folded: [UInt8] = []
      swap(&folded, &self.folded)
      folded.withUnsafeBufferPointer { appendASCII($0) }
      swap(&folded, &self.folded)
    } else {
      return parser.parse(String(decoding: utf8, as: UTF8.self))
    }
    recordsForms = false
    guard let parsed = names.last else { return MatchName(tokens: []) }
    return bytes.withUnsafeBufferPointer { bytes in
      func word(_ w: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStarts[w]..<wordStarts[w + 1]]), as: UTF8.self) }
      return MatchName(
        tokens: (parsed.firstWord..<parsed.coreEnd).map(word), qualifiers: (parsed.coreEnd..<parsed.end).map(word),
        legalForms: sharedForms())
    }
  }

  /// Whether every byte of `utf8` is below 0x80, read eight bytes at a time (a name is ~25
  /// bytes: a byte loop was ~4 % of `resolve`'s records).
  static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = utf8.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let count = utf8.count
    var bits: UInt64 = 0
    var k = 0
    while k + 8 <= count {
      bits |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      k += 8
    }
    while k < count {
      bits |= UInt64(base[k])
      k += 1
    }
    return bits & 0x8080_8080_8080_8080 == 0
  }

  /// ``forms`` as an array equal to it: one of ``formLists`` (added when new and there is room),
  /// or a copy. ``forms`` keeps its own buffer for the next name.
  private mutating func sharedForms() -> [String] {
    if forms.isEmpty { return [] }
    for list in formLists where list == forms { return list }
    let copy = [String](unsafeUninitializedCapacity: forms.count) { buffer, initialized in
      for (k, form) in forms.enumerated() { (buffer.baseAddress! + k).initialize(to: form) }
      initialized = forms.count
    }
    if formLists.count < Self.sharedFormListLimit { formLists.append(copy) }
    return copy
  }

  /// Appends names already parsed (``PreparedRecord/names``), each as its tokens then its
  /// qualifiers, in order; an empty name is left out (as ``appendParsed(_:)`` leaves it out).
  public mutating func append(parsed: [MatchName]) {
    for name in parsed where !name.isEmpty {
      let first = wordCount
      for word in name.tokens { appendWord(word.utf8) }
      let coreEnd = wordCount
      for word in name.qualifiers { appendWord(word.utf8) }
      names.append(Name(firstWord: first, coreEnd: coreEnd, end: wordCount))
    }
  }

  /// Writes ``LatinFold/fold(_:)`` of the name whose UTF-8 bytes are `utf8` into ``folded``:
  /// ASCII bytes as they are, each character of the table as its ASCII byte; `false` when some
  /// character is neither (or the bytes are not well-formed UTF-8: then the parser's string has
  /// U+FFFD, which the table has not either).
  private mutating func foldLatin(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    folded.removeAll(keepingCapacity: true)
    let table = LatinFold.table
    let (first, last) = (LatinFold.first, LatinFold.last)
    let n = utf8.count
    var k = 0
    while k < n {
      let lead = utf8[k]
      if lead < 0x80 {
        folded.append(lead)
        k += 1
        continue
      }
      let value: UInt32
      if lead >= 0xC2 && lead <= 0xDF {
        // Two bytes: U+0080 ... U+07FF.
        guard k + 1 < n, utf8[k + 1] & 0xC0 == 0x80 else { return false }
        value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[k + 1] & 0x3F)
        k += 2
      } else if lead == 0xE0 || lead == 0xE1 {
        // Three bytes up to U+1FFF (the table ends at U+1EFF); E0 80 ... E0 9F would be overlong.
        guard k + 2 < n, utf8[k + 1] & 0xC0 == 0x80, utf8[k + 2] & 0xC0 == 0x80 else { return false }
        value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[k + 1] & 0x3F) << 6 | UInt32(utf8[k + 2] & 0x3F)
        guard value >= 0x800 else { return false }
        k += 3
      } else {
        return false
      }
      guard value >= first, value <= last else { return false }
      let byte = table[Int(value - first)]
      guard byte != 0 else { return false }
      folded.append(byte)
    }
    return true
  }

  private mutating func appendWord<Bytes: Sequence<UInt8>>(_ word: Bytes) {
    bytes.append(contentsOf: word)
    wordStarts.append(bytes.count)
  }

  /// ``MatchNameParser/parse(_:)`` of an ASCII name, step by step on bytes: the parser's split
  /// (``MatchNameParser/split(_:core:bracketed:)``) written into reused buffers by pointer, then the
  /// core and the bracketed text each made into words (no array grows per byte or per word).
  private mutating func appendASCII(_ name: UnsafeBufferPointer<UInt8>) {
    // A byte becomes at most five (`&` → ` and `).
    let room = name.count * 5 + 1
    if core.count < room {
      core = [UInt8](repeating: 0, count: room)
      bracketed = [UInt8](repeating: 0, count: room)
    }
    var (coreCount, bracketedCount) = (0, 0)
    core.withUnsafeMutableBufferPointer { core in
      bracketed.withUnsafeMutableBufferPointer { bracketed in
        var depth = 0
        for byte in name {
          switch byte {
          case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            core[coreCount] = 0x20
            coreCount += 1
            bracketed[bracketedCount] = 0x20
            bracketedCount += 1
          case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth = max(0, depth - 1)
            core[coreCount] = 0x20
            coreCount += 1
            bracketed[bracketedCount] = 0x20
            bracketedCount += 1
          case UInt8(ascii: "&"), UInt8(ascii: "+"):
            for b in [0x20, 0x61, 0x6E, 0x64, 0x20] as [UInt8] {
              if depth > 0 {
                bracketed[bracketedCount] = b
                bracketedCount += 1
              } else {
                core[coreCount] = b
                coreCount += 1
              }
            }
          case UInt8(ascii: "'"):
            continue
          default:
            let b: UInt8
            switch byte {
            case 0x41...0x5A: b = byte | 0x20
            case 0x61...0x7A, 0x30...0x39: b = byte
            default: b = 0x20
            }
            if depth > 0 {
              bracketed[bracketedCount] = b
              bracketedCount += 1
            } else {
              core[coreCount] = b
              coreCount += 1
            }
          }
        }
      }
    }
    let first = wordCount
    appendWordsWithoutLegalForms(ofCore: true, count: coreCount)
    let coreEnd = wordCount
    appendWordsWithoutLegalForms(ofCore: false, count: bracketedCount)
    if wordCount == first { return }
    names.append(Name(firstWord: first, coreEnd: coreEnd, end: wordCount))
  }

  /// Splits the first `count` bytes of the core or the bracketed text into words,
  /// joins runs of one-letter words, removes legal forms (``MatchNameParser/removeLegalForms(_:into:)``)
  /// and appends what is kept. Words, their ranges and their legal-form ids are written by pointer
  /// into reused buffers.
  private mutating func appendWordsWithoutLegalForms(ofCore: Bool, count: Int) {
    guard count > 0 else { return }
    // At most one word per two bytes plus one.
    let most = count / 2 + 1
    if joinedStarts.count < most + 1 {
      let size = max(most + 1, 2 * joinedStarts.count)
      joinedStarts = [Int32](repeating: 0, count: size)
      legalIDs = [Int32](repeating: 0, count: size)
      kept = [Int32](repeating: 0, count: size)
    }
    if joined.count < count { joined = [UInt8](repeating: 0, count: max(count, 2 * joined.count)) }
    var words = 0
    var keptCount = 0
    var all = false
    let table = legal
    let recording = recordsForms
    var found: [Int32] = []
    swap(&found, &formSpans)
    found.removeAll(keepingCapacity: true)
    defer { swap(&found, &formSpans) }
    (ofCore ? core : bracketed).withUnsafeBufferPointer { text in
      joined.withUnsafeMutableBufferPointer { joined in
        joinedStarts.withUnsafeMutableBufferPointer { starts in
          legalIDs.withUnsafeMutableBufferPointer { ids in
            kept.withUnsafeMutableBufferPointer { kept in
              // Split at spaces, joining runs of one-letter words (a–z): `s a de c v` → `sa de cv`.
              // Word `k` is `joined[starts[k] ..< starts[k + 1]]`.
              var length = 0
              var inRun = false
              var i = 0
              while i < count {
                if text[i] == 0x20 {
                  i += 1
                  continue
                }
                var j = i + 1
                while j < count && text[j] != 0x20 { j += 1 }
                if j - i == 1, text[i] >= 0x61, text[i] <= 0x7A {
                  if !inRun {
                    starts[words] = Int32(length)
                    words += 1
                    inRun = true
                  }
                  joined[length] = text[i]
                  length += 1
                } else {
                  inRun = false
                  starts[words] = Int32(length)
                  words += 1
                  for k in i..<j { joined[length + k - i] = text[k] }
                  length += j - i
                }
                i = j
              }
              starts[words] = Int32(length)
              guard words > 0 else { return }
              // Legal forms, on the words' ids in the legal-form vocabulary.
              let raw = UnsafeRawBufferPointer(joined)
              for k in 0..<words {
                let word = UnsafeRawBufferPointer(rebasing: raw[Int(starts[k])..<Int(starts[k + 1])])
                ids[k] = table.mayBeLegalForm(word) ? table.words.index(of: word) ?? -1 : -1
              }
              var w = 0
              outer: while w < words {
                let id = ids[w]
                if id >= 0 && table.isPhraseStart[Int(id)] {
                  // The phrases beginning with this word, in ``LegalForms/phrases``' order.
                  for q in table.phrasesOfStart[Int(id)]..<table.phrasesOfStart[Int(id) + 1] {
                    let p = Int(table.phrasesByStart[q])
                    let (from, to) = (table.phraseStarts[p], table.phraseStarts[p + 1])
                    guard w + to - from <= words else { continue }
                    var equal = true
                    for k in from..<to where ids[w + k - from] != table.phraseWords[k] {
                      equal = false
                      break
                    }
                    if equal {
                      if recording {
                        found.append(Int32(w))
                        found.append(Int32(w + to - from))
                      }
                      w += to - from
                      continue outer
                    }
                  }
                }
                if !(id >= 0 && table.isAnywhere[Int(id)]) {
                  kept[keptCount] = Int32(w)
                  keptCount += 1
                } else if recording {
                  found.append(Int32(w))
                  found.append(Int32(w + 1))
                }
                w += 1
              }
              func atEdge(_ k: Int32) -> Bool { ids[Int(k)] >= 0 && table.isAtEdge[Int(ids[Int(k)])] }
              var (low, high) = (0, keptCount)
              while high - low > 1, atEdge(kept[high - 1]) {
                if recording {
                  found.append(kept[high - 1])
                  found.append(kept[high - 1] + 1)
                }
                high -= 1
              }
              while high - low > 1, atEdge(kept[low]) {
                if recording {
                  found.append(kept[low])
                  found.append(kept[low] + 1)
                }
                low += 1
              }
              if high == low {
                // A name made only of legal forms keeps them all.
                all = true
              } else {
                for k in low..<high { kept[k - low] = kept[k] }
                keptCount = high - low
              }
            }
          }
        }
      }
    }
    guard words > 0 else { return }
    joined.withUnsafeBufferPointer { joined in
      if recording && !all {
        // The removed forms, each as its words joined by spaces (``MatchNameParser/removeLegalForms(_:into:)``).
        // A one-word form (most) is made from its bytes in place, a phrase in reused memory.
        for k in stride(from: 0, to: found.count, by: 2) {
          let (first, end) = (Int(found[k]), Int(found[k + 1]))
          if end - first == 1 {
            let word = UnsafeBufferPointer(rebasing: joined[Int(joinedStarts[first])..<Int(joinedStarts[first + 1])])
            forms.append(String(decoding: word, as: UTF8.self))
            continue
          }
          formBytes.removeAll(keepingCapacity: true)
          for w in first..<end {
            if w > first { formBytes.append(0x20) }
            formBytes.append(contentsOf: joined[Int(joinedStarts[w])..<Int(joinedStarts[w + 1])])
          }
          forms.append(String(decoding: formBytes, as: UTF8.self))
        }
      }
      if all {
        for k in 0..<words { appendWord(UnsafeBufferPointer(rebasing: joined[Int(joinedStarts[k])..<Int(joinedStarts[k + 1])])) }
      } else {
        for k in 0..<keptCount {
          let w = Int(kept[k])
          appendWord(UnsafeBufferPointer(rebasing: joined[Int(joinedStarts[w])..<Int(joinedStarts[w + 1])]))
        }
      }
    }
  }
}

/// ``LegalForms`` by bytes: its words interned, each with its kinds, and the phrases as word ids
/// in ``LegalForms/phrases``' order, flat (phrase `p` is `phraseWords[phraseStarts[p] ..< phraseStarts[p + 1]]`).
/// A class, so a name's parse reads it through one reference instead of copying its arrays.
/// Each ``NameWords`` has its own (see its `legal`).
final class LegalFormTable: Sendable {

  let words: ByteInterner
  let isPhraseStart: [Bool]
  let isAnywhere: [Bool]
  let isAtEdge: [Bool]
  let phraseWords: [Int32]
  let phraseStarts: [Int]
  /// The phrases by their first word, each word's in phrase order: those of word `id` are
  /// `phrasesByStart[phrasesOfStart[id] ..< phrasesOfStart[id + 1]]` (a name's word is checked
  /// against them only, not against every phrase).
  let phrasesByStart: [Int32]
  let phrasesOfStart: [Int]
  var phraseCount: Int { phraseStarts.count - 1 }
  /// The shapes (``shape(_:_:_:)``) of the legal-form words, as bits: a word of another shape is
  /// none of them and is not looked up (most words of a name).
  let shapes: [UInt64]

  /// A number of 14 bits from a word's first and last bytes and its length: equal words have
  /// equal shapes.
  @inline(__always)
  static func shape(_ first: UInt8, _ last: UInt8, _ length: Int) -> Int {
    Int(first & 31) << 9 | Int(last & 31) << 4 | min(length, 15)
  }

  /// `false` only when `word` is no legal-form word.
  @inline(__always)
  func mayBeLegalForm(_ word: UnsafeRawBufferPointer) -> Bool {
    guard let first = word.first, let last = word.last else { return false }
    let s = Self.shape(first, last, word.count)
    return shapes.withUnsafeBufferPointer { $0[s >> 6] & (1 << UInt64(s & 63)) != 0 }
  }

  /// A table of ``LegalForms``.
  init() {
    var words = ByteInterner()
    var all = LegalForms.anywhere.union(LegalForms.atEdge)
    for phrase in LegalForms.phrases { all.formUnion(phrase) }
    for word in all.sorted() { _ = words.intern(word) }
    var (isPhraseStart, isAnywhere, isAtEdge): ([Bool], [Bool], [Bool]) = ([], [], [])
    for i in 0..<words.count {
      let word = words.string(at: i)
      isPhraseStart.append(LegalForms.phraseStarts.contains(word))
      isAnywhere.append(LegalForms.anywhere.contains(word))
      isAtEdge.append(LegalForms.atEdge.contains(word))
    }
    var phraseWords: [Int32] = []
    var phraseStarts = [0]
    for phrase in LegalForms.phrases {
      phraseWords.append(contentsOf: phrase.map { words.index(of: $0)! })
      phraseStarts.append(phraseWords.count)
    }
    (self.words, self.isPhraseStart, self.isAnywhere, self.isAtEdge) = (words, isPhraseStart, isAnywhere, isAtEdge)
    (self.phraseWords, self.phraseStarts) = (phraseWords, phraseStarts)
    var phrasesByStart: [Int32] = []
    var phrasesOfStart = [0]
    for id in 0..<words.count {
      for p in 0..<(phraseStarts.count - 1) where phraseWords[phraseStarts[p]] == Int32(id) {
        phrasesByStart.append(Int32(p))
      }
      phrasesOfStart.append(phrasesByStart.count)
    }
    (self.phrasesByStart, self.phrasesOfStart) = (phrasesByStart, phrasesOfStart)
    var shapes = [UInt64](repeating: 0, count: (1 << 14) / 64)
    for i in 0..<words.count {
      let s = words.withBytes(at: i) { Self.shape($0.first ?? 0, $0.last ?? 0, $0.count) }
      shapes[s >> 6] |= 1 << UInt64(s & 63)
    }
    self.shapes = shapes
  }
}
