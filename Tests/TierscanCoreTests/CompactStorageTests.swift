import Testing
import TierscanCore

/// The compact encodings behind ``Entity/sources`` and the share and confidence of
/// ``RelationshipColumns`` give back exactly what was stored, and equal values stay equal
/// whichever way they were built.
@Suite struct CompactStorageTests {
  @Test func entitySourcesComeBackExactly() {
    let row = Provenance(file: "e.csv", line: 7)
    let cell = Provenance(file: "w.xlsx", line: 3, sheet: "Smelter List", cell: "D3")
    let pointer = Provenance(file: "g.omts", line: 12, pointer: "/nodes/4")
    let whole = Provenance(file: "x.csv")
    let lists: [[Provenance]] = [[], [row], [cell], [pointer], [whole], [row, cell], [row, row], [cell, row, pointer]]
    for list in lists {
      let entity = Entity(id: "E1", name: "One", sources: list)
      #expect(entity.sources == list)
      #expect(entity.firstSource == list.first)
    }
  }

  @Test func oneSourceBuiltEitherWayIsTheSameEntity() {
    for source in [Provenance(file: "e.csv", line: 7), Provenance(file: "w.xlsx", line: 3, sheet: "S", cell: "D3")] {
      let listed = Entity(id: "E1", name: "One", sources: [source])
      let single = Entity(id: "E1", name: "One", source: source)
      #expect(listed == single)
      #expect(Set([listed, single]).count == 1)
    }
    // A list that grows back and shrinks to one row equals the entity built with that row.
    var entity = Entity(id: "E1", name: "One", source: Provenance(file: "e.csv", line: 7))
    entity.sources.append(Provenance(file: "j.csv", line: 2))
    #expect(entity.sources == [Provenance(file: "e.csv", line: 7), Provenance(file: "j.csv", line: 2)])
    #expect(entity != Entity(id: "E1", name: "One", source: Provenance(file: "e.csv", line: 7)))
    entity.sources.removeLast()
    #expect(entity == Entity(id: "E1", name: "One", source: Provenance(file: "e.csv", line: 7)))
  }

  @Test func sharesAndConfidencesComeBackWhereverTheyAreGiven() {
    let odd = Double(bitPattern: 0x7FF8_0000_0000_0001)  // a NaN that is not the `missing` pattern
    let values: [(Double?, Double?)] = [
      (nil, nil), (45, nil), (nil, 0.3), (nil, nil), (100, 0.95), (0, 0), (nil, nil), (odd, nil), (-0.0, nil),
    ]
    var records: [RelationshipRecord] = []
    for (n, (share, confidence)) in values.enumerated() {
      records.append(
        RelationshipRecord(
          from: "a\(n)", to: "b", type: .owns, share: share, confidence: confidence,
          provenance: Provenance(file: "r.csv", line: n + 2)))
    }
    let table = RelationshipRecordTable(records)
    #expect(Array(table).map(\.from) == records.map(\.from))
    for (r, (share, confidence)) in values.enumerated() {
      #expect(table[r].share?.bitPattern == share?.bitPattern)
      #expect(table[r].confidence?.bitPattern == confidence?.bitPattern)
    }
    // Only relationships that give a share or a confidence take a slot.
    #expect(table.columns.slotShare.count == 6)
    #expect(table.columns.valueSlot.filter { $0 < 0 }.count == 3)
    // Appended tables renumber the later table's slots.
    for split in 0...records.count {
      var joined = RelationshipRecordTable(records[..<split])
      joined.append(contentsOf: RelationshipRecordTable(records[split...]))
      for (r, (share, confidence)) in values.enumerated() {
        #expect(joined[r].share?.bitPattern == share?.bitPattern)
        #expect(joined[r].confidence?.bitPattern == confidence?.bitPattern)
      }
    }
  }
}
