import Foundation
import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// A query loaded from the entities' own word gate through a table of word ids
/// (``WordGate/load(indexed:of:translation:into:sourceWords:)``,
/// `tierscan resolve`'s risk-list pass) is the query the screening loads by hashing each word of
/// the record's ``NameWords`` (``WordGate/load(_:ids:country:identifiers:hasAddress:into:)``):
/// the same columns (countries and identifiers included), slack and shortcut, and ``ScreeningPrefilter`` gives the same answer with the
/// same work from either. On names shaped as the benchmark's, on random names, on names with
/// unknown number words, on names of legal forms only, and on every real Open Supply Hub name of
/// the labelled pairs, against rows built from them.
@Suite struct WordGateTranslationTests {
  /// Loads every entity both ways and compares; returns how many the prefilter cleared.
  @discardableResult
  static func check(entities: [MatchRecord], rows: [PreparedRecord], config: MatchConfig = MatchConfig()) -> Int {
    let prepared = entities.map { PreparedRecord($0) }
    let entityGate = WordGate(records: prepared, config: config)
    let gate = WordGate(records: rows, config: config)
    let translation = gate.translation(of: entityGate)
    let prefilter = ScreeningPrefilter(gate: gate, reaching: ScoreBound(config: config).leastPossible, config: config)
    var hashed = gate.makeQuery()
    var translated = gate.makeQuery()
    var hashedScratch = prefilter.makeScratch()
    var translatedScratch = prefilter.makeScratch()
    var words = NameWords()
    var sourceWords: [Int32] = []
    var cleared = 0
    for (k, entity) in prepared.enumerated() {
      words.removeAll()
      words.append(parsed: entity.names)
      let ids = (0..<words.wordCount).map { w in
        words.bytes.withUnsafeBytes { gate.wordID(UnsafeRawBufferPointer(rebasing: $0[words.wordStarts[w]..<words.wordStarts[w + 1]])) }
      }
      gate.load(
        words, ids: ids, country: entity.record.country, identifiers: entity.record.identifiers,
        hasAddress: entity.addressWords != nil, into: &hashed)
      gate.load(indexed: k, of: entityGate, translation: translation, into: &translated, sourceWords: &sourceWords)
      let name = entity.record.name
      #expect("\(translated.columns)" == "\(hashed.columns)", "columns of '\(name)'")
      #expect(translated.slack == hashed.slack, "slack of '\(name)'")
      #expect(translated.shortcutWeight == hashed.shortcutWeight, "shortcut weight of '\(name)'")
      #expect(translated.shortcutBound == hashed.shortcutBound, "shortcut bound of '\(name)'")
      // The source words are the entity's words, in the query's order.
      let source = sourceWords.map { id in entityGate.withWord(Int(id)) { Array($0) } }
      let own = (0..<words.wordCount).map { w in Array(words.bytes[words.wordStarts[w]..<words.wordStarts[w + 1]]) }
      #expect(source == own, "words of '\(name)'")
      let a = prefilter.noneMayPass(gate, &hashed, words: words, &hashedScratch)
      let b = prefilter.noneMayPass(gate, &translated, sourceWords: sourceWords, of: entityGate, &translatedScratch)
      #expect(a == b, "prefilter on '\(name)'")
      if a { cleared += 1 }
    }
    #expect(hashedScratch.judged == translatedScratch.judged)
    #expect(hashedScratch.skipped == translatedScratch.skipped)
    #expect(hashedScratch.bounded == translatedScratch.bounded)
    return cleared
  }

  @Test(arguments: [21, 22] as [UInt64])
  func benchmarkShapedNames(seed: UInt64) {
    let (rows, queries) = ScreeningPrefilterTests.benchmarkShaped(seed: seed)
    // Names of legal forms only (no words), as name or alias, and a repeated code in an alias.
    let extra = [
      MatchRecord(key: "x0", name: "Ltd", aliases: ["Sun Textile T0001"]),
      MatchRecord(key: "x1", name: "Sun Textile T0001", aliases: ["Co., Ltd.", "Star T0001 Holdings"]),
      MatchRecord(key: "x2", name: "GmbH", country: "CN"),
    ]
    let cleared = Self.check(entities: queries + extra, rows: rows)
    #expect(cleared > 50, "the prefilter must clear some of these, or the comparison proves little: \(cleared)")
  }

  @Test func randomNamesAndUnknownNumbers() {
    var rng = SplitMix64(state: 23)
    let vocabulary = [
      "golden", "jinlin", "zhucheng", "hengwei", "textile", "textil", "unit", "2", "3", "t0001", "t0002", "tabcd",
      "tabce", "abcd", "ab", "international", "co", "ltd", "company", "group", "(shaowu)", "Ünal", "t9x",
    ]
    func randomName() -> String {
      (0..<(1 + Int(rng.next() % 4))).map { _ in BenchmarkNames.pick(vocabulary, &rng) }.joined(separator: " ")
    }
    let rows = (0..<200).map { r in
      PreparedRecord(
        MatchRecord(
          key: "r\(r)", name: randomName(), country: rng.next() % 3 == 0 ? "CN" : nil,
          identifiers: Identifiers(duns: rng.next() % 20 == 0 ? "D\(r % 3)" : nil)))
    }
    let entities = (0..<600).map { q in
      MatchRecord(
        key: "q\(q)", name: randomName() + " T\(rng.next() % 50)X" + (rng.next() % 5 == 0 ? " Unit 7" : ""),
        aliases: rng.next() % 4 == 0 ? [randomName()] : [], country: BenchmarkNames.pick(["CN", "VN", "XX"], &rng),
        address: rng.next() % 5 == 0 ? "1 Road" : nil,
        identifiers: Identifiers(duns: rng.next() % 15 == 0 ? "D\(q % 4)" : nil))
    }
    for config in ScreeningPrefilterTests.configs { Self.check(entities: entities, rows: rows, config: config) }
  }

  /// The real facility names of the labelled pairs, half as rows, all as entities.
  @Test func realNames() throws {
    let facilities = try LabelledPairs.facilities()
    let records = facilities.enumerated().map { i, f in
      MatchRecord(
        key: "f\(i)", name: f.name, country: f.country.isEmpty ? nil : f.country, address: f.address.isEmpty ? nil : f.address)
    }
    let rows = records.enumerated().filter { $0.offset % 2 == 0 }.map { PreparedRecord($0.element) }
    #expect(records.count > 50)
    for config in ScreeningPrefilterTests.configs { Self.check(entities: records, rows: rows, config: config) }
  }
}
