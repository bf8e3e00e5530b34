import Testing

@testable import TierscanCore

/// ``IdentifierColumn`` gives back every ``Identifiers`` value exactly (each of the 16
/// combinations of schemes, empty and non-ASCII values, `é` precomposed and decomposed kept
/// apart by bytes), and says which slots give an identifier that merges.
@Suite struct IdentifierColumnTests {
  @Test func givesBackEveryCombination() {
    let samples = ["5493001KJTIIGC8Y1R12", "123456789", "GB123", "CID000001", "", "é", "e\u{301}", "a long value beyond fifteen bytes"]
    var stored: [Identifiers] = []
    var column = IdentifierColumn()
    for n in 0..<(16 * samples.count) {
      let bits = n % 16
      func value(_ bit: Int) -> String? { bits & (1 << bit) == 0 ? nil : samples[(n / 16 + bit) % samples.count] }
      let identifiers = Identifiers(lei: value(0), duns: value(1), vat: value(2), cid: value(3))
      guard !identifiers.isEmpty else { continue }
      #expect(column.append(identifiers) == Int32(stored.count))
      stored.append(identifiers)
    }
    #expect(column.count == stored.count)
    let compacted = column.compacted()
    for (s, identifiers) in stored.enumerated() {
      for read in [column[s], compacted[s]] {
        #expect(read == identifiers)
        #expect(Array((read.lei ?? "-").utf8) == Array((identifiers.lei ?? "-").utf8))
        #expect(Array((read.vat ?? "-").utf8) == Array((identifiers.vat ?? "-").utf8))
        #expect(Array((read.cid ?? "-").utf8) == Array((identifiers.cid ?? "-").utf8))
        #expect(Array((read.duns ?? "-").utf8) == Array((identifiers.duns ?? "-").utf8))
      }
      let merging = identifiers.lei != nil || identifiers.duns != nil || identifiers.cid != nil
      #expect(column.hasMergingIdentifier(s) == merging)
    }
  }
}
