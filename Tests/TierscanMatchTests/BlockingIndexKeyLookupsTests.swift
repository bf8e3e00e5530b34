import Testing
import TierscanCore
@testable import TierscanMatch

/// The duplicate search's index (``BlockingIndex/init(records:config:ranks:)``) builds no
/// per-kind key tables: its look-ups by word go to the keys with their tag. They give what the
/// tables give, and what the keys' strings (``BlockingIndex/keysByNumber``) say: the number of
/// `w:word`, `p:` + the first four bytes, `n:` + the compact name, -1 when no record has it.
@Suite struct BlockingIndexKeyLookupsTests {
  /// Words the records have, generic words, words of one byte, prefixes alone, compact names
  /// and words no record has.
  static let probes: [String] =
    BlockingCandidatesTests.words + [
      "", "a", "co", "ltd", "limited", "group", "gold", "jinl", "texti", "goldenjinlin", "dragonpacific",
      "textiletextile", "zzzzzz", "garm", "garmentsx", "unitstar", "sunstar", "abcdab",
    ]

  @Test(arguments: [(UInt64(3), 500), (UInt64(19), 900)])
  func lookUpsByWordAreTheSameWithoutKindTables(seed: UInt64, count: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: 60, maxCandidates: 8)
    let tables = BlockingIndex(records: records, config: config, keyLookups: .byWord, keyRun: 1 << 17, splitAt: 4_096)
    let tagged = BlockingIndex(
      records: records, config: config, keyLookups: .byIndexedRecord, keyRun: 1 << 17, splitAt: 4_096)
    // The reference: each key string's number.
    var numbers: [String: Int32] = [:]
    for (k, key) in tables.keysByNumber.enumerated() { numbers[key] = Int32(k) }
    func reference(_ key: String) -> Int32 { numbers[key] ?? -1 }
    var found = 0
    for probe in Self.probes {
      var word = probe
      word.withUTF8 { bytes in
        let raw = UnsafeRawBufferPointer(bytes)
        for index in [tables, tagged] {
          let (w, p) = index.wordKeyNumbers(raw)
          let generic = GenericWords.names.contains(probe)
          #expect(w == (raw.count >= 2 && !generic ? reference("w:" + probe) : -1), "w: \(probe)")
          #expect(
            p == (raw.count >= 5 && !generic ? reference("p:" + String(probe.prefix(4))) : -1), "p: \(probe)")
          #expect(index.compactKeyNumber(raw) == reference("n:" + probe), "n: \(probe)")
          if raw.count >= 4 {
            let prefix = UnsafeRawBufferPointer(rebasing: raw[0..<4])
            #expect(index.prefixKeyNumber(prefix) == reference("p:" + String(probe.prefix(4))), "p: \(probe)")
          }
          if w >= 0 { found += 1 }
        }
      }
    }
    #expect(found > 20)
    // Queries by names: the same candidates from both.
    var (a, b) = (tables.makeScratch(), tagged.makeScratch())
    for r in records.prefix(200) {
      #expect(
        tables.candidates(names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &a)
          == tagged.candidates(names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &b))
    }
  }
}
