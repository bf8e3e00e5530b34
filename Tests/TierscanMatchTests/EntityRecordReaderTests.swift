import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// ``EntityRecordReader`` gives, entity by entity, the record the construction it replaces gives
/// (`PreparedRecord(MatchRecord(entityAt:of:), names: PreparedRecord.names(…, words:))`) and the
/// parser's (`PreparedRecord(MatchRecord(entity:))`): on random entities (names of legal forms,
/// brackets, accents and other scripts; repeated, empty and many aliases; with and without a
/// country, an address attribute and identifiers) read in a random order with one reader, and on
/// every real Open Supply Hub facility with its address.
@Suite struct EntityRecordReaderTests {
  static let countries = ["CN", "BD", "VN", "TR", "IN", "MX", "DE"]
  static let attributeKeys = ["address", "address1", "street", "facility_address", "city", "note"]

  /// The construction ``EntityRecordReader`` replaces (`resolve`'s records before stop 26).
  static func reference(_ i: Int, of table: EntityTable, words: inout NameWords) -> PreparedRecord {
    let record = MatchRecord(entityAt: i, of: table)
    return PreparedRecord(record, names: PreparedRecord.names(record.name, aliases: record.aliases, words: &words))
  }

  /// `n` in decimal with leading zeros to `width` digits.
  static func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  static func randomName(_ rng: inout SplitMix64) -> String {
    let pieces = NameWordsTests.pieces
    return (0..<Int(rng.next() % 7)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
      .joined(separator: rng.next() % 5 == 0 ? "" : " ")
  }

  static func randomEntities(count: Int, seed: UInt64) -> [Entity] {
    var rng = SplitMix64(state: seed)
    return (0..<count).map { k in
      let aliasCount = [0, 0, 0, 1, 2, 3, 20][Int(rng.next() % 7)]
      var aliases = (0..<aliasCount).map { _ in randomName(&rng) }
      if aliasCount > 0, rng.next() % 3 == 0 { aliases.append(aliases[0]) }
      var attributes: [Attribute] = []
      for key in attributeKeys where rng.next() % 4 == 0 {
        attributes.append(Attribute(key, rng.next() % 5 == 0 ? "" : "No. \(rng.next() % 90) Jinlin Rd (Shaowu), Café"))
      }
      let identifiers = Identifiers(
        lei: rng.next() % 3 == 0 ? "5493000000" + padded(Int(rng.next() % 1_000_000_000), 10) : nil,
        duns: rng.next() % 4 == 0 ? String(100_000_000 + Int(rng.next() % 800_000_000)) : nil,
        vat: rng.next() % 9 == 0 ? "DE\(rng.next() % 1_000_000)" : nil,
        cid: rng.next() % 6 == 0 ? "CID\(100_000 + Int(rng.next() % 800_000))" : nil)
      return Entity(
        id: "E" + padded(k, 7), name: randomName(&rng),
        country: rng.next() % 6 == 0 ? nil : countries[Int(rng.next() % UInt64(countries.count))],
        identifiers: identifiers, aliases: aliases, attributes: attributes)
    }
  }

  /// Every entity, in a random order (as `resolve` reads them: by kind and country) with the
  /// prefetch hints of the records ahead, out of range at the end, as the reader's caller gives them.
  static func expectReaderMatches(_ table: EntityTable, seed: UInt64) -> Int {
    var rng = SplitMix64(state: seed)
    var order = Array(table.indices)
    order.shuffle(using: &rng)
    var reader = EntityRecordReader(table)
    var words = NameWords()
    var mismatches = 0
    for (p, i) in order.enumerated() {
      reader.prefetch(fieldsOf: p + 16 < order.count ? order[p + 16] : -1, stringsOf: p + 8 < order.count ? order[p + 8] : -1)
      let record = reader.preparedRecord(entityAt: i)
      let expected = reference(i, of: table, words: &words)
      let parsed = PreparedRecord(MatchRecord(entity: table[i]))
      if record != expected || record != parsed { mismatches += 1 }
      #expect(record == expected, "\(table[i])")
      #expect(record.record == expected.record && record.names == expected.names && record.addressWords == expected.addressWords)
      #expect(record == parsed, "\(table[i])")
    }
    return mismatches
  }

  @Test func randomEntitiesGiveTheRecordsOfTheirColumns() {
    let entities = Self.randomEntities(count: 6_000, seed: 0x5245_4344)
    let table = EntityTable(entities)
    #expect(Self.expectReaderMatches(table, seed: 1) == 0)
    // The draw covers what the reader treats apart.
    #expect(entities.filter { $0.aliases.isEmpty }.count > 2_000 && entities.filter { $0.aliases.count > 15 }.count > 300)
    #expect(entities.filter { $0.country == nil }.count > 500 && entities.filter { $0.attributes.isEmpty }.count > 1_000)
    #expect(entities.filter { MatchRecord.address(in: $0.attributes) != nil }.count > 1_000)
    #expect(entities.filter { $0.identifiers.isEmpty }.count > 1_000 && entities.filter { $0.identifiers.lei != nil }.count > 1_000)
    #expect(entities.filter { !MatchNameParser().parse($0.name).legalForms.isEmpty }.count > 1_500)
  }

  /// A reader's record leaves its name in the table (``RecordName``): its ``MatchRecord/name`` is
  /// the table's, its hash and equality are those of the record with the name as a string, and
  /// setting the name replaces it. (Fails when the name is read at another index, or when `==`
  /// or the hash leaves the name out.)
  @Test func readerRecordsReadTheirNamesFromTheTable() {
    let table = EntityTable(Self.randomEntities(count: 2_000, seed: 0x4E41_4D45))
    var reader = EntityRecordReader(table)
    for i in table.indices.reversed() {
      let record = reader.preparedRecord(entityAt: i).record
      let eager = MatchRecord(entityAt: i, of: table)
      #expect(record.name == table.name(of: i))
      #expect(record == eager && record.hashValue == eager.hashValue)
      var renamed = record
      renamed.name = record.name + " 2"
      #expect(renamed.name == table.name(of: i) + " 2" && renamed != record && renamed.hashValue != record.hashValue)
      renamed.name = table.name(of: i)
      #expect(renamed == record && renamed.hashValue == record.hashValue)
    }
  }

  /// More distinct legal-form lists than the reader shares (past them, each name's list is its own
  /// copy): still equal.
  @Test func manyDistinctLegalFormListsStayEqual() {
    let forms = ["Ltd", "Co.", "Inc", "GmbH", "S.A.", "Pvt.", "Sdn.", "Bhd.", "KG", "TNHH", "Limited", "Company", "Tbk"]
    var entities: [Entity] = []
    for a in forms {
      for b in forms {
        entities.append(Entity(id: "E\(entities.count + 100_000)", name: "\(a) Golden \(b) Star \(a) \(b)"))
      }
    }
    let table = EntityTable(entities)
    #expect(Self.expectReaderMatches(table, seed: 2) == 0)
    #expect(Set(entities.map { MatchNameParser().parse($0.name).legalForms }).count > 100)
  }

  @Test func realFacilitiesGiveTheRecordsOfTheirColumns() throws {
    let facilities = try LabelledPairs.facilities()
    #expect(facilities.count > 900)
    let entities = facilities.enumerated().map { k, f in
      Entity(
        id: "F" + Self.padded(k, 5), name: f.name, kind: .facility, country: f.country.isEmpty ? nil : f.country,
        aliases: k % 7 == 0 ? [facilities[(k + 1) % facilities.count].name] : [],
        attributes: f.address.isEmpty ? [] : [Attribute("address", f.address)])
    }
    #expect(Self.expectReaderMatches(EntityTable(entities), seed: 3) == 0)
  }
}
