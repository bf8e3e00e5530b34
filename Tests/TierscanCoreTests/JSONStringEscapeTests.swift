import Testing
@testable import TierscanCore
import TierscanTestSupport

@Suite struct JSONStringEscapeTests {
  @Test func namedAndNumericEscapes() {
    var out: [UInt8] = []
    JSONWriter.writeString("a\"b\\c\nd\re\tf\u{1}\u{1F}\u{7F}\u{2028}\u{2029}→–€é", into: &out)
    #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\nd\re\tf\u0001\u001f\u007f\u2028\u2029→–€é""#)
  }

  /// Random strings over an alphabet of every escaped character, characters whose UTF-8 starts
  /// with E2 like U+2028 (`→`, `–`, `€`, U+2000, U+202F), other multi-byte characters and plain
  /// ASCII: the run-copying writer gives the bytes of the scalar-by-scalar reference.
  @Test func equalsTheScalarByScalarReference() {
    let alphabet: [Character] = [
      "a", "Z", " ", "0", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{2028}",
      "\u{2029}", "\u{2027}", "\u{202A}", "\u{2000}", "\u{202F}", "→", "–", "€", "é", "Đ", "中", "😀", "\r\n",
    ]
    var generator = SplitMix64(seed: 21)
    for length in [0, 1, 2, 3, 5, 17, 200] {
      for _ in 0..<300 {
        let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        var fast: [UInt8] = []
        var reference: [UInt8] = []
        JSONWriter.writeString(text, into: &fast)
        JSONWriter.writeStringByScalars(text, into: &reference)
        #expect(fast == reference, "\(Array(text.unicodeScalars.map(\.value)))")
      }
    }
  }
}
