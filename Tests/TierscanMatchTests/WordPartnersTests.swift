import Testing
import TierscanTestSupport
@testable import TierscanMatch

/// ``WordPartners`` reports exactly the words ``TokenSimilarity`` pairs with a word (both of four
/// bytes or more, the same first byte, Jaro-Winkler ≥ 0.9), each with its similarity: compared with
/// a scan of every word, on codes (`t` + four of [a-z0-9], with and without digits, typos of each
/// other), real words of the Open Supply Hub names, random words of 4 to 30 bytes, and words
/// extended to the border lengths (`b = 2a`: Jaro-Winkler exactly 0.9). Leaving out either look-up
/// ((a) the same three first bytes, (b) a shared sub-multiset) must lose partners.
@Suite struct WordPartnersTests {
  static let codeLetters = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
  static let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)

  static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

  /// The vocabulary and the words looked up (the vocabulary and as many more, not indexed).
  static func words(seed: UInt64) throws -> (vocabulary: [[UInt8]], queries: [[UInt8]]) {
    var rng = SplitMix64(state: seed)
    var all: [[UInt8]] = []
    func code() -> [UInt8] {
      let alphabet = rng.next() % 4 == 0 ? letters : codeLetters
      return [UInt8(ascii: "t")] + (0..<4).map { _ in pick(alphabet, &rng) }
    }
    func typo(_ word: [UInt8]) -> [UInt8] {
      var w = word
      let i = 1 + Int(rng.next() % UInt64(w.count - 1))
      switch rng.next() % 4 {
      case 0: w[i] = pick(codeLetters, &rng)
      case 1: if i + 1 < w.count { w.swapAt(i, i + 1) }
      case 2: if w.count > 4 { w.remove(at: i) }
      default: w.insert(pick(letters, &rng), at: i)
      }
      return w
    }
    for _ in 0..<1_500 { all.append(code()) }
    var real: [[UInt8]] = []
    for facility in try LabelledPairs.facilities() {
      for word in facility.name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
        let bytes = Array(word.utf8)
        if bytes.count >= 3, bytes.allSatisfy({ $0 < 0x80 }) { real.append(bytes) }
      }
    }
    all += real.prefix(1_500)
    for _ in 0..<600 {
      let length = 4 + Int(rng.next() % 27)
      let alphabet = rng.next() % 2 == 0 ? Array("sabcde".utf8) : letters
      all.append([UInt8(ascii: "s")] + (1..<length).map { _ in pick(alphabet, &rng) })
    }
    // Typos and border lengths of some of them: a word and itself plus up to as many bytes again.
    for _ in 0..<1_200 {
      let word = pick(all, &rng)
      guard word.count >= 4 else { continue }
      switch rng.next() % 3 {
      case 0: all.append(typo(word))
      case 1: all.append(typo(typo(word)))
      default:
        let extra = 1 + Int(rng.next() % UInt64(word.count))
        all.append(word + (0..<extra).map { _ in pick(letters, &rng) })
      }
    }
    var unique: [[UInt8]] = []
    var seen = Set<[UInt8]>()
    for word in all where seen.insert(word).inserted { unique.append(word) }
    let vocabulary = unique.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    return (vocabulary, unique)
  }

  /// The reference: every word scanned with the scorer's rule.
  static func expected(_ u: [UInt8], _ vocabulary: [[UInt8]]) -> [Int32: Double] {
    var result: [Int32: Double] = [:]
    guard u.count >= 4, u.count <= WordPartners.maxLength else { return result }
    for (id, v) in vocabulary.enumerated() where v != u && v.count >= 4 && v.count <= WordPartners.maxLength && v[0] == u[0] {
      let similarity = JaroWinkler.similarity(u, v)
      if similarity >= TokenSimilarity.softThreshold { result[Int32(id)] = similarity }
    }
    return result
  }

  /// Words whose partners differ from the reference's, and the partners found over all words.
  static func compare(_ rules: WordPartners.Rules, seed: UInt64) throws -> (wrong: [String], found: Int) {
    let (vocabulary, queries) = try words(seed: seed)
    let index = WordPartners(words: vocabulary.enumerated().map { (Int32($0.offset), $0.element) }, rules: rules)
    var wrong: [String] = []
    var found = 0
    var scratch = WordPartners.Scratch()
    for u in queries {
      var actual: [Int32: Double] = [:]
      var repeated = false
      u.withUnsafeBytes { bytes in
        index.forEachPartner(of: bytes, &scratch) { id, similarity in
          if actual.updateValue(similarity, forKey: id) != nil { repeated = true }
        }
      }
      let expected = Self.expected(u, vocabulary)
      if actual != expected || repeated { wrong.append(String(decoding: u, as: UTF8.self)) }
      found += expected.count
    }
    return (wrong, found)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func findsExactlyTheScorersPartners(seed: UInt64) throws {
    let (wrong, found) = try Self.compare(.all, seed: seed)
    #expect(wrong.isEmpty, "\(wrong.count) words, e.g. \(wrong.prefix(5))")
    #expect(found > 1_000, "the words must have partners: \(found)")
  }

  /// Words with digits looked up among words without (buckets with no digit: only the bytes that
  /// are not digits are hashed, and the run of the first three bytes is skipped when they hold a
  /// digit): the same partners as the scan, on the test words without a digit, queried with every
  /// test word and with copies of them whose bytes after the first are turned to digits here and
  /// there (`tabcd` → `tab4d`, `t0bcd`, `tabc12`).
  @Test(arguments: [1, 2] as [UInt64])
  func findsThePartnersOfWordsWithDigitsAmongWordsWithout(seed: UInt64) throws {
    var rng = SplitMix64(state: seed)
    let (all, queries) = try Self.words(seed: seed)
    let digits = Array("0123456789".utf8)
    let vocabulary = all.filter { !$0.contains { $0 >= 0x30 && $0 <= 0x39 } }
    var extra: [[UInt8]] = []
    for word in vocabulary where word.count >= 4 {
      for _ in 0..<2 {
        var w = word
        for _ in 0..<(1 + Int(rng.next() % 2)) {
          let i = 1 + Int(rng.next() % UInt64(w.count - 1))
          if rng.next() % 4 == 0 { w.insert(Self.pick(digits, &rng), at: i) } else { w[i] = Self.pick(digits, &rng) }
        }
        extra.append(w)
      }
    }
    let index = WordPartners(words: vocabulary.enumerated().map { (Int32($0.offset), $0.element) })
    var scratch = WordPartners.Scratch()
    var wrong: [String] = []
    var found = 0
    for u in queries + extra {
      var actual: [Int32: Double] = [:]
      u.withUnsafeBytes { bytes in index.forEachPartner(of: bytes, &scratch) { actual[$0] = $1 } }
      let expected = Self.expected(u, vocabulary)
      if actual != expected { wrong.append(String(decoding: u, as: UTF8.self)) }
      if u.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { found += expected.count }
    }
    #expect(wrong.isEmpty, "\(wrong.count) words, e.g. \(wrong.prefix(5))")
    #expect(found > 300, "words with digits must have partners: \(found)")
  }

  /// Either look-up alone misses partners: (b) those of `p ≤ 2` (`tabcd`/`tacbd`), (a) those of a
  /// long common prefix and few matched bytes (`abcde`/`abcdexyzw`).
  @Test func eachLookUpIsNeeded() throws {
    #expect(try !Self.compare(.prefix, seed: 1).wrong.isEmpty)
    #expect(try !Self.compare(.multiset, seed: 1).wrong.isEmpty)
  }

  /// The border case: `b = 2a` with every byte of the shorter matched is exactly 0.9 when the
  /// prefix is four bytes, and is found.
  @Test func findsTheBorderLength() {
    let vocabulary: [[UInt8]] = [Array("tabcdxyzw".utf8), Array("tabcwxyz".utf8)] + (0..<40).map { Array("tq\($0 + 100)z".utf8) }
    let index = WordPartners(words: vocabulary.enumerated().map { (Int32($0.offset), $0.element) })
    var scratch = WordPartners.Scratch()
    for u in [Array("tabcd".utf8), Array("tabc".utf8)] {
      var actual: [Int32: Double] = [:]
      u.withUnsafeBytes { index.forEachPartner(of: $0, &scratch) { actual[$0] = $1 } }
      #expect(actual == Self.expected(u, vocabulary))
    }
  }
}
