import Testing
@testable import TierscanCore
import TierscanTestSupport

/// ``IDLookup``, the two-core steps of joining relationship tables, against the plain one-thread
/// definitions: every id looked up one by one, every column entry mapped one by one; and a
/// joined ``RelationshipRecordTable`` large enough to split against one appended record by record.
@Suite struct IDLookupTests {
  private static func interner(_ keys: [String]) -> ByteInterner {
    var table = ByteInterner()
    for key in keys { _ = table.intern(key) }
    return table
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func lookupsEqualOneByOne(seed: UInt64) {
    var random = SplitMix64(seed: 0x4944_4C4B &+ seed)
    let pool = [0, 1, 3, 40, 1_000][Int(seed % 5)]
    // Short keys (decided in the slot) and long ones (compared in the arena), some in both tables.
    func key() -> String {
      let n = Int.random(in: 0..<max(1, pool * 2), using: &random)
      return Bool.random(using: &random) ? "E\(n)" : "a-much-longer-identifier-\(n)"
    }
    let mine = Self.interner((0..<pool).map { _ in key() })
    let other = Self.interner((0..<pool).map { _ in key() })
    let expected = (0..<other.count).map { i in mine.index(of: other.string(at: i)) ?? -1 }
    for minimumToSplit in [0, 1, 2, .max] {
      #expect(IDLookup.indices(of: other, in: mine, minimumToSplit: minimumToSplit) == expected)
    }
    let column = (0..<Int.random(in: 0...300, using: &random)).map { _ in Int32.random(in: 0..<Int32(max(1, expected.count)), using: &random) }
    let map = expected.isEmpty ? [Int32(0)] : expected
    let prefix = (0..<Int.random(in: 0...5, using: &random)).map { Int32($0) }
    for minimumToSplit in [0, 1, 2, .max] {
      var target = prefix
      IDLookup.appendMapped(column, through: map, to: &target, minimumToSplit: minimumToSplit)
      #expect(target == prefix + column.map { map[Int($0)] })
    }
  }

  /// Joined at a cut, two tables of more ids than ``IDLookup/minimumToSplit`` (so the look-ups
  /// split) equal the table appended record by record: ids, first rows and endpoints.
  @Test func joinedTableEqualsRecordByRecord() {
    var random = SplitMix64(seed: 0x4A4F_494E)
    let ids = IDLookup.minimumToSplit * 3
    let records = (0..<(ids * 2)).map { n in
      RelationshipRecord(
        from: "E\(Int.random(in: 0..<ids, using: &random))", to: "S\(Int.random(in: 0..<ids, using: &random))",
        type: .supplies, provenance: Provenance(file: "r.csv", line: n + 2))
    }
    let whole = RelationshipRecordTable(records)
    for cut in [records.count / 3, records.count / 2] {
      var joined = RelationshipRecordTable(records[..<cut])
      joined.append(contentsOf: RelationshipRecordTable(records[cut...]))
      #expect(joined.ids == whole.ids)
      #expect(joined.idFirstRow == whole.idFirstRow)
      #expect(joined.fromID == whole.fromID && joined.toID == whole.toID)
    }
  }
}
