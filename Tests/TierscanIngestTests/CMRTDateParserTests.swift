import Testing

@testable import TierscanIngest

@Suite struct CMRTDateParserTests {
  @Test(arguments: [
    (45414.0, "2024-05-02"), (45413.0, "2024-05-01"), (1.0, "1900-01-01"), (59.0, "1900-02-28"),
    (61.0, "1900-03-01"), (45414.75, "2024-05-02"), (2_958_465.0, "9999-12-31"),
  ])
  func serials1900(serial: Double, iso: String) {
    #expect(CMRTDateParser.fromSerial(serial, uses1904: false) == iso)
  }

  @Test func serialEdgeCases() {
    #expect(CMRTDateParser.fromSerial(60, uses1904: false) == nil)  // 1900-02-29 does not exist
    #expect(CMRTDateParser.fromSerial(0, uses1904: false) == nil)
    #expect(CMRTDateParser.fromSerial(-3, uses1904: false) == nil)
    #expect(CMRTDateParser.fromSerial(.nan, uses1904: false) == nil)
    #expect(CMRTDateParser.fromSerial(43952, uses1904: true) == "2024-05-02")  // 1904 system: 1462 days less
  }

  @Test(arguments: [
    ("02-May-2024", "2024-05-02"), ("2-may-24", "2024-05-02"), ("02 May 2024", "2024-05-02"),
    ("May 2, 2024", "2024-05-02"), ("2 September 2023", "2023-09-02"), ("2024-05-02", "2024-05-02"),
    ("2024/5/2", "2024-05-02"), ("02.05.2024", "2024-05-02"), ("25/12/2024", "2024-12-25"),
    ("12/25/2024", "2024-12-25"), ("2024-05-02 00:00:00", "2024-05-02"), ("\t02-May-2024\t", "2024-05-02"),
    ("45414", "2024-05-02"),
  ])
  func texts(text: String, iso: String) {
    #expect(CMRTDateParser.fromText(text, uses1904: false) == iso)
  }

  @Test(arguments: ["sometime in May", "05/02/2024", "31-Feb-2024", "2024-13-01", "", "Yes", "May 2024"])
  func unreadableTexts(text: String) {
    #expect(CMRTDateParser.fromText(text, uses1904: false) == nil)
  }
}
