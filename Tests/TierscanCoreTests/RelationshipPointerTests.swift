import Testing
import TierscanCore

/// JSON pointers that end in an index (`/edges/12`) are stored as runs beside
/// ``RelationshipColumns`` (no side-table entry per relationship) and come back exactly, whatever
/// mix of inputs the table holds.
@Suite struct RelationshipPointerTests {
  static func record(_ n: Int, file: String, pointer: String?, attributes: [Attribute] = []) -> RelationshipRecord {
    RelationshipRecord(
      from: "a\(n)", to: "b\(n % 7)", type: .supplies, attributes: attributes,
      provenance: Provenance(file: file, line: n + 2, pointer: pointer))
  }

  @Test func pointersComeBackForEveryMixOfRows() {
    var records: [RelationshipRecord] = []
    // CSV rows first (no pointer), then an OMTS file with a gap (a same_as edge is no record),
    // a pointer that is no index, an attribute, another JSON file, and CSV rows again.
    for n in 0..<3 { records.append(Self.record(n, file: "r.csv", pointer: nil)) }
    for n in [0, 1, 2, 4, 5, 9] { records.append(Self.record(n, file: "g.omts", pointer: "/edges/\(n)")) }
    records.append(Self.record(10, file: "g.omts", pointer: "/edges/10", attributes: [Attribute("tier", "2")]))
    records.append(Self.record(11, file: "g.omts", pointer: "/edges/11"))
    records.append(Self.record(12, file: "g.omts", pointer: "/edges/x"))
    records.append(Self.record(13, file: "g.omts", pointer: "/edges/013"))
    records.append(Self.record(14, file: "g.omts", pointer: "/edges/14"))
    for n in 0..<4 { records.append(Self.record(n, file: "b.json", pointer: "/\(n)")) }
    for n in 0..<2 { records.append(Self.record(n, file: "s.csv", pointer: nil)) }
    let table = RelationshipRecordTable(records)
    #expect(Array(table) == records)
    // Only the rows that need one have a side-table entry: the attribute row, `/edges/x`, `/edges/013`.
    #expect(table.columns.extraRows.count == 3)
    #expect(table.columns.pointerRunStarts.count <= 8)

    // Appending tables keeps them too, in both orders.
    let half = records.count / 2
    var joined = RelationshipRecordTable(records[..<half])
    joined.append(contentsOf: RelationshipRecordTable(records[half...]))
    #expect(Array(joined) == records)
    var csvFirst = RelationshipRecordTable(records[..<3])
    csvFirst.append(contentsOf: RelationshipRecordTable(records[3...]))
    #expect(Array(csvFirst) == records)
  }

  @Test func tablesWithoutPointersHaveNoRuns() {
    let table = RelationshipRecordTable((0..<5).map { Self.record($0, file: "r.csv", pointer: nil) })
    #expect(table.columns.pointerRunStarts.isEmpty && table.columns.extraRows.isEmpty)
  }

  /// A million OMTS edges cost a few runs, not a million side-table entries.
  @Test func consecutiveEdgePointersAreOneRun() {
    var table = RelationshipRecordTable()
    for n in 0..<100_000 { table.append(Self.record(n, file: "g.omts", pointer: "/edges/\(n)")) }
    #expect(table.columns.pointerRunStarts.count == 1)
    #expect(table.columns.extraRows.isEmpty)
    #expect(table[99_999].provenance.pointer == "/edges/99999")
  }
}
