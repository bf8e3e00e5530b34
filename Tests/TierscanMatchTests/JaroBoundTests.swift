import Testing
import TierscanTestSupport
@testable import TierscanMatch

/// ``JaroBound/softCap(_:_:_:_:)`` never says "cannot pair" of two words that
/// ``TokenSimilarity`` would pair, and never caps below their Jaro-Winkler similarity.
@Suite struct JaroBoundTests {
  /// Random words over small alphabets (so that many pairs reach 0.9) and typo variants of them.
  @Test(arguments: ["abc", "abcdeo0", "tjnyh0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"])
  func capIsAnUpperBoundOfEveryPairingScore(alphabet: String) {
    let letters = Array(alphabet.utf8)
    var rng = SplitMix64(state: UInt64(letters.count))
    var (paired, refused) = (0, 0)
    for _ in 0..<20_000 {
      let a = (0..<(4 + Int(rng.next() % 9))).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }
      var b = a
      switch rng.next() % 4 {
      case 0: b = (0..<(4 + Int(rng.next() % 9))).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }
      case 1: b[Int(rng.next() % UInt64(b.count))] = letters[Int(rng.next() % UInt64(letters.count))]
      case 2: b.swapAt(1 + Int(rng.next() % UInt64(b.count - 1)), Int(rng.next() % UInt64(b.count)))
      default: b.append(letters[Int(rng.next() % UInt64(letters.count))])
      }
      b[0] = a[0]
      guard a != b else { continue }
      let jw = JaroWinkler.similarity(a, b)
      let cap = JaroBound.softCap(JaroBound.letters(a), a.count, JaroBound.letters(b), b.count)
      if jw >= TokenSimilarity.softThreshold {
        paired += 1
        #expect(cap != nil, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self)): \(jw) refused")
        if let cap { #expect(cap >= jw, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self)): cap \(cap) < \(jw)") }
      } else if cap == nil {
        refused += 1
      }
    }
    // Both outcomes must occur, or the test proves nothing.
    #expect(paired > 100)
    #expect(refused > 100)
  }

  @Test func examples() {
    func cap(_ a: String, _ b: String) -> Double? {
      JaroBound.softCap(JaroBound.letters(a.utf8), a.utf8.count, JaroBound.letters(b.utf8), b.utf8.count)
    }
    #expect(cap("tjnyh", "tabcd") == nil)
    #expect(cap("t0001", "tjob0") == nil)
    #expect(cap("textile", "textil") != nil)
    #expect(cap("guangzhou", "gaungzhou") != nil)
    #expect(cap("abcd", "abcdefghi") == nil)
  }
}
