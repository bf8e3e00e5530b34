import Foundation
import Testing
import TierscanCore
import TierscanIngest

@Suite struct CSVInputReaderTests {
  private func read(_ text: String) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions())
  }

  private func lines(_ inputs: IngestedInputs) -> [String] { inputs.findings.findings.map(\.description) }

  @Test(arguments: [
    ("from,to,type,id,name,buyer_id,supplier_id", InputKind.relationships),
    ("BUYER_ID , Supplier_ID,list,name,category", .supplierList),
    ("list,name,category,cid,status", .riskList),
    ("cid,status,country,category,score", .smelterReference),
    ("id,cid,status,country,category,score", .countryRisk),
    ("id,name,cid,status", .entities),
    ("id,title", .unrecognised),
  ])
  func headerKindIsTheFirstMatch(_ header: String, _ kind: InputKind) {
    #expect(read(header + "\n").files == [InputFileSummary(path: "in.csv", kind: kind)])
  }

  @Test func unrecognisedAndDuplicateHeadersRejectEveryRow() {
    let unrecognised = read("foo,bar\n1,2\n")
    #expect(lines(unrecognised) == ["in.csv:1: error: unrecognised-header: " + CSVHeader(fields: ["foo", "bar"]).unrecognisedExplanation])
    #expect(unrecognised.files == [InputFileSummary(path: "in.csv", kind: .unrecognised, recordsRead: 1, recordsRejected: 1)])
    let duplicate = read("id,Name, name \nA,B,C\n")
    #expect(lines(duplicate) == ["in.csv:1: error: duplicate-header: column 'name' appears more than once; file not read"])
    #expect(duplicate.entities.isEmpty)
    #expect(lines(read("")) == ["in.csv: error: unrecognised-header: the file is empty: no header"])
  }

  @Test func entityRowWithEveryColumn() {
    let inputs = read(
      " ID ,Name,KIND,country,sector,commodities,lei,duns,vat,cid,aliases,raw_material,Website\n"
        + "S1, Smelter One ,Smelter,id,metals,Tin; TUNGSTEN;,5493001KJTIIGC8Y1R12,12-345-6789,ID123,CID001070,S-One;;SO,Yes,x.example\n")
    #expect(lines(inputs) == [])
    #expect(
      inputs.entities == [
        EntityRecord(
          id: "S1", name: "Smelter One", kind: .smelter, country: "ID", sector: "metals", commodities: ["tin", "tungsten"],
          identifiers: Identifiers(lei: "5493001KJTIIGC8Y1R12", duns: "123456789", vat: "ID123", cid: "CID001070"),
          aliases: ["S-One", "SO"], rawMaterial: true, attributes: [Attribute("website", "x.example")],
          provenance: Provenance(file: "in.csv", line: 2))
      ])
  }

  @Test func raggedRowsAreRejected() {
    let inputs = read("id,name\nA,Alpha\nB\nC,Gamma,x\n")
    #expect(
      lines(inputs) == [
        "in.csv:3: error: ragged-row: row has 1 fields but the header has 2; row rejected",
        "in.csv:4: error: ragged-row: row has 3 fields but the header has 2; row rejected",
      ])
    #expect(inputs.entities.map(\.id) == ["A"])
    #expect(inputs.files[0].recordsRejected == 2)
  }

  @Test func relationshipRows() {
    let inputs = read(
      "from,to,type,commodity,hs_code,share,basis,confidence,reporting_year,source,extra\n"
        + "H,S,OWNS,,,50.5,Observed,0.25,2024,audit,\n"
        + "S,B,supplies,Cotton,5201,10,guessed,,,,x\n"
        + "S,B,operates,,,,,0,,,\n"
        + "S,B,owns,,,abc,,,,,\n")
    #expect(
      inputs.relationships == [
        RelationshipRecord(
          from: "H", to: "S", type: .owns, share: 50.5, basis: .observed, confidence: 0.25, reportingYear: 2024,
          attributes: [Attribute("source", "audit")], provenance: Provenance(file: "in.csv", line: 2)),
        RelationshipRecord(
          from: "S", to: "B", type: .supplies, commodity: "cotton", hsCode: "5201",
          attributes: [Attribute("extra", "x")], provenance: Provenance(file: "in.csv", line: 3)),
      ])
    #expect(
      lines(inputs) == [
        "in.csv:3: warning: unexpected-share: share '10' given on a supplies edge; value dropped",
        "in.csv:3: warning: invalid-basis: basis 'guessed' is not observed, declared or inferred; value dropped",
        "in.csv:4: error: invalid-confidence: confidence '0' is not a number in (0, 1]; row rejected",
        "in.csv:5: error: invalid-share: share 'abc' is not a number in (0, 100]; row rejected",
      ])
  }

  @Test func supplierListRowsYieldEntityAndEdge() {
    let inputs = read(
      "buyer_id,supplier_id,supplier_name,supplier_country,supplier_kind,commodity,hs_code,spend,tier,basis,lei\n"
        + "B,S,Supplier Co,UK,facility,Cotton,5201,1200,2,inferred,bad\n")
    let at = Provenance(file: "in.csv", line: 2)
    #expect(
      inputs.entities == [EntityRecord(id: "S", name: "Supplier Co", kind: .facility, country: "GB", provenance: at)])
    #expect(
      inputs.relationships == [
        RelationshipRecord(
          from: "S", to: "B", type: .supplies, commodity: "cotton", hsCode: "5201", basis: .inferred,
          attributes: [Attribute("spend", "1200"), Attribute("tier", "2")], provenance: at)
      ])
    #expect(
      lines(inputs) == [
        "in.csv:2: info: country-resolved: supplier_country 'UK' read as 'GB' (first occurrence in this file; every other occurrence reads the same)",
        "in.csv:2: warning: invalid-lei: lei 'bad' fails the ISO 17442 format or check digits; value dropped",
      ])
  }

  @Test func riskListRows() {
    let inputs = read(
      "list,name,category,country,aliases,authority,listed_on,reference,note\n"
        + "UFLPA,Foo S.A.,made_up_category,CN,Foo;Bar ,DHS,2024-13-01,R1,n\n")
    #expect(
      inputs.riskList == [
        RiskListEntry(
          list: "UFLPA", name: "Foo S.A.", category: "made_up_category", country: "CN", aliases: ["Foo", "Bar"],
          authority: "DHS", reference: "R1", provenance: Provenance(file: "in.csv", line: 2),
          attributes: [Attribute("note", "n")])
      ])
    #expect(lines(inputs) == ["in.csv:2: warning: invalid-date: listed_on '2024-13-01' is not an ISO date (YYYY-MM-DD); value dropped"])
  }

  @Test func countryRiskRows() {
    let inputs = read("country,category,score,commodity\nCN,forced_labour,0,Cotton\nZZ,child_labour,0.5,\nIN,x,1.01,\n")
    #expect(
      inputs.countryRisk == [
        CountryRiskEntry(
          country: "CN", category: "forced_labour", score: 0, commodity: "cotton",
          provenance: Provenance(file: "in.csv", line: 2))
      ])
    #expect(
      lines(inputs) == [
        "in.csv:3: error: unknown-country: country 'ZZ' is not an ISO 3166-1 code or a known country name; row rejected",
        "in.csv:4: error: invalid-score: score '1.01' is not a number in [0, 1]; row rejected",
      ])
  }

  @Test func smelterReferenceRows() {
    let inputs = read("cid,status,name,metal,country\nCID001070,Non-Conformant,A,Tin,ID\nCID000002,,B,gold,\n")
    #expect(
      inputs.smelterReferences == [
        SmelterReference(
          cid: "CID001070", status: .nonConformant, rawStatus: "Non-Conformant", name: "A", metal: "tin", country: "ID",
          provenance: Provenance(file: "in.csv", line: 2))
      ])
    #expect(lines(inputs) == ["in.csv:3: error: missing-field: required field 'status' is empty; row rejected"])
  }

  @Test func formulaLikeIdsAndControlCharacters() {
    let inputs = read("id,name\n+1,Plus\n@x,At\n-2,Minus\nok,Tab\u{7}\n")
    #expect(inputs.entities.map(\.id) == ["+1", "@x", "-2", "ok"])
    #expect(inputs.entities.last?.name == "Tab")
    #expect(inputs.findings.findings.map(\.rule) == [.formulaLikeId, .formulaLikeId, .formulaLikeId, .controlCharacters])
  }

  @Test func invalidUTF8IsReportedAndTheRestRead() {
    let bytes = Array("id,name\nA,Caf".utf8) + [0xE9] + Array("\nB,Bee\n".utf8)
    let inputs = CSVInputReader.read(data: Data(bytes), displayPath: "in.csv", options: IngestOptions())
    #expect(lines(inputs).last == "in.csv:2: error: invalid-utf8: field is not valid UTF-8; record rejected")
    #expect(inputs.entities.map(\.id) == ["B"])
    #expect(inputs.files == [InputFileSummary(path: "in.csv", kind: .entities, recordsRead: 2, recordsAccepted: 1, recordsRejected: 1)])
  }

  @Test func fieldLimitIsAnErrorNamingTheLimit() {
    var options = IngestOptions()
    options.limits.maxFieldBytes = 8
    let inputs = CSVInputReader.read(
      data: Data("id,name\nA,\(String(repeating: "x", count: 100))\nB,Bee\n".utf8), displayPath: "in.csv", options: options)
    #expect(lines(inputs) == ["in.csv:2: error: field-too-long: field longer than maxFieldBytes (8 bytes); record rejected"])
    #expect(inputs.entities.map(\.id) == ["B"])
  }
}
