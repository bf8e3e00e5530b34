import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// ``NameWords`` (the byte parse the screening reads) gives exactly ``MatchNameParser``'s tokens
/// and qualifiers, name by name, on random names built from legal forms, brackets, `&`, single
/// letters, digits and punctuation, and on every real Open Supply Hub facility name.
@Suite struct NameWordsTests {
  static let pieces = [
    "Golden", "JINLIN", "textile", "Co.", "Ltd", "LTD.", "Co.,Ltd", "CO.LTD", "S.A.", "de", "C.V.", "s", "a", "S",
    "A", "Pvt.", "Private", "Limited", "Sdn.", "Bhd.", "GmbH", "&", "+", "Co.", "KG", "TNHH", "Cong", "ty", "PT",
    "Tbk", "san", "ve", "tic", "(Shaowu)", "(Unit 2)", "[Arad]", "{x}", "(", ")", "O'Neil", "2", "No.3", "t0001",
    "A.B.C.", "k s i", "you xian gong si", "gong si", "as", "joint stock company", "-", "/", ".", ",", "Company",
    "Inc", "y", "Cia", "e", "ao", "Café", "Đức", "Müller", "塔里木", "Ромашка", "sp. z o.o.", "s.r.o.", "  ",
  ]

  static func parserWords(_ name: String) -> [[String]] {
    let parsed = MatchNameParser().parse(name)
    return parsed.isEmpty ? [] : [parsed.tokens, parsed.qualifiers]
  }

  static func byteWords(_ words: NameWords) -> [[String]] {
    words.names.flatMap { name in
      [
        (name.firstWord..<name.coreEnd).map { w in String(decoding: words.bytes[words.wordStarts[w]..<words.wordStarts[w + 1]], as: UTF8.self) },
        (name.coreEnd..<name.end).map { w in String(decoding: words.bytes[words.wordStarts[w]..<words.wordStarts[w + 1]], as: UTF8.self) },
      ]
    }
  }

  /// ``NameWords/isASCII(_:)`` (eight bytes at a time) says what a byte loop says, for every
  /// length up to 40 with one byte of 0x80 or more at each place, and none. (Fails when the
  /// tail shorter than eight bytes is not read, or when the mask misses a byte.)
  @Test func asciiCheckAgreesWithTheByteLoop() {
    var rng = SplitMix64(state: 0x4153_4349)
    for length in 0...40 {
      for high in -1..<length {
        for highByte: UInt8 in [0x80, 0xC3, 0xFF] {
          var bytes = (0..<length).map { _ in UInt8(rng.next() % 0x80) }
          if high >= 0 { bytes[high] = highByte }
          bytes.withUnsafeBufferPointer { utf8 in
            #expect(NameWords.isASCII(utf8) == utf8.allSatisfy { $0 < 0x80 }, "\(bytes)")
          }
        }
      }
    }
  }

