import Testing
import TierscanTestSupport
@testable import TierscanMatch

/// ``StringIDs`` (looked up by bytes while every key is ASCII) gives exactly a `[String: Int32]`
/// dictionary's ids, on random keys and queries of ASCII letters, accented letters in both
/// normalisation forms and the Kelvin sign (which Swift's `==` takes for `K`).
@Suite struct StringIDsTests {
  static let pieces = [
    "K", "k", "\u{212A}", "CN", "cn", "é", "e\u{301}", "1", "23", "Ω", "\u{2126}", "x", "", ";", "\u{037E}", "`",
    "\u{1FEF}",
  ]

  static func randomString(_ random: inout SplitMix64) -> String {
    (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
      .joined()
  }

  @Test(arguments: [0, 1, 2, 3] as [UInt64])
  func idsEqualADictionary(seed: UInt64) {
    var random = SplitMix64(seed: 0x5354_5249 &+ seed)
    var ids = StringIDs()
    var reference: [String: Int32] = [:]
    // Seeds 0 and 1: ASCII keys only (the byte path), then one non-ASCII key for seed 1.
    let asciiOnly = seed < 2
    for step in 0..<400 {
      var key = Self.randomString(&random)
      if asciiOnly && !(seed == 1 && step == 300) { key = String(key.unicodeScalars.filter(\.isASCII)) }
      if reference[key] == nil { reference[key] = Int32(reference.count) }
      #expect(ids.insert(key) == reference[key])
      #expect(ids.count == reference.count)
      for _ in 0..<20 {
        let query = Self.randomString(&random)
        #expect(ids.id(of: query) == reference[query], "\(Array(query.unicodeScalars))")
      }
    }
  }

  /// ``StringIDs/asciiDecompositions`` lists exactly the non-ASCII scalars that Swift's `==`
  /// takes for an ASCII string (of one or two characters: a canonical decomposition into more
  /// than one scalar ends in a combining mark, and no ASCII character is one).
  @Test func asciiDecompositionsAreEveryScalarEqualToASCII() {
    var ascii: [String: [UInt8]] = [:]
    for a in 0..<128 {
      ascii[String(UnicodeScalar(UInt8(a)))] = [UInt8(a)]
      for b in 0..<128 { ascii[String(UnicodeScalar(UInt8(a))) + String(UnicodeScalar(UInt8(b)))] = [UInt8(a), UInt8(b)] }
    }
    var found: [UInt32: UInt8] = [:]
    for value in UInt32(0x80)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value), let bytes = ascii[String(scalar)] else { continue }
      #expect(bytes.count == 1, "U+\(String(value, radix: 16)) equals \(bytes)")
      found[value] = bytes[0]
    }
    #expect(found == StringIDs.asciiDecompositions)
  }
}
