import Testing
import TierscanCore

@testable import TierscanRisk

/// The Latin-1 / Latin Extended-A table path of ``NameKeyCache`` must give exactly the bytes of
/// ``NameNormalizer/normalize(_:)`` (compared as UTF-8 bytes, not by Unicode equivalence).
@Suite struct NameKeyLatinTests {
  private func expectSameBytes(_ names: [String], normalizer: NameNormalizer) {
    var cache = NameKeyCache(normalizer: normalizer)
    for name in names {
      let fast = Array(cache.key(name).utf8)
      let slow = Array(normalizer.normalize(name).utf8)
      #expect(fast == slow, "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func everyCharacterOfTheRangeAlone() {
    let names = (0x80..<0x180).compactMap(Unicode.Scalar.init).flatMap { scalar -> [String] in
      let c = String(Character(scalar))
      return [c, "x" + c + "y", "Foo " + c + " Ltd", c + c, "ab" + c, c + ".Co"]
    }
    expectSameBytes(names, normalizer: NameNormalizer())
  }

  /// Names made only of one character, alone or between single-letter words: the most words
  /// and bytes a name of that length can give (the cache writes into a buffer sized for that).
  @Test func longestExpansions() {
    let names = (0x80..<0x180).compactMap(Unicode.Scalar.init).flatMap { scalar -> [String] in
      let c = String(Character(scalar))
      return [String(repeating: c, count: 40), String(repeating: "a" + c, count: 40), String(repeating: c + " ", count: 40)]
    }
    expectSameBytes(names + ["x", "x y", String(repeating: "a ", count: 100)], normalizer: NameNormalizer())
  }

  @Test func handPickedNames() {
    // ß folds to "ss", æ stays a letter, ½ becomes "1 2", NBSP and soft hyphen separate.
    var cache = NameKeyCache(normalizer: NameNormalizer())
    #expect(cache.key("Straße Ltd") == "strasse")
    #expect(cache.key("Société Générale S.A.") == "societe generale")
    #expect(cache.key("Çelik\u{A0}Metal A.Ş.") == "celik metal")  // "as" is a legal form
    #expect(cache.key("½ Co") == "1 2")
    expectSameBytes(["Straße Ltd", "Ærø Œuvre", "ŉ ĳ ſ Ŀ", "Ødegård AS", "Ĳssel BV", "Þór ehf"], normalizer: NameNormalizer())
  }

  @Test func randomNamesMatchTheNormalizer() {
    var state: UInt64 = 0x5EED
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let ascii = Array("abcXYZ019 .,'-&()/\t")
    let words = ["Ltd", "S.A.", "Co", "GmbH", "A.Ş.", "ApS", "Oy", "plc", "ß", "ÅB"]
    var names: [String] = []
    for _ in 0..<4000 {
      var name = ""
      for _ in 0..<(next() % 14) {
        switch next() % 4 {
        case 0: name.append(ascii[next() % ascii.count])
        case 1: name += " " + words[next() % words.count]
        default: name.unicodeScalars.append(Unicode.Scalar(UInt32(0x80 + next() % 0x100))!)
        }
      }
      names.append(name)
    }
    expectSameBytes(names, normalizer: NameNormalizer())
    expectSameBytes(names, normalizer: NameNormalizer(legalForms: ["ss", "åb", "ab", "ß", "1", "Ltd"]))
  }
}
