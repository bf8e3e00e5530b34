import Foundation
import Testing

@testable import TierscanMatch
import TierscanTestSupport

/// ``LatinFold``'s table gives exactly ICU's `Any-Latin; Latin-ASCII` result, so names folded
/// without ICU parse as before (outputs unchanged).
@Suite struct LatinFoldTests {
  static func icu(_ text: String) -> String? {
    text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false)
  }

  @Test func tableCoversTheCommonAccentedLetters() {
    for (text, folded) in [("São", "Sao"), ("A.Ş.", "A.S."), ("Çelik", "Celik"), ("Đức", "Duc"), ("Nguyễn", "Nguyen"), ("Türkiye", "Turkiye")] {
      #expect(LatinFold.fold(text) == folded)
      #expect(Self.icu(text) == folded)
    }
    // Ligatures, combining marks and other scripts are left to ICU.
    for text in ["Æon", "Straße", "cafe\u{301}", "塔里木", "Ромашка", "Ĳssel"] { #expect(LatinFold.fold(text) == nil) }
  }

  /// Random names of ASCII and table letters (each table letter at least once, beside upper- and
  /// lower-case letters, digits, spaces and punctuation): the table's fold equals ICU's.
  @Test func randomMixesFoldAsICUFolds() {
    let letters = (LatinFold.first...LatinFold.last).compactMap { value -> Character? in
      LatinFold.table[Int(value - LatinFold.first)] == 0 ? nil : Unicode.Scalar(value).map(Character.init)
    }
    #expect(letters.count > 300)
    let ascii = Array("AbcXyz09 .,&-()'Q")
    var rng = SplitMix64(seed: 3)
    var checked = 0
    for (i, letter) in letters.enumerated() {
      for _ in 0..<4 {
        var text = String(letter)
        for _ in 0..<Int(rng.next() % 8) {
          let pickLetter = rng.next() % 2 == 0
          text.append(pickLetter ? letters[Int(rng.next() % UInt64(letters.count))] : ascii[Int(rng.next() % UInt64(ascii.count))])
        }
        if i % 2 == 1 { text = "x" + text }
        #expect(LatinFold.fold(text) == Self.icu(text), "\(text)")
        checked += 1
      }
    }
    #expect(checked == letters.count * 4)
  }

  /// Every real facility name of the Open Supply Hub lists that the table folds folds as ICU does.
  @Test func realFacilityNamesFoldAsICUFolds() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../../shared/realdata/facilities/opensupplyhub_facility_lists")
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !files.isEmpty else {
      print("LatinFoldTests: ../shared/realdata not found; real names not checked")
      return
    }
    var folded = 0
    for file in files.sorted() where file.hasSuffix(".csv") {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") where line.utf8.contains(where: { $0 >= 0x80 }) {
        let line = String(line)
        guard let fast = LatinFold.fold(line) else { continue }
        #expect(fast == Self.icu(line), "\(file): \(line)")
        folded += 1
      }
    }
    #expect(folded > 0)
  }
}
