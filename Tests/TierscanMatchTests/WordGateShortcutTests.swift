import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// ``WordGate``'s shortcut for query words no row has (``WordGate/Query/slack``) rejects only
/// pairs the word-by-word gate rejects: loaded from ``NameWords`` (with the shortcut) the gate
/// passes exactly the rows it passes loaded from parsed names (without it), on names shaped as
/// the benchmark's (common words and a code, a digit in most codes, so that two codes that differ
/// take the number penalty), rows longer and shorter than the query, with qualifiers, addresses
/// and non-ASCII words, and several thresholds. The same holds for the whole-row shortcut
/// (``WordGate/Query/shortcutWeight``), which fires on these names (rows whose every name has a
/// number, queries whose code no row has), rows lighter than the query (repeated words) included.
@Suite struct WordGateShortcutTests {
  static let common = ["royal", "pacific", "circuit", "great", "metals", "dragon", "battery", "industrial", "textile", "sun"]
  static let legal = ["Co Ltd", "Ltd", "Limited", "", "Inc"]

  static func code(_ rng: inout SplitMix64) -> String {
    let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    return "T" + String((0..<4).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
  }

  static func name(_ rng: inout SplitMix64, code: String) -> String {
    let words = (0..<(1 + Int(rng.next() % 3))).map { _ in common[Int(rng.next() % UInt64(common.count))] }
    var text = (words + [code]).joined(separator: " ")
    if rng.next() % 8 == 0 { text += " (Shaowu)" }
    if rng.next() % 10 == 0 { text += " Unit 2" }
    return text + " " + legal[Int(rng.next() % UInt64(legal.count))]
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func shortcutRejectsOnlyWhatTheGateRejects(seed: UInt64) {
    var rng = SplitMix64(state: seed)
    var rows: [PreparedRecord] = []
    for r in 0..<300 {
      var text: String
      switch rng.next() % 6 {
      case 0: text = Self.common[Int(rng.next() % UInt64(Self.common.count))] + " " + Self.code(&rng)  // shorter than most queries
      case 1: text = "Ünal " + Self.name(&rng, code: Self.code(&rng))  // a non-ASCII word
      default: text = Self.name(&rng, code: Self.code(&rng))
      }
      if rng.next() % 12 == 0 { text = Self.common[Int(rng.next() % UInt64(Self.common.count))] }  // no number at all
      // A light row with a number: only a query repeating a word pairs past its weight (Y < X).
      if rng.next() % 12 == 0 { text = Self.common[Int(rng.next() % UInt64(Self.common.count))] + " " + String(rng.next() % 9) }
      let address: String? = rng.next() % 10 == 0 ? "No. 1 Jinlin Road" : nil
      rows.append(PreparedRecord(MatchRecord(key: "r\(r)", name: text, country: rng.next() % 3 == 0 ? "CN" : nil, address: address)))
    }
    var queries: [MatchRecord] = []
    for q in 0..<400 {
      var text = Self.name(&rng, code: Self.code(&rng))
      if rng.next() % 4 == 0 {
        // A word repeated (kept by the parser): its pairs reuse one row word.
        let word = Self.common[Int(rng.next() % UInt64(Self.common.count))]
        text = [word, word, word, Self.code(&rng)].joined(separator: " ")
      }
      let address: String? = rng.next() % 6 == 0 ? "12 Main St" : nil
      // Now and then a query copies a row's name, so that some pairs pass.
      let copied = rng.next() % 5 == 0 ? rows[Int(rng.next() % UInt64(rows.count))].record.name : text
      queries.append(MatchRecord(key: "q\(q)", name: copied, country: rng.next() % 4 == 0 ? "CN" : nil, address: address))
    }
    for config in [MatchConfig(), MatchConfig(possible: 0.6, screening: 0.6), MatchConfig(possible: 0.95, same: 0.95, screening: 0.97)] {
      let gate = WordGate(records: rows, config: config)
      var (fromNames, fromWords) = (gate.makeQuery(), gate.makeQuery())
      var words = NameWords()
      var (withSlack, passed, rejected) = (0, 0, 0)
      for query in queries {
        let prepared = PreparedRecord(query)
        gate.load(prepared.names, country: query.country, identifiers: query.identifiers, hasAddress: query.address != nil, into: &fromNames)
        words.removeAll()
        words.append(query.name, aliases: query.aliases)
        let ids = (0..<words.wordCount).map { w in
          words.bytes.withUnsafeBytes { gate.wordID(UnsafeRawBufferPointer(rebasing: $0[words.wordStarts[w]..<words.wordStarts[w + 1]])) }
        }
        gate.load(words, ids: ids, country: query.country, identifiers: query.identifiers, hasAddress: query.address != nil, into: &fromWords)
        #expect(fromNames.slack.isEmpty, "no shortcut from parsed names")
        if fromWords.slack.contains(where: { $0 > 0 }) { withSlack += 1 }
        gate.filter(Array(rows.indices), reaching: config.screening, &fromNames)
        gate.filter(Array(rows.indices), reaching: config.screening, &fromWords)
        #expect(fromWords.passed == fromNames.passed, "\(config): '\(query.name)'")
        passed += fromNames.passed.count
        rejected += rows.count - fromNames.passed.count
      }
      #expect(withSlack > queries.count / 2)
      if config.screening < 0.7 {
        #expect(fromWords.rowShortcutRejected == 0, "the penalty leaves room below 1 at 0.6")
      } else {
        #expect(fromWords.rowShortcutRejected > rows.count, "\(config): the whole-row shortcut fires")
      }
      #expect(fromNames.rowShortcutRejected == 0, "no shortcut from parsed names")
      #expect(passed > 0 && rejected > 0)
    }
  }
}
