import Testing
import TierscanCore

@Suite struct JSONCursorTests {
  @Test func cursorReadsElementsWithTheirLines() throws {
    let text = "{\n  \"head\": 1,\n  \"items\": [\n    {\"a\": 1},\n\n    {\"b\":\n      2}\n  ]\n}\n"
    var parser = JSONParser(bytes: Array(text.utf8))
    try parser.beginObject()
    var seen: [(String, Int)] = []
    while let key = try parser.nextKey() {
      if key == "items" {
        try parser.beginArray()
        while try parser.nextElement() {
          let line = parser.nextLine()
          let value = try parser.readValue()
          seen.append((value.objectValue?.first?.0 ?? "?", line))
        }
      } else {
        #expect(try parser.readValue() == .number(1))
      }
    }
    try parser.expectEnd()
    #expect(seen.map(\.0) == ["a", "b"])
    #expect(seen.map(\.1) == [4, 6])
  }

  @Test func cursorRejectsDuplicateKeysAndTrailingCommas() {
    var parser = JSONParser(bytes: Array(#"{"a": 1, "a": 2}"#.utf8))
    #expect(throws: JSONParser.ParseError.self) {
      try parser.beginObject()
      while try parser.nextKey() != nil { _ = try parser.readValue() }
    }
    var trailing = JSONParser(bytes: Array("[1,]".utf8))
    #expect(throws: JSONParser.ParseError.self) {
      try trailing.beginArray()
      while try trailing.nextElement() { _ = try trailing.readValue() }
    }
  }

  @Test func limitsStopNestingBombsAndLongStrings() {
    let bomb = Array(repeating: UInt8(ascii: "["), count: 100_000)
    #expect(throws: JSONParser.ParseError.self) {
      _ = try JSONParser.parse(bytes: bomb, limits: JSONLimits(maxDepth: 64))
    }
    let long = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000) + Array("\"]".utf8)
    do {
      _ = try JSONParser.parse(bytes: long, limits: JSONLimits(maxStringBytes: 4096))
      Issue.record("expected a string-length error")
    } catch {
      #expect(error.message == "string longer than 4096 bytes")
      #expect(error.line == 1)
    }
    // Escaped strings are bounded too.
    let escaped = Array("\"".utf8) + Array(repeating: Array("\\n".utf8), count: 3000).flatMap { $0 } + Array("\"".utf8)
    #expect(throws: JSONParser.ParseError.self) {
      _ = try JSONParser.parse(bytes: escaped, limits: JSONLimits(maxStringBytes: 1000))
    }
    #expect((try? JSONParser.parse(bytes: long, limits: JSONLimits(maxStringBytes: 5000))) != nil)
  }

  @Test func errorsGiveLineAndColumnAfterManyLines() {
    let text = String(repeating: "\n", count: 40) + "  [1, 2,, 3]"
    do {
      _ = try JSONParser.parse(text)
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 41)
      #expect(error.column == 9)
    }
  }
}
