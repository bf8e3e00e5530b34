import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// ``JSONStream`` reads a file in chunks and must give exactly what ``JSONParser`` gives on the
/// whole bytes: the same values, lines, errors and columns, across buffer refills.
@Suite struct JSONStreamTests {
  /// A small value window, so a few hundred KiB take many refills (the chunk is at least 64 KiB).
  static let limits = JSONLimits(maxDepth: 64, maxStringBytes: 4096, maxValueBytes: 8192)

  static func file(_ bytes: [UInt8]) throws -> String {
    let url = TestScratch.directory.appendingPathComponent("tierscan-stream-\(UUID().uuidString).json")
    try Data(bytes).write(to: url)
    return url.path
  }

  /// A document `{"head": …, "items": [ … ]}` of `count` elements, some spanning lines, with
  /// escaped and multi-byte strings.
  static func document(count: Int, pretty: Bool) -> [UInt8] {
    var text = "{\"head\": {\"a\": [1, 2.5e3, true, null]}, \"items\": ["
    for i in 0..<count {
      if i > 0 { text += "," }
      if pretty { text += "\n    " }
      text += "{\"id\": \"n\(i)\", \"name\": \"Ünï \\\"q\\\" \\u00e9 \(String(repeating: "x", count: i % 97))\","
      text += pretty && i % 3 == 0 ? "\n      " : " "
      text += "\"tags\": [\(i), -\(i).5, {\"k\": \"v\(i)\"}]}"
    }
    text += pretty ? "\n  ]\n}\n" : "]}"
    return Array(text.utf8)
  }

  /// (line, value) of every element of `items`, through any cursor.
  static func elements(stream: inout JSONStream) throws(JSONParser.ParseError) -> [(Int, JSONValue)] {
    var out: [(Int, JSONValue)] = []
    try stream.beginObject()
    while let key = try stream.nextKey() {
      if key == "items" {
        try stream.beginArray()
        while try stream.nextElement() {
          let line = try stream.nextLine()
          out.append((line, try stream.readValue()))
        }
      } else {
        _ = try stream.readValue()
      }
    }
    try stream.expectEnd()
    return out
  }

