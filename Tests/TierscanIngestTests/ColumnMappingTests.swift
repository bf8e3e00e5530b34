import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// Column mappings (docs/mappings.md): parsing with file:line errors and reading through them.
@Suite struct ColumnMappingTests {
  private func mapping(_ json: String) throws(MappingError) -> ColumnMapping {
    try ColumnMapping.parse(Array(json.utf8), name: "m.json")
  }

  @Test func errorsNameTheLineOfTheOffendingKey() {
    #expect(throws: MappingError(file: "m.json", line: 3, message: "unknown key 'colums' (known: about, columns, constants, derive_id, header_row, kind, match, params, parent, sheet, sources, split, values)")) {
      try mapping("{\n  \"kind\": \"entities\",\n  \"colums\": {}\n}")
    }
    #expect(throws: MappingError(file: "m.json", line: 2, message: "kind 'suppliers' is not one of entities, relationships, supplier-list, risk-list, country-risk, smelter-reference, assessments, audit-findings")) {
      try mapping("{\n  \"kind\": \"suppliers\"\n}")
    }
    do {
      _ = try mapping("{\n \"kind\": \"entities\",\n \"columns\": {\n  \"id\": \"code\",\n  \"nme\": \"name\"\n }\n}")
      Issue.record("accepted a field the kind does not have")
    } catch {
      #expect(error.line == 5 && error.message.hasPrefix("columns: 'nme' is not a field of entities"))
      // The hint for a column the kind has no field for: leave it unmapped to keep it.
      #expect(error.message.hasSuffix("; a source column the mapping does not name is kept as an attribute under its own name"))
      #expect(error.description.hasPrefix("m.json:5: error: mapping: "))
    }
    do {
      _ = try mapping("{\n \"kind\": \"entities\",\n \"columns\": {\"id\": }\n}")
      Issue.record("accepted broken JSON")
    } catch {
      #expect(error.line == 3 && error.message.hasPrefix("not valid JSON"))
    }
  }

  private func read(_ text: String, _ mapping: ColumnMapping) -> IngestedInputs {
    var options = IngestOptions()
    options.mappings = [mapping]
    return CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: options)
  }

  private let supplierMapping = """
    {
      "kind": "supplier-list",
      "header_row": 2,
      "match": ["vendor", ["nation", "country"]],
      "columns": {"supplier_id": "code", "supplier_name": "vendor", "supplier_country": ["nation", "country"],
                  "commodity": "sector", "parent_supplier": "parent"},
      "constants": {"buyer_id": "{buyer}", "supplier_kind": "facility"},
      "values": {"commodity": {"apparel": "garments", "clothing": "garments"}},
      "split": {"commodity": "|"},
      "derive_id": {"field": "supplier_id", "prefix": "x:", "from": ["supplier_name", "supplier_country"]},
      "parent": "parent_supplier",
      "params": {"buyer": {"required": true, "help": "the buyer"}}
    }
    """

  @Test func aMappedSupplierListReadsThroughTheNativeRowParser() throws {
    var mapping = try mapping(supplierMapping)
    mapping.parameterValues = ["buyer": "B"]
    let inputs = read(
      "exported 2025-01-01,,,,,\nvendor,code,nation,sector,parent,note\n"
        + "Knit Co,K1,China,Apparel|Clothing,,n1\nSew Ltd,,VIET NAM,Apparel|Toys,Knit Co,\nSew Ltd,,vn,apparel,,\n",
      mapping)
    #expect(inputs.files.map(\.recordsRead) == [3] && inputs.files.map(\.recordsAccepted) == [3])
    #expect(inputs.files.first?.kind == .supplierList)
    let sew = inputs.entities[1].id
    #expect(sew.hasPrefix("x:") && sew.count == 18)
    // The derived id folds case and resolves the country: row 5 is the same facility as row 4.
    #expect(inputs.entities.map(\.id) == ["K1", sew, sew, sew])
    #expect(inputs.entities.map(\.country) == ["CN", "VN", "VN", "VN"])
    // Split parts, mapped and de-duplicated; the parent by name; the unmapped word kept.
    #expect(inputs.relationships.map { "\($0.from)>\($0.to):\($0.commodity ?? "")" } == [
      "K1>B:garments", "\(sew)>K1:garments", "\(sew)>K1:toys", "\(sew)>B:garments",
    ])
    #expect(inputs.relationships[0].attributes.contains(Attribute("note", "n1")))
    #expect(inputs.relationships[1].attributes.contains(Attribute("parent_supplier", "Knit Co")))
    let rules = inputs.findings.findings.map { "\($0.rule)@\($0.location?.line ?? 0)" }
    // In row order: rows are read one at a time (the parent pass reports nothing).
    #expect(rules == [
      "rows-above-header@2", "mapping-applied@2", "country-resolved@3", "unmapped-value@4", "country-resolved@4",
      "duplicate-row@5",
    ])
  }

  /// An entity's `address` can be mapped from a column of another name: it becomes the entity's
  /// `address` attribute (what entity resolution compares), not an attribute named after the
  /// source column; an unmapped `address` column is kept under its own name as before.
  @Test func aMappedEntityAddressBecomesTheAddressAttribute() throws {
    let renamed = try mapping("""
      {"kind": "entities", "columns": {"id": "ref", "name": "facility", "address": "street address"},
       "constants": {"kind": "facility"}}
      """)
    let inputs = read("ref,facility,street address\nF1,Knit Co,1 Mill Road\n", renamed)
    #expect(inputs.files.map(\.recordsAccepted) == [1])
    #expect(inputs.entities.map(\.attributes) == [[Attribute("address", "1 Mill Road")]])
    let unmapped = try mapping("""
      {"kind": "entities", "match": ["ref"], "columns": {"id": "ref", "name": "facility"}}
      """)
    let kept = read("ref,facility,address\nF1,Knit Co,1 Mill Road\n", unmapped)
    #expect(kept.entities.map(\.attributes) == [[Attribute("address", "1 Mill Road")]])
  }

  @Test func aStreamedCSVReadsLikeTheSameRowsGivenWhole() throws {
    var mapping = try mapping(supplierMapping)
    mapping.parameterValues = ["buyer": "B"]
    // Parents named before and after their rows, a broken and a ragged record between rows.
    let text =
      "title,,,,,\nvendor,code,nation,sector,parent,note\nSew Ltd,,VN,Apparel,Knit Co,\n"
      + "Bad \"quote,X,CN,,,\nKnit Co,K1,China,Apparel|Toys,,n1\nshort,row\nDye Co,D1,IN,Apparel,K1,\n"
    let streamed = read(text, mapping)
    #expect(streamed.files.map(\.recordsRead) == [5] && streamed.files.map(\.recordsRejected) == [2])
    #expect(streamed.files.map(\.recordsAccepted) == [3])
    // The same well-formed rows handed over whole (as the XLSX reader does).
    let lines: [(Int, [String])] = [
      (3, ["Sew Ltd", "", "VN", "Apparel", "Knit Co", ""]), (5, ["Knit Co", "K1", "China", "Apparel|Toys", "", "n1"]),
      (7, ["Dye Co", "D1", "IN", "Apparel", "K1", ""]),
    ]
    let rows = lines.map { MappedTableReader.SourceRow(at: Provenance(file: "in.csv", line: $0.0), fields: $0.1) }
    let whole = MappedTableReader(mapping: mapping, displayPath: "in.csv").read(
      header: ["vendor", "code", "nation", "sector", "parent", "note"], rows: rows,
      headerAt: Provenance(file: "in.csv", line: 2))
    #expect(streamed.entities == whole.entities)
    let edges: [String] = streamed.relationships.map { "\($0.from)>\($0.to)" }
    let wholeEdges: [String] = whole.relationships.map { "\($0.from)>\($0.to)" }
    #expect(edges == wholeEdges)
    #expect(edges.first?.hasSuffix(">K1") == true)  // a parent named by a later row
    let sourceRules: Set<FindingRule> = [.brokenQuoting, .raggedRow, .rowsAboveHeader]
    let streamedRows = streamed.findings.findings.filter { !sourceRules.contains($0.rule) }
    let wholeRows = whole.findings.findings.filter { !sourceRules.contains($0.rule) }
    #expect(streamedRows == wholeRows)
    let broken = streamed.findings.findings.filter { $0.rule == .brokenQuoting || $0.rule == .raggedRow }
    #expect(broken.count == 2)
  }

  @Test func aMissingParameterIsOneErrorAndNothingIsRead() throws {
    let inputs = read("x\nvendor,code,nation,sector,parent\nA,1,CN,,\n", try mapping(supplierMapping))
    #expect(inputs.findings.findings.map(\.rule) == [.rowsAboveHeader, .missingProfileParam])
    #expect(inputs.entities.isEmpty && inputs.files.first?.recordsRejected == 1)
  }

  @Test func aFileTheMappingDoesNotMatchIsReadNatively() throws {
    let inputs = read("id,name,country\nA,a,CN\n", try mapping(supplierMapping))
    #expect(inputs.files.first?.kind == .entities && inputs.entities.map(\.id) == ["A"])
  }

  @Test func everyShippedProfileParses() throws {
    #expect(MappingProfiles.names == ["cmrt-smelter-list", "omts-supplier-list", "os-hub", "rba-findings", "smelter-list", "smeta-findings"])
    for name in MappingProfiles.names { #expect(try MappingProfiles.profile(name).name == name) }
    #expect(throws: MappingError.self) { try MappingProfiles.profile("nope") }
  }
}
