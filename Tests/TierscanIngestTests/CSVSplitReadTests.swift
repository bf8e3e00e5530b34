import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest
import TierscanTestSupport

/// A file read in two concurrent halves must give exactly the sequential result.
@Suite struct CSVSplitReadTests {
  private func read(_ text: String, splitAbove: Int) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions(), splitAbove: splitAbove)
  }

  private func expectSame(_ text: String) {
    let whole = read(text, splitAbove: .max)
    let split = read(text, splitAbove: 0)
    #expect(split.relationships == whole.relationships)
    #expect(split.entities == whole.entities)
    #expect(split.findings.findings == whole.findings.findings)
    #expect(split.files == whole.files)
  }

  @Test func boundaryFollowsQuotedLineBreaks() {
    // Line 1 header; "C\nD" spans lines 3-4; the middle of the bytes lies inside that field.
    let text = "from,to,type\nA,B,supplies\n\"C\nD\",E,supplies\nX,Y,bogus\n"
    let bytes = Array(text.utf8)
    let inside = bytes.firstIndex(of: UInt8(ascii: "D"))!
    let boundary = bytes.withUnsafeBufferPointer { CSVSplit.boundary(in: $0, atOrAfter: inside) }
    let expectedOffset = text.utf8.count - "X,Y,bogus\n".utf8.count
    #expect(boundary?.offset == expectedOffset)
    #expect(boundary?.line == 5)
    let split = read(text, splitAbove: 0)
    #expect(split.findings.findings.map(\.description).contains { $0.hasPrefix("in.csv:5: error: unknown-relationship-type") })
    #expect(split.files.map(\.recordsRead) == [3])
    #expect(split.files.map(\.recordsAccepted) == [2])
    expectSame(text)
  }

  @Test func strayQuoteDoesNotOpenAField() {
    // The quote in `b"c` is not at a field start: the reader does not open a quoted field there.
    let text = "from,to,type\nA,b\"c,supplies\nD,E,supplies\nF,G,supplies\n"
    let bytes = Array(text.utf8)
    let boundary = bytes.withUnsafeBufferPointer { CSVSplit.boundary(in: $0, atOrAfter: 20) }
    #expect(boundary?.offset == "from,to,type\nA,b\"c,supplies\n".utf8.count)
    #expect(boundary?.line == 3)
    expectSame(text)
  }

  @Test func noBoundaryInsideAnUnterminatedQuote() {
    let text = "from,to,type\nA,\"B,supplies\nC,D,supplies\n"
    let boundary = Array(text.utf8).withUnsafeBufferPointer { CSVSplit.boundary(in: $0, atOrAfter: 20) }
    #expect(boundary == nil)
    expectSame(text)
  }

  @Test func randomFilesReadTheSameInHalves() {
    var rng = SplitMix64(seed: 42)
    let pieces = [
      "A", "B", "E1", " x ", "\"q,uo\nted\"", "\"a\"\"b\"", "b\"c", "\"\r\n\"", "supplies", "owns", "bogus",
      "=F", "50", "0.5", "2024", "\u{1}", "Çelik", "\"x\"y",
    ]
    let ends = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]
    for _ in 0..<300 {
      var text = rng.next() % 4 == 0 ? "\u{FEFF}" : ""
      text += "from,to,type,share,confidence,reporting_year" + ends[Int(rng.next() % UInt64(ends.count))]
      for _ in 0..<Int(rng.next() % 30) {
        let fields = 5 + Int(rng.next() % 3)
        text += (0..<fields).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: ",")
        text += ends[Int(rng.next() % UInt64(ends.count))]
      }
      if rng.next() % 5 == 0 { text += "X,\"open" }
      expectSame(text)
    }
  }
}

/// The quote-skipping ``CSVSplit/walk(_:atOrAfter:)`` against the byte-by-byte state machine from
/// the start, at every offset of random texts full of quotes, commas and line ends.
@Suite struct CSVSplitWalkTests {
  @Test func walkEqualsByteByByteWalkAtEveryOffset() {
    var rng = SplitMix64(seed: 21)
    let pieces = ["a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", "\"x,\ny\"", "é", " "]
    for round in 0..<400 {
      var text = round % 5 == 0 ? "\u{FEFF}" : ""
      for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
      let bytes = Array(text.utf8)
      let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      bytes.withUnsafeBufferPointer { p in
        for mid in 0...bytes.count + 1 {
          let fast = CSVSplit.walk(p, atOrAfter: mid)
          let reference = CSVSplit.walk(p, from: start, line: 1, atFieldStart: true, atOrAfter: mid)
          #expect(fast?.offset == reference?.offset && fast?.line == reference?.line, "\(bytes) mid \(mid)")
        }
        let ends = CSVSplit.lineEnds(in: p, to: bytes.count)
        let naive = zip(bytes.indices, bytes).filter { k, b in b == 0x0A || (b == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) }
        #expect(ends == naive.count)
      }
    }
  }
}
