import Testing
import TierscanCore

@Suite struct JSONTests {
  @Test func writerKeepsKeyOrderAndFormatsNumbers() {
    let value = JSONValue.object([
      ("z", .number(1)), ("a", .number(0.765)), ("s", .string("q\"\\\n\u{1}é")), ("n", .null),
      ("l", .array([.bool(true), .array([]), .object([])])),
    ])
    #expect(
      JSONWriter.string(value, pretty: false)
        == #"{"z":1,"a":0.765,"s":"q\"\\\n\u0001é","n":null,"l":[true,[],{}]}"#)
    #expect(JSONWriter.string(.array([.number(1e-20)])) == "[\n  1e-20\n]\n")
  }

  @Test func parserRoundTripsAndRejectsBadInput() throws {
    let text = #"{"b":[1,2.5,-3e2],"a":{"x":"\u00e9\ud83d\ude00"},"c":false}"#
    let value = try JSONParser.parse(text)
    #expect(value["a"]?["x"]?.stringValue == "é😀")
    #expect(value["b"]?.arrayValue == [.number(1), .number(2.5), .number(-300)])
    #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse(#"{"a":1,"a":2}"#) }
    #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse("[1,]") }
    #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse("NaN") }
    #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse("01") }
    do {
      _ = try JSONParser.parse("{\n  \"a\": tru\n}")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 8)
    }
  }
}