  @Test(arguments: [true, false]) func fileStreamReadsWhatTheWholeBufferReads(pretty: Bool) throws {
    let bytes = Self.document(count: 3000, pretty: pretty)
    #expect(bytes.count > 4 * (64 << 10))  // several refills
    var whole = JSONStream(bytes: bytes, limits: Self.limits)
    let expected = try Self.elements(stream: &whole)
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var streamed = try JSONStream(path: path, limits: Self.limits)
    let got = try Self.elements(stream: &streamed)
    #expect(got.count == 3000)
    #expect(got.map(\.0) == expected.map(\.0))
    #expect(got.map(\.1) == expected.map(\.1))
    #expect(got.last?.1["id"]?.stringValue == "n2999")
    if pretty { #expect(got.prefix(4).map(\.0) == [2, 4, 5, 6]) }
  }

  /// Tiny reads (``JSONLimits/streamReadBytes``, as the fuzz harness uses): every key and value
  /// crosses refills, and the result is still the whole buffer's.
  @Test(arguments: [1, 7, 61]) func tinyReadsReadWhatTheWholeBufferReads(readBytes: Int) throws {
    let bytes = Self.document(count: 200, pretty: true)
    var whole = JSONStream(bytes: bytes, limits: Self.limits)
    let expected = try Self.elements(stream: &whole)
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var limits = Self.limits
    limits.streamReadBytes = readBytes
    var streamed = try JSONStream(path: path, limits: limits)
    let got = try Self.elements(stream: &streamed)
    #expect(got.count == 200)
    #expect(got.map(\.0) == expected.map(\.0))
    #expect(got.map(\.1) == expected.map(\.1))
  }

  /// A syntax error deep in a one-line document: the same line and column as the parser gives
  /// on the whole bytes, although the stream dropped most of that line before it.
  @Test func errorsAfterRefillsKeepTheirLineAndColumn() throws {
    var bytes = Self.document(count: 3000, pretty: false)
    // The colon after the last element's "tags".
    let tags = Array("\"tags\":".utf8)
    let at = try #require((0..<(bytes.count - tags.count)).last { Array(bytes[$0..<($0 + tags.count)]) == tags }) + tags.count - 1
    bytes[at] = UInt8(ascii: "@")
    var whole = JSONParser(bytes: bytes, limits: Self.limits)
    var expected: JSONParser.ParseError?
    do { _ = try whole.readValue() } catch { expected = error }
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var streamed = try JSONStream(path: path, limits: Self.limits)
    do {
      _ = try Self.elements(stream: &streamed)
      Issue.record("expected a syntax error")
    } catch {
      #expect(error == expected)
      #expect(error.line == 1 && error.column > 200_000)
    }
  }

  @Test func aValueLongerThanTheWindowIsAnErrorNotATruncation() throws {
    let big = "{\"items\": [{\"id\": \"a\"}, [" + Array(repeating: "\"0123456789\"", count: 2000).joined(separator: ",") + "]]}"
    let path = try Self.file(Array(big.utf8) + Array(repeating: UInt8(ascii: " "), count: 70_000))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var stream = try JSONStream(path: path, limits: Self.limits)
    do {
      _ = try Self.elements(stream: &stream)
      Issue.record("expected the value-size error")
    } catch {
      #expect(error.message == "a JSON value longer than 8192 bytes (the limit for one element of a streamed file)")
      #expect(error.line == 1 && error.column == 25)
    }
    // The limit does not depend on where the buffer ends: the same in memory.
    var whole = JSONStream(bytes: Array(big.utf8), limits: Self.limits)
    #expect(throws: JSONParser.ParseError.self) { _ = try Self.elements(stream: &whole) }
    // One byte under the limit reads.
    let fits = "{\"items\": [" + String(repeating: " ", count: 0) + "\"" + String(repeating: "y", count: 4000) + "\"]}"
    var small = JSONStream(bytes: Array(fits.utf8), limits: Self.limits)
    #expect(try Self.elements(stream: &small).count == 1)
  }

  @Test func stringAndDepthLimitsHoldInAStream() throws {
    let long = "{\"items\": [\"" + String(repeating: "z", count: 100_000) + "\"]}"
    let path = try Self.file(Array(long.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var stream = try JSONStream(path: path, limits: Self.limits)
    do {
      _ = try Self.elements(stream: &stream)
      Issue.record("expected the string error")
    } catch {
      #expect(error.description == "1:12: string longer than 4096 bytes")
    }
    let bomb = "{\"items\": [" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "]}"
    let bombPath = try Self.file(Array(bomb.utf8))
    defer { try? FileManager.default.removeItem(atPath: bombPath) }
    var deep = try JSONStream(path: bombPath, limits: Self.limits)
    do {
      _ = try Self.elements(stream: &deep)
      Issue.record("expected the depth error")
    } catch {
      #expect(error.message == "nesting deeper than 64")
    }
  }

  /// A checkpoint before an array lets a second stream read it again, with the same lines.
  @Test(arguments: [true, false]) func checkpointResumesAnArray(fromFile: Bool) throws {
    let bytes = Self.document(count: 2000, pretty: true)
    let path = try Self.file(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var first = try JSONStream(path: path, limits: Self.limits)
    let expected = try Self.elements(stream: &first)
    var stream = try JSONStream(path: path, limits: Self.limits)
    try stream.beginObject()
    var checkpoint: JSONStream.Checkpoint?
    while let key = try stream.nextKey() {
      guard key == "items" else {
        try stream.skipValue()
        continue
      }
      checkpoint = try stream.checkpoint()
      try stream.beginArray()
      while try stream.nextElement() { try stream.skipValue() }
    }
    var again = try JSONStream(
      path: fromFile ? path : nil, bytes: fromFile ? nil : bytes, limits: Self.limits, resuming: try #require(checkpoint))
    var got: [(Int, JSONValue)] = []
    try again.beginArray()
    while try again.nextElement() {
      let line = try again.nextLine()
      got.append((line, try again.readValue()))
    }
    #expect(got.map(\.0) == expected.map(\.0))
    #expect(got.map(\.1) == expected.map(\.1))
  }
}
