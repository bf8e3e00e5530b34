import Testing
@testable import TierscanIngest
import TierscanTestSupport

/// ``PlainField/unquotedEnd(_:from:to:highBytes:)`` (eight bytes at a time) against its
/// byte-by-byte reference.
@Suite struct PlainFieldTests {
  @Test func unquotedEndEqualsByteByByteScan() {
    var rng = SplitMix64(seed: 11)
    // Every class of byte the scan distinguishes, and the bit tricks' neighbours.
    let alphabet: [UInt8] = [
      0x2C, 0x22, 0x7F, 0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x2B, 0x2D, 0x41, 0x61, 0x7E, 0x80, 0xA0, 0xC3,
      0xE2, 0xFF, 0xAC, 0xA2,
    ]
    for round in 0..<4_000 {
      let length = Int(rng.next() % 40)
      let plainRun = rng.next() % 2 == 0
      let bytes: [UInt8] = (0..<length).map { _ in
        plainRun && rng.next() % 6 != 0 ? UInt8(0x41 + rng.next() % 26) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }
      let start = length == 0 ? 0 : Int(rng.next() % UInt64(length + 1))
      let end = start + Int(rng.next() % UInt64(length - start + 1))
      bytes.withUnsafeBufferPointer { p in
        var fastHigh = false
        var slowHigh = false
        let fast = PlainField.unquotedEnd(p, from: start, to: end, highBytes: &fastHigh)
        let slow = PlainField.unquotedEndByteByByte(p, from: start, to: end, highBytes: &slowHigh)
        #expect(fast == slow, "round \(round): \(bytes) \(start)..<\(end)")
        // The word scan may note high bytes of later fields of the line (never past `end`).
        if fast != nil {
          let rest = bytes[start..<end].contains { $0 >= 0x80 }
          #expect(!slowHigh || fastHigh, "round \(round)")
          #expect(!fastHigh || rest, "round \(round)")
        }
      }
    }
  }

  /// The fields as the byte-by-byte loop found them (the relationship fast path before
  /// ``PlainField/forEachField(_:from:to:highBytes:_:)``), or `nil` for a line it rejects.
  private func referenceFields(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ([Range<Int>], Bool)? {
    var fields: [Range<Int>] = []
    var high = false
    var k = start
    while true {
      let fieldStart = k
      guard let fieldEnd = PlainField.unquotedEndByteByByte(p, from: k, to: end, highBytes: &high) else { return nil }
      k = fieldEnd
      fields.append(fieldStart..<k)
      if k >= end { break }
      k += 1
    }
    return (fields, high)
  }

  @Test func forEachFieldEqualsTheByteByByteSplit() {
    var rng = SplitMix64(seed: 12)
    let alphabet: [UInt8] = [0x2C, 0x2C, 0x2C, 0x22, 0x7F, 0x00, 0x0A, 0x1F, 0x20, 0x41, 0x7E, 0x80, 0xC3, 0xFF]
    for round in 0..<4_000 {
      let length = Int(rng.next() % 48)
      let clean = rng.next() % 3 != 0
      let bytes: [UInt8] = (0..<length).map { _ in
        let b = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        return clean && (b < 0x20 || b == 0x22 || b == 0x7F) ? UInt8(0x61) : b
      }
      let start = length == 0 ? 0 : Int(rng.next() % UInt64(length + 1))
      let end = start + Int(rng.next() % UInt64(length - start + 1))
      let stopAfter = rng.next() % 4 == 0 ? Int(rng.next() % 6) : Int.max
      bytes.withUnsafeBufferPointer { p in
        var seen: [Range<Int>] = []
        var high = false
        let verdict = PlainField.forEachField(p, from: start, to: end, highBytes: &high) { s, e in
          guard seen.count < stopAfter else { return false }
          seen.append(s..<e)
          return true
        }
        let reference = referenceFields(p, start, end)
        if let (fields, referenceHigh) = reference, fields.count <= stopAfter {
          #expect(verdict && seen == fields && high == referenceHigh, "round \(round): \(bytes) \(start)..<\(end)")
        } else {
          #expect(!verdict, "round \(round): \(bytes) \(start)..<\(end)")
          if let (fields, _) = reference { #expect(seen == Array(fields.prefix(stopAfter))) }
        }
      }
    }
  }
}
