import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest
import TierscanTestSupport

/// The byte-level entity fast path plus the general reader for every other row must give
/// exactly what the general reader alone gives: records, findings, counts.
@Suite struct EntityFastPathTests {
  private func read(_ text: String, fast: Bool, splitAbove: Int = .max, limits: IngestLimits = IngestLimits())
    -> IngestedInputs
  {
    var options = IngestOptions()
    options.limits = limits
    return CSVInputReader.read(
      data: Data(text.utf8), displayPath: "ent.csv", options: options, splitAbove: splitAbove, fastPath: fast)
  }

  private func expectSame(_ text: String, limits: IngestLimits = IngestLimits()) {
    let general = read(text, fast: false, limits: limits)
    for splitAbove in [Int.max, 0] {
      let fast = read(text, fast: true, splitAbove: splitAbove, limits: limits)
      #expect(fast.entities == general.entities, "\(text.debugDescription)")
      #expect(fast.findings.findings == general.findings.findings, "\(text.debugDescription)")
      #expect(fast.files == general.files)
    }
  }

  @Test func plainRowsGiveExactValues() {
    let text = """
      id,name,kind,country,sector,commodities,lei,duns,vat,cid,aliases,raw_material,note
      E1,"Çelik Mining, Inc.",mine,TR,metals,Tin; cobalt;;,,123456789,GB1,,A;B ,Yes,x
       S2 , Smelter ,smelter,,,,,,,CID001070,,,

      """
    let result = read(text, fast: true)
    #expect(
      result.entities == [
        EntityRecord(
          id: "E1", name: "Çelik Mining, Inc.", kind: .mine, country: "TR", sector: "metals",
          commodities: ["tin", "cobalt"], identifiers: Identifiers(duns: "123456789", vat: "GB1"), aliases: ["A", "B"],
          rawMaterial: true, attributes: [Attribute("note", "x")], provenance: Provenance(file: "ent.csv", line: 2)),
        EntityRecord(
          id: "S2", name: "Smelter", kind: .smelter, identifiers: Identifiers(cid: "CID001070"),
          provenance: Provenance(file: "ent.csv", line: 3)),
      ])
    #expect(result.files.map(\.recordsAccepted) == [2])
    expectSame(text)
  }

  @Test func equalCommodityFieldsShareOneList() {
    let text = """
      id,name,commodities
      E1,One,Tin; cobalt
      E2,Two,Tin; cobalt
      E3,Three,tin;cobalt
      E4,Four,Tin; cobalt
      E5,Five,É;x
      E6,Six,É;x

      """
    let entities = read(text, fast: true).entities
    #expect(entities.map(\.commodities) == [["tin", "cobalt"], ["tin", "cobalt"], ["tin", "cobalt"], ["tin", "cobalt"], ["é", "x"], ["é", "x"]])
    let storage = entities.prefix(5).map { $0.commodities.withUnsafeBufferPointer { $0.baseAddress } }
    // Rows 1, 2 and 4 have the same field and row 3 the same list spelled differently: the record
    // table keeps each distinct list once, so all four read one array.
    #expect(storage[0] == storage[1] && storage[0] == storage[3])
    #expect(storage[0] == storage[2])
    #expect(storage[4] != storage[0])
    expectSame(text)
  }

  @Test func seededRandomRowsMatchTheGeneralParser() {
    var rng = SplitMix64(seed: 11)
    let ids = ["E1", "A", " B ", "=F", "-x", "@y", "+z", "", "Çelik", "\"q\"", "\"A\"", "\"A\" ", "a b", "E1\t", "\u{7F}x"]
    let names = ["Acme", "\"Acme, Ltd\"", "", " x ", "\"a\"\"b\"", "\"\"", "Ünïcode Co", "a\"b", "\"x\ny\"", "\u{1}c"]
    let kinds = ["company", "mine", "Mine", "bogus", "", " smelter ", "\"facility\""]
    let countries = ["GB", "UK", "gb", "XX", "", " DE ", "G"]
    let lists = ["tin", "Tin;Cobalt", ";;", " a ; b ", "É;x", "x;\u{301}y", "", "\"a;b\"", "a,b"]
    let leis = ["", "5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R13", "bad"]
    let duns = ["", "123456789", "12-345-6789", "12345"]
    let cids = ["", "CID001070", "CID1", "cid001070"]
    let booleans = ["", "true", "TRUE", "No", "1", "0", "maybe", " yes "]
    let extras = ["", "", "v", " ", "\"\"", "ü"]
    let ends = ["\n", "\n", "\n", "\r\n", "\r", "\n\n"]
    let layouts: [[String]] = [
      ["id", "name", "kind", "country", "sector", "commodities", "lei", "duns", "vat", "cid", "aliases", "raw_material"],
      ["name", "id", "country", "note"],
      ["ID", " Name ", "kind", "aliases", "Extra", "raw_material"],
    ]
    for _ in 0..<400 {
      let layout = layouts[Int(rng.next() % UInt64(layouts.count))]
      var text = layout.joined(separator: ",") + "\n"
      for _ in 0..<Int(rng.next() % 25) {
        var fields: [String] = layout.map { column in
          func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }
          switch column.trimmingCharacters(in: .whitespaces).lowercased() {
          case "id": return pick(ids)
          case "name": return pick(names)
          case "kind": return pick(kinds)
          case "country": return pick(countries)
          case "sector", "vat": return pick(extras)
          case "commodities", "aliases": return pick(lists)
          case "lei": return pick(leis)
          case "duns": return pick(duns)
          case "cid": return pick(cids)
          case "raw_material": return pick(booleans)
          default: return pick(extras)
          }
        }
        if rng.next() % 15 == 0 { fields.removeLast() }
        if rng.next() % 15 == 0 { fields.append("x") }
        text += fields.joined(separator: ",") + ends[Int(rng.next() % UInt64(ends.count))]
      }
      if rng.next() % 5 == 0 { text += "E9,Last" }  // final record without a line end
      expectSame(text)
    }
  }

  @Test func rowsNearTheLimitsGoThroughTheGeneralReader() {
    var limits = IngestLimits()
    limits.maxFieldBytes = 6
    limits.maxRecordBytes = 20
    expectSame("id,name\nAAAAAAA,B\nA,B\nA,\"BBBBBB\"\nA,BBBBBBBBBBBBBBBBBBBBBB\n", limits: limits)
  }
}
