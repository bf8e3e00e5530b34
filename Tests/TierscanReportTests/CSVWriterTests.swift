import Testing
@testable import TierscanReport

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
    ("+44 20", "'+44 20"),
    ("-1", "'-1"),
    ("@cmd", "'@cmd"),
    ("=1,2", "\"'=1,2\""),
    ("a=b", "a=b"),
    ("", ""),
  ])
  func cells(value: String, expected: String) {
    #expect(CSVWriter.cell(value) == expected)
  }

  @Test func scoresUseDescription() {
    #expect(CSVWriter.score(0.765) == "0.765")
    #expect(CSVWriter.score(1.0) == "1.0")
    #expect(CSVWriter.score(0.1 + 0.2) == "0.30000000000000004")
  }
}
