import Foundation
import Testing

@Suite(.serialized) struct ValidateCommandTests {
  private let fixtures = TierscanBinary.root.appendingPathComponent("Tests/Fixtures/csv")

  @Test func validDirectory() throws {
    let result = try TierscanBinary.run(["validate", "valid"], in: fixtures)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        FILE                     KIND               RECORDS  ACCEPTED  REJECTED  ERRORS  WARNINGS
        valid/country_risk.csv   country-risk             2         2         0       0         0
        valid/entities.csv       entities                 4         4         0       0         0
        valid/relationships.csv  relationships            3         3         0       0         0
        valid/risk_list.csv      risk-list                1         1         0       0         0
        valid/smelters.csv       smelter-reference        2         2         0       0         0
        valid/suppliers.csv      supplier-list            2         2         0       0         0
        
        Summary
        files           6
        rows read      14
        entities        6
        relationships   5
        errors          0
        warnings        0
        info            0
        
        Findings
        none

        """)
  }

  @Test func badDirectoryListsEveryFinding() throws {
    let result = try TierscanBinary.run(["validate", "bad"], in: fixtures)
    #expect(result.status == 2)
    let expectedStderr = [
      "bad/.hidden.csv: info: skipped-file: dotfile or lock file skipped",
      "bad/~$lock.csv: info: skipped-file: dotfile or lock file skipped",
      "bad/duplicate_header.csv:1: error: duplicate-header: column 'name' appears more than once; file not read",
      "bad/invalid_utf8.csv:2: error: not-utf8: the file is not UTF-8 (first invalid byte 0xE9): it looks like Latin-1 or Windows-1252; read it with --encoding windows-1252 or --encoding latin1 (or save it as UTF-8)",
      "bad/invalid_utf8.csv:2: error: invalid-utf8: field is not valid UTF-8; record rejected",
      "bad/notes.txt: error: unrecognised-file: not a .csv, .xml, .xlsx, .omts, .json or .jsonl file; file not read",
      "bad/quoting.csv:3: error: broken-quoting: quote inside an unquoted field or text after a closing quote; record rejected",
      "bad/quoting.csv:4: error: ragged-row: row has 4 fields but the header has 3; row rejected",
      "bad/quoting.csv:7: error: unterminated-quote: quoted field not closed before the end of the file; record rejected",
      "bad/relationships.csv:2: error: unknown-relationship-type: type 'buys' is not supplies, subcontracts, owns or operates; row rejected",
      "bad/relationships.csv:3: error: invalid-share: share '0' is not a number in (0, 100]; row rejected",
      "bad/relationships.csv:5: error: missing-field: required field 'from' is empty; row rejected",
      "bad/relationships.csv:6: error: invalid-confidence: confidence '1.5' is not a number in (0, 1]; row rejected",
      "bad/relationships.csv:7: warning: invalid-year: reporting_year '2025.5' is not an integer; value dropped",
      "bad/smelters.csv:4: error: invalid-cid: cid 'CID9' is not 'CID' followed by 6 digits; row rejected",
      "bad/smelters.csv:5: warning: unknown-smelter-status: status 'pending' is not conformant, active or non-conformant; counted as unknown",
      "bad/unrecognised.csv:1: error: unrecognised-header: header (foo,bar) matches no CSV kind: audit-findings needs finding_id, assessment_id (has none); assessments needs assessment_id, supplier_id, scheme (has none); relationships needs from, to, type (has none); supplier-list needs buyer_id, supplier_id (has none); risk-list needs list, name, category (has none); judgements needs left, right, decision (has none); smelter-reference needs cid, status (has none); country-risk needs country, category, score (has none); entities needs id, name (has none). Name the columns with --mapping FILE or a shipped --profile (os-hub, omts-supplier-list, smelter-list; docs/mappings.md); file not read",
      "bad/values.csv:2: info: country-resolved: country 'uk' read as 'GB' (first occurrence in this file; every other occurrence reads the same)",
      "bad/values.csv:3: warning: unknown-country: country 'XX' is not an ISO 3166-1 code or a known country name (docs/countries.md: add it to country-aliases.json); value dropped, kept as attribute 'unresolved_country'",
      "bad/values.csv:3: warning: invalid-lei: lei '5493001KJTIIGC8Y1R13' fails the ISO 17442 format or check digits; value dropped",
      "bad/values.csv:3: warning: invalid-cid: cid 'CID12' is not 'CID' followed by 6 digits; value dropped",
      "bad/values.csv:3: warning: invalid-boolean: raw_material 'maybe' is not true/false/yes/no/1/0; value dropped",
      "bad/values.csv:4: warning: formula-like-id: id '=V3' starts with '='; CSV outputs write it with a leading apostrophe",
      "bad/values.csv:4: warning: invalid-kind: kind 'warehouse' is not company, facility, smelter or mine; value dropped",
      "bad/values.csv:4: warning: invalid-duns: duns '1234' is not 9 digits; value dropped",
      "bad/values.csv:5: error: missing-field: required field 'name' is empty; row rejected",
      "bad/values.csv:6: warning: control-characters: name: control characters removed",
      "bad/smelters.csv:3: warning: duplicate-smelter-reference: CID001070 already given at bad/smelters.csv:2; this row is ignored",
    ]
    #expect(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expectedStderr + [""])
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(
      Array(lines.prefix(9)) == [
        "FILE                      KIND               RECORDS  ACCEPTED  REJECTED  ERRORS  WARNINGS",
        "bad/duplicate_header.csv  entities                 1         0         1       1         0",
        "bad/invalid_utf8.csv      entities                 2         1         1       2         0",
        "bad/notes.txt             unrecognised             0         0         0       1         0",
        "bad/quoting.csv           entities                 5         2         3       3         0",
        "bad/relationships.csv     relationships            6         2         4       4         1",
        "bad/smelters.csv          smelter-reference        4         3         1       1         2",
        "bad/unrecognised.csv      unrecognised             2         0         2       1         0",
        "bad/values.csv            entities                 5         4         1       1         8",
      ])
    #expect(
      Array(lines[9...]) == [
        "", "Summary", "files           8", "rows read      25", "entities        7", "relationships   2", "errors         14",
        "warnings       11", "info            3", "", "Findings", "SEVERITY  RULE                         COUNT",
        "error     broken-quoting                   1", "error     duplicate-header                 1",
        "error     invalid-cid                      1", "error     invalid-confidence               1",
        "error     invalid-share                    1", "error     invalid-utf8                     1",
        "error     missing-field                    2", "error     not-utf8                         1",
        "error     ragged-row                       1",
        "error     unknown-relationship-type        1", "error     unrecognised-file                1",
        "error     unrecognised-header              1", "error     unterminated-quote               1",
        "warning   control-characters               1", "warning   duplicate-smelter-reference      1",
        "warning   formula-like-id                  1", "warning   invalid-boolean                  1",
        "warning   invalid-cid                      1", "warning   invalid-duns                     1",
        "warning   invalid-kind                     1", "warning   invalid-lei                      1",
        "warning   invalid-year                     1", "warning   unknown-country                  1",
        "warning   unknown-smelter-status           1", "info      country-resolved                 1",
        "info      skipped-file                     2", "",
      ])
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let relaxed = try TierscanBinary.run(["validate", "valid/relationships.csv"], in: fixtures)
    #expect(relaxed.status == 0)
    #expect(
      relaxed.stderr == """
        valid/relationships.csv:2: warning: unknown-entity: 'S1' has no entity record; created a placeholder company
        valid/relationships.csv:2: warning: unknown-entity: 'ACME' has no entity record; created a placeholder company
        valid/relationships.csv:3: warning: unknown-entity: 'F1' has no entity record; created a placeholder company
        valid/relationships.csv:4: warning: unknown-entity: 'H1' has no entity record; created a placeholder company

        """)
    let strict = try TierscanBinary.run(["validate", "--strict", "valid/relationships.csv"], in: fixtures)
    #expect(strict.status == 2)
    #expect(strict.stderr == relaxed.stderr.replacingOccurrences(of: ": warning: ", with: ": error: "))
    #expect(strict.stdout.contains("valid/relationships.csv  relationships        3         3         0       4         0\n"))
  }

  @Test func jsonFormat() throws {
    let result = try TierscanBinary.run(["validate", "--format", "json", "valid/smelters.csv", "bad/notes.txt"], in: fixtures)
    #expect(result.status == 2)
    #expect(
      result.stdout == """
        {
          "files": [
            {
              "path": "valid/smelters.csv",
              "kind": "smelter-reference",
              "records": 2,
              "accepted": 2,
              "rejected": 0,
              "errors": 0,
              "warnings": 0
            },
            {
              "path": "bad/notes.txt",
              "kind": "unrecognised",
              "records": 0,
              "accepted": 0,
              "rejected": 0,
              "errors": 1,
              "warnings": 0
            }
          ],
          "summary": {
            "files": 2,
            "rows_read": 2,
            "entities": 0,
            "relationships": 0,
            "errors": 1,
            "warnings": 0,
            "info": 0
          },
          "findings": [
            {
              "severity": "error",
              "rule": "unrecognised-file",
              "count": 1
            }
          ]
        }

        """)
  }

  @Test(arguments: [["validate"], ["validate", "--format", "xml", "valid"], ["validate", "--bogus", "valid"], ["nosuchcommand"]])
  func usageErrorsExit64(_ arguments: [String]) throws {
    let result = try TierscanBinary.run(arguments, in: fixtures)
    #expect(result.status == 64)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Error: "))
  }

  @Test func helpExitsZeroAndMissingInputExitsTwo() throws {
    #expect(try TierscanBinary.run(["validate", "--help"], in: fixtures).status == 0)
    let missing = try TierscanBinary.run(["validate", "nope.csv"], in: fixtures)
    #expect(missing.status == 2)
    #expect(missing.stderr == "nope.csv: error: missing-input: no such file or directory\n")
  }
}
