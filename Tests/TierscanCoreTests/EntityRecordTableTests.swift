import Testing
import TierscanCore

/// ``EntityRecordTable`` gives back every record exactly as stored (each optional field given or
/// not, every kind of provenance), however the table was built: record by record, from an array,
/// or joined from parts at any cut (a split read's halves).
@Suite struct EntityRecordTableTests {
  private static func records(seed: UInt64, count: Int) -> [EntityRecord] {
    var random = SplitMix(state: seed)
    func pick<T>(_ values: [T]) -> T { values[random.next(values.count)] }
    let provenances = [
      Provenance(file: "e.csv", line: 2), Provenance(file: "other.csv", line: 0), Provenance(file: "w.xlsx", line: 3, sheet: "S", cell: "D3"),
      Provenance(file: "g.omts", line: 12, pointer: "/nodes/4"), Provenance(file: "x.csv"),
      Provenance(file: "x.xml", line: 4, column: 9), Provenance(file: "e.csv", line: Int(UInt32.max) + 1),
      Provenance(file: "e.csv", line: -3),
    ]
    return (0..<count).map { n in
      EntityRecord(
        id: pick(["E\(n)", "", "é\(n)", "e\u{301}", "A very long identifier beyond fifteen bytes \(n)"]),
        name: pick([nil, "", "Acme", "Société Générale Textile Ltd \(n)"]), kind: pick([nil] + EntityKind.allCases.map { $0 }),
        country: pick([nil, "GB", "CN"]), sector: pick([nil, "textiles", ""]),
        commodities: pick([[], ["cotton"], ["tin", "cotton", "tin"], ["polyester"]]),
        identifiers: pick([
          Identifiers(), Identifiers(lei: "5493001KJTIIGC8Y1R12"), Identifiers(duns: "123456789", vat: "GB1", cid: "CID000001"),
        ]),
        aliases: pick([[], ["Acme Ltd"], ["B", "", "B"]]), rawMaterial: pick([nil, true, false]),
        attributes: pick([[], [Attribute("note", "x")], [Attribute("a", "1"), Attribute("a", "2")]]),
        provenance: pick(provenances).with(line: n), mergesByName: random.next(5) == 0)
    }
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func givesBackEveryRecord(seed: UInt64) {
    let records = Self.records(seed: seed, count: 40 + Int(seed) * 7)
    let table = EntityRecordTable(records)
    #expect(table.count == records.count)
    #expect(Array(table) == records)
    for (r, record) in records.enumerated() {
      #expect(table.id(r) == record.id && table.name(r) == record.name && table.kind(r) == record.kind)
      #expect(table.country(r) == record.country && table.sector(r) == record.sector)
      #expect(table.commodities(r) == record.commodities && table.commodityCount(r) == record.commodities.count)
      #expect(table.identifiers(r) == record.identifiers && table.aliases(r) == record.aliases)
      #expect(table.aliasCount(r) == record.aliases.count && table.attributeCount(r) == record.attributes.count)
      #expect(table.rawMaterial(r) == record.rawMaterial && table.attributes(r) == record.attributes)
      #expect(table.provenance(r) == record.provenance && table.mergesByName(r) == record.mergesByName)
      let merging = record.identifiers.lei != nil || record.identifiers.duns != nil || record.identifiers.cid != nil
      #expect(table.hasMergingIdentifier(r) == merging)
      #expect(table.withID(r) { Array($0) } == Array(record.id.utf8))
    }
    #expect(table.anyMergesByName == records.contains(where: \.mergesByName))
    for cut in stride(from: 0, through: records.count, by: 9) {
      var first = EntityRecordTable(records[..<cut])
      first.append(contentsOf: EntityRecordTable(records[cut...]))
      #expect(first == table, "cut \(cut)")
      var appended = EntityRecordTable()
      appended.append(contentsOf: records[..<cut])
      appended.append(contentsOf: Array(records[cut...]))
      #expect(Array(appended) == records)
    }
  }

  @Test(arguments: 0..<4 as Range<UInt64>)
  func recordsAppendedAsBytesEqualRecordsAppendedAsValues(seed: UInt64) {
    // The CSV fast path's append: the same table as appending the records, for every field
    // given or not and lines past what a column holds.
    var random = SplitMix(state: seed &+ 100)
    var table = EntityRecordTable()
    var records: [EntityRecord] = []
    for n in 0..<60 {
      var record = Self.records(seed: seed &* 31 &+ UInt64(n), count: 1)[0]
      record.name = record.name ?? "named"
      record.mergesByName = false
      record.sector = record.sector.flatMap { $0.isEmpty ? nil : $0 }
      record.aliases = record.aliases.filter { !$0.isEmpty }
      let line = [n + 2, 0, Int(UInt32.max), Int(UInt32.max) + 1][random.next(4)]
      record.provenance = Provenance(file: ["e.csv", "f.csv"][random.next(2)], line: line)
      records.append(record)
      let list = table.commodityListCode(of: record.commodities)
      let file = table.fileCode(of: record.provenance.file)
      var (id, name, sector) = (record.id, record.name!, record.sector ?? "")
      id.withUTF8 { id in
        name.withUTF8 { name in
          sector.withUTF8 { sector in
            table.appendParsed(
              id: id, name: name, kind: record.kind, country: record.country, sector: sector, commodityList: list,
              identifiers: record.identifiers,
              aliases: { body in
                for var alias in record.aliases { alias.withUTF8(body) }
              }, rawMaterial: record.rawMaterial, attributes: record.attributes, file: file, line: line)
          }
        }
      }
    }
    #expect(Array(table) == records)
    #expect(table == EntityRecordTable(records))
  }

  @Test func differentRecordsMakeDifferentTables() {
    let a: EntityRecordTable = [EntityRecord(id: "A", name: "One", provenance: Provenance(file: "e.csv", line: 2))]
    let b: EntityRecordTable = [EntityRecord(id: "A", name: nil, provenance: Provenance(file: "e.csv", line: 2))]
    let c: EntityRecordTable = [EntityRecord(id: "A", name: "One", provenance: Provenance(file: "e.csv", line: 3))]
    #expect(a != b && a != c && b != c)
  }
}

extension Provenance {
  /// The same place on another line (kept as it is when it has no line).
  fileprivate func with(line n: Int) -> Provenance {
    guard let line, line >= 0, line < Int(UInt32.max) else { return self }
    var copy = self
    copy.line = line + n
    return copy
  }
}
