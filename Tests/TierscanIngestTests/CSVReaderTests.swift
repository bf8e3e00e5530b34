import Foundation
import Testing
import TierscanIngest

@Suite struct CSVReaderTests {
  private func read(_ bytes: [UInt8], limits: IngestLimits = IngestLimits(), trims: Bool = false) -> [CSVReadResult] {
    CSVReader(limits: limits, trimsFields: trims).results(of: Data(bytes))
  }

  private func read(_ text: String, limits: IngestLimits = IngestLimits(), trims: Bool = false) -> [CSVReadResult] {
    read(Array(text.utf8), limits: limits, trims: trims)
  }

  private func record(_ fields: [String], _ line: Int, control: Bool = false) -> CSVReadResult {
    .record(CSVRecord(fields: fields, line: line, hasControlCharacters: control))
  }

  @Test func simpleRecordsWithLines() {
    #expect(read("a,b\n1,2\n") == [record(["a", "b"], 1), record(["1", "2"], 2)])
  }

  @Test func quotedFieldsWithCommasAndDoubledQuotes() {
    #expect(read("\"a,b\",\"say \"\"hi\"\"\",c\n") == [record(["a,b", "say \"hi\"", "c"], 1)])
    #expect(read("\"\"\"\"\n") == [record(["\""], 1)])
    #expect(read("\"\",x\n") == [record(["", "x"], 1)])
  }

  @Test func embeddedLineBreaksCountPhysicalLines() {
    let text = "h1,h2\r\n\"x\r\ny\",z\r\nnext,1\r\n\"a\nb\nc\",2\nlast,3"
    #expect(
      read(text) == [
        record(["h1", "h2"], 1), record(["x\r\ny", "z"], 2), record(["next", "1"], 4), record(["a\nb\nc", "2"], 5),
        record(["last", "3"], 8),
      ])
  }

  @Test func crOnlyLineEnds() {
    #expect(read("a,b\r1,2\r3,4") == [record(["a", "b"], 1), record(["1", "2"], 2), record(["3", "4"], 3)])
    #expect(read("\"x\ry\",1\rz,2\r") == [record(["x\ry", "1"], 1), record(["z", "2"], 3)])
  }

  @Test func byteOrderMarkIsSkipped() {
    #expect(read([0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8)) == [record(["id", "name"], 1)])
    #expect(read([0xEF, 0xBB, 0xBF]) == [])
    #expect(read("") == [])
  }

  @Test func emptyTrailingFieldsAndFinalRecordWithoutNewline() {
    #expect(read("a,,\n,\n") == [record(["a", "", ""], 1), record(["", ""], 2)])
    #expect(read("a,b\n1,2") == [record(["a", "b"], 1), record(["1", "2"], 2)])
    #expect(read("a,b\n1,") == [record(["a", "b"], 1), record(["1", ""], 2)])
  }

  @Test func blankLinesAreSkippedButCounted() {
    #expect(read("a\n\n\r\n\rb\n") == [record(["a"], 1), record(["b"], 5)])
  }

  @Test func unterminatedQuoteReportsTheRecordStart() {
    #expect(read("a,b\n1,\"open\n2,3\n") == [record(["a", "b"], 1), .failure(.unterminatedQuote(line: 2))])
  }

  @Test func quoteInsideUnquotedFieldIsBrokenQuoting() {
    #expect(
      read("a,b\n1,x\"y\n3,4\n") == [record(["a", "b"], 1), .failure(.brokenQuoting(line: 2)), record(["3", "4"], 3)])
  }

  @Test func textAfterClosingQuoteIsBrokenQuoting() {
    #expect(read("\"ab\"c,d\nnext,1\n") == [.failure(.brokenQuoting(line: 1)), record(["next", "1"], 2)])
    #expect(read("\"ab\" ,d\nnext,1\n") == [.failure(.brokenQuoting(line: 1)), record(["next", "1"], 2)])
  }

  @Test func invalidUTF8RejectsOnlyThatRecord() {
    let bytes = Array("a,b\n1,".utf8) + [0xFF, 0x41] + Array("\n3,4\n".utf8)
    #expect(read(bytes) == [record(["a", "b"], 1), .failure(.invalidUTF8(line: 2)), record(["3", "4"], 3)])
    let truncated = Array("\"x\n".utf8) + [0xE6, 0x9D] + Array("\",1\nok,2\n".utf8)
    #expect(read(truncated) == [.failure(.invalidUTF8(line: 1)), record(["ok", "2"], 3)])
  }

  @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0x80], [0xF8]])
  func malformedUTF8FormsAreRejected(_ bad: [UInt8]) {
    #expect(read(Array("a".utf8) + bad + Array("\nb\n".utf8)) == [.failure(.invalidUTF8(line: 1)), record(["b"], 2)])
  }

  @Test func wellFormedMultibyteUTF8IsKept() {
    #expect(read([0xF0, 0x9F, 0x98, 0x80, 0x2C, 0xED, 0x9F, 0xBF, 0x2C, 0xF4, 0x8F, 0xBF, 0xBF]) == [
      record(["😀", "\u{D7FF}", "\u{10FFFF}"], 1)
    ])
  }

  @Test func nulByteRejectsTheRecord() {
    #expect(read(Array("a,".utf8) + [0] + Array("b\nc,d\n".utf8)) == [.failure(.nulByte(line: 1)), record(["c", "d"], 2)])
  }

  @Test func fieldLimitCountsUnescapedBytes() {
    var limits = IngestLimits()
    limits.maxFieldBytes = 4
    #expect(read("abcde,x\nab,cd\n", limits: limits) == [.failure(.fieldTooLong(line: 1, limit: 4)), record(["ab", "cd"], 2)])
    #expect(read("\"a\"\"b\"\"c\"\n\"a\"\"bc\"\n", limits: limits) == [
      .failure(.fieldTooLong(line: 1, limit: 4)), record(["a\"bc"], 2),
    ])
  }

  @Test func recordLimit() {
    var limits = IngestLimits()
    limits.maxRecordBytes = 10
    #expect(read("aaaa,bbbb,cccc\nx,y\n", limits: limits) == [.failure(.recordTooLong(line: 1, limit: 10)), record(["x", "y"], 2)])
    #expect(read("aaaa,bbbb\n", limits: limits) == [record(["aaaa", "bbbb"], 1)])
  }

  @Test func controlCharactersAreFlagged() {
    #expect(read("a\u{1}b,c\n") == [record(["a\u{1}b", "c"], 1, control: true)])
    #expect(read("\"a\u{7F}\",c\n") == [record(["a\u{7F}", "c"], 1, control: true)])
    #expect(read("a\tb,c\n") == [record(["a\tb", "c"], 1)])
  }

  @Test func trimmingAndUnicode() {
    #expect(read("  a  ,\t\" b \" \n", trims: true) == [.failure(.brokenQuoting(line: 1))])
    #expect(read("  a  ,\" b \"\n", trims: true) == [record(["a", "b"], 1)])
    #expect(read("Zürich,東京,\"x\"\"  \"\n", trims: true) == [record(["Zürich", "東京", "x\""], 1)])
  }

  @Test func errorMessagesNameTheRule() {
    #expect(CSVReadError.fieldTooLong(line: 3, limit: 9).rule == .fieldTooLong)
    #expect(CSVReadError.fieldTooLong(line: 3, limit: 9).description.contains("maxFieldBytes (9 bytes)"))
    #expect(CSVReadError.unterminatedQuote(line: 7).line == 7)
  }
}