  @Test func randomNamesSplitAsTheParserSplitsThem() {
    var rng = SplitMix64(state: 99)
    var words = NameWords()
    var withLegalForms = 0
    for _ in 0..<20_000 {
      let name = (0..<Int(rng.next() % 7)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
        .joined(separator: rng.next() % 5 == 0 ? "" : " ")
      words.removeAll()
      words.appendParsed(name)
      #expect(Self.byteWords(words) == Self.parserWords(name), "'\(name)'")
      if !MatchNameParser().parse(name).legalForms.isEmpty { withLegalForms += 1 }
    }
    #expect(withLegalForms > 5_000)
  }

  /// Names with accented Latin letters are folded by bytes (``LatinFold``'s table) and parsed as
  /// ASCII; a name with any other character still goes through the parser: both give the
  /// parser's words, on random mixes of ASCII pieces and characters of U+0080 … U+1FFF (table
  /// letters, letters it leaves to ICU, marks, symbols).
  @Test func latinNamesSplitAsTheParserSplitsThem() {
    var rng = SplitMix64(state: 0x4C41_5449)
    let inTable = (LatinFold.first...LatinFold.last).filter { LatinFold.table[Int($0 - LatinFold.first)] != 0 }
    var words = NameWords()
    var foldable = 0
    for _ in 0..<20_000 {
      var name = ""
      for _ in 0..<Int(rng.next() % 6) {
        switch rng.next() % 4 {
        case 0: name += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
        case 1: name += " "
        case 2: name.unicodeScalars.append(Unicode.Scalar(inTable[Int(rng.next() % UInt64(inTable.count))])!)
        default:
          let value = rng.next() % 9 == 0 ? 0x80 + UInt32(rng.next() % 0x1F80) : inTable[Int(rng.next() % UInt64(inTable.count))]
          name.unicodeScalars.append(Unicode.Scalar(value) ?? "x")
          name += ["", "ltd", " Co.", "(", ")", "&"][Int(rng.next() % 6)]
        }
      }
      if LatinFold.fold(name) != nil && name.utf8.contains(where: { $0 >= 0x80 }) { foldable += 1 }
      words.removeAll()
      words.appendParsed(name)
      #expect(Self.byteWords(words) == Self.parserWords(name), "'\(name)'")
    }
    #expect(foldable > 8_000)
  }

  @Test func realFacilityNamesSplitAsTheParserSplitsThem() throws {
    let facilities = try LabelledPairs.facilities()
    #expect(facilities.count > 900)
    var words = NameWords()
    for facility in facilities {
      words.removeAll()
      words.appendParsed(facility.name)
      #expect(Self.byteWords(words) == Self.parserWords(facility.name), "'\(facility.name)'")
    }
  }

  /// A name and its aliases: the parser's names in order (repeats kept, empty names left out,
  /// at most ``PreparedRecord/maxNames``).
  @Test func aliasesFollowTheName() {
    var words = NameWords()
    let aliases = ["Jinlin Textile (Shaowu) Co.", "Co. Ltd", "", "Jinlin Textile (Shaowu) Co."] + (0..<30).map { "Alias \($0)" }
    words.append("Golden Star Ltd", aliases: aliases)
    let expected = (["Golden Star Ltd"] + aliases.prefix(PreparedRecord.maxNames - 1)).flatMap(Self.parserWords)
    #expect(Self.byteWords(words) == expected)
    #expect(words.names.count == PreparedRecord.maxNames - 1)  // the empty alias has no name
  }

  /// Names already parsed (``PreparedRecord/names``) appended as they are: the same words, name by
  /// name, as the parser's (`tierscan resolve` loads its prepared records into the screening's
  /// prefilter this way).
  @Test func parsedNamesAreAppendedAsTheyAre() {
    var rng = SplitMix64(state: 7)
    var words = NameWords()
    for _ in 0..<5_000 {
      let names = (0..<(1 + Int(rng.next() % 3))).map { _ in
        (0..<Int(rng.next() % 7)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined(separator: " ")
      }
      let parsed = PreparedRecord.names(names[0], aliases: Array(names.dropFirst()))
      words.removeAll()
      words.append(parsed: parsed)
      #expect(Self.byteWords(words) == parsed.flatMap { [$0.tokens, $0.qualifiers] }, "\(names)")
      #expect(words.names.count == parsed.count)
    }
    words.removeAll()
    words.append(parsed: [MatchName(tokens: []), MatchName(tokens: ["golden", "star"], qualifiers: ["shaowu"])])
    #expect(Self.byteWords(words) == [["golden", "star"], ["shaowu"]])
  }

  /// ``NameWords/matchName(_:)`` is the parser's ``MatchName`` — tokens, qualifiers and the legal
  /// forms removed, in the parser's order — on random ASCII names, on random mixes of table
  /// letters, other characters (ICU's path) and ASCII pieces, and on every real facility name.
  @Test func matchNamesAreTheParsersNames() throws {
    var rng = SplitMix64(state: 0x4D41_5443)
    let inTable = (LatinFold.first...LatinFold.last).filter { LatinFold.table[Int($0 - LatinFold.first)] != 0 }
    var words = NameWords()
    var (withForms, severalForms, latin) = (0, 0, 0)
    for round in 0..<30_000 {
      var name = ""
      if round % 2 == 0 {
        name = (0..<Int(rng.next() % 8)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
          .joined(separator: rng.next() % 5 == 0 ? "" : " ")
      } else {
        for _ in 0..<Int(rng.next() % 7) {
          switch rng.next() % 4 {
          case 0, 1: name += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] + " "
          case 2: name.unicodeScalars.append(Unicode.Scalar(inTable[Int(rng.next() % UInt64(inTable.count))])!)
          default:
            let value = rng.next() % 9 == 0 ? 0x80 + UInt32(rng.next() % 0x1F80) : inTable[Int(rng.next() % UInt64(inTable.count))]
            name.unicodeScalars.append(Unicode.Scalar(value) ?? "x")
          }
        }
        if LatinFold.fold(name) != nil && name.utf8.contains(where: { $0 >= 0x80 }) { latin += 1 }
      }
      let expected = MatchNameParser().parse(name)
      #expect(words.matchName(name) == expected, "'\(name)'")
      if !expected.legalForms.isEmpty { withForms += 1 }
      if expected.legalForms.count > 1 { severalForms += 1 }
    }
    #expect(withForms > 8_000 && severalForms > 2_000 && latin > 5_000)
    for facility in try LabelledPairs.facilities() {
      #expect(words.matchName(facility.name) == MatchNameParser().parse(facility.name), "'\(facility.name)'")
    }
  }

  /// ``PreparedRecord/names(_:aliases:words:)`` gives ``PreparedRecord/names(_:aliases:parser:)``'s
  /// names (repeats and empty names left out, at most ``PreparedRecord/maxNames``).
  @Test func recordNamesByBytesAreTheParsersNames() {
    var rng = SplitMix64(state: 17)
    var words = NameWords()
    for _ in 0..<3_000 {
      let names = (0..<(1 + Int(rng.next() % 20))).map { _ in
        (0..<Int(rng.next() % 4)).map { _ in Self.pieces[Int(rng.next() % 12)] }.joined(separator: " ")
      }
      let (name, aliases) = (names[0], Array(names.dropFirst()))
      #expect(PreparedRecord.names(name, aliases: aliases, words: &words) == PreparedRecord.names(name, aliases: aliases))
    }
  }

  /// ``MatchRecord/init(entityAt:of:)`` reads the same record as ``MatchRecord/init(entity:)``.
  @Test func recordsReadFromTheColumnsAreTheEntitiesRecords() {
    let entities = [
      Entity(id: "a", name: "Golden Star Ltd", country: "CN", aliases: ["Jinlin", "Golden Star"],
        attributes: [Attribute("street", "1 Road"), Attribute("address", "2 Street")]),
      Entity(id: "b", name: "Café Müller", identifiers: Identifiers(lei: "529900T8BM49AURSDO55"),
        attributes: [Attribute("address", "")], source: Provenance(file: "x.csv", line: 3)),
      Entity(id: "c", name: "", kind: .facility, sector: "mining", commodities: ["tin"]),
      Entity(id: "d", name: "Lane Mill", aliases: ["LM"], attributes: [Attribute("street", "9 Lane")]),
    ]
    let table = EntityTable(entities)
    for i in entities.indices {
      #expect(MatchRecord(entityAt: i, of: table) == MatchRecord(entity: table[i]))
      #expect(MatchRecord(entityAt: i, of: table) == MatchRecord(entity: entities[i]))
    }
  }
}
