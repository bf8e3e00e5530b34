import Testing
import TierscanCore
import TierscanRisk
import TierscanTestSupport

@testable import TierscanReport

/// The large outputs read ids and names in place from the entity table's string columns: the
/// bytes must be those of the `String` and ``JSONValue`` renderings they replace.
@Suite struct OutputBytesTests {
  /// Bytes that exercise every branch: CSV quoting and formula neutralising, JSON escapes,
  /// multi-byte UTF-8 (U+2028 included) and bytes that are not UTF-8 at all.
  static let pieces: [[UInt8]] = [
    Array("a".utf8), Array("Z9".utf8), Array(" ".utf8), Array(",".utf8), Array("\"".utf8), Array("\r".utf8),
    Array("\n".utf8), Array("\t".utf8), Array("=".utf8), Array("+".utf8), Array("-".utf8), Array("@".utf8),
    Array("\\".utf8), [0x01], [0x7F], Array("é".utf8), Array("→".utf8), Array("\u{2028}".utf8), [0xFF], [0xC3],
    [0xE2, 0x80],
  ]

  static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
    // Mostly plain ASCII (the fast path), sometimes one of the special pieces.
    (0..<Int.random(in: 0...6, using: &rng)).flatMap { _ in
      Int.random(in: 0..<3, using: &rng) == 0
        ? pieces.randomElement(using: &rng)! : Array("ab1_.".utf8).randomElement(using: &rng).map { [$0] }!
    }
  }

  @Test(arguments: 0..<20)
  func columnCellsAreTheStringCells(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var column = StringColumn()
    for _ in 0..<200 {
      let bytes = Self.randomBytes(&rng)
      bytes.withUnsafeBufferPointer { column.append(utf8: $0) }
    }
    for i in 0..<column.count {
      var fast = OutputBytes()
      fast.appendCSVCell(column, i)
      var reference = OutputBytes()
      reference.appendCSVCell(column[i])
      #expect(fast.bytes == reference.bytes, "CSV cell \(column.withUTF8(i) { Array($0) })")
      var fastJSON = OutputBytes()
      fastJSON.appendJSONString(column, i)
      var referenceJSON: [UInt8] = []
      JSONWriter.writeString(column[i], into: &referenceJSON)
      #expect(fastJSON.bytes == referenceJSON, "JSON string \(column.withUTF8(i) { Array($0) })")
    }
  }

  /// A random graph (cycles, parallel edges, every type, ids and names from ``pieces``) with
  /// country risk in two categories, analysed with random edge directions and depth.
  static func randomAnalysis(seed: UInt64) -> RiskAnalysis {
    var rng = SplitMix64(seed: seed)
    let n = Int.random(in: 2...24, using: &rng)
    var ids: [String] = []
    var entities: [EntityRecord] = []
    for i in 0..<n {
      let id = "E\(i)" + String(decoding: randomBytes(&rng), as: UTF8.self)
      ids.append(id)
      let name = String(decoding: randomBytes(&rng), as: UTF8.self)
      entities.append(
        EntityRecord(
          id: id, name: name.isEmpty ? nil : name, country: ["CN", "BD", nil].randomElement(using: &rng)!,
          provenance: Provenance(file: "e.csv", line: i + 2)))
    }
    var relationships: [RelationshipRecord] = []
    for line in 0..<Int.random(in: 1...(n * 3), using: &rng) {
      let a = Int.random(in: 0..<n, using: &rng)
      let b = Int.random(in: 0..<n, using: &rng)
      let type = RelationshipType.allCases.randomElement(using: &rng)!
      relationships.append(
        RelationshipRecord(
          from: ids[a], to: ids[b], type: type,
          commodity: ["cotton", nil, "co\"t\u{2028}é"].randomElement(using: &rng)!,
          share: type == .owns ? 60 : nil, confidence: [nil, 0.5, 0.9].randomElement(using: &rng)!,
          provenance: randomProvenance(line: line, &rng)))
    }
    var findings = FindingLog()
    let graph = GraphBuilder().build(entityRecords: entities, relationshipRecords: relationships, findings: &findings)
    let countryRisk = [
      CountryRiskEntry(country: "CN", category: "forced_labour", score: 0.9, provenance: Provenance(file: "c.csv", line: 2)),
      CountryRiskEntry(country: "BD", category: "child_labour", score: 0.8, provenance: Provenance(file: "c.csv", line: 3)),
    ]
    // Directions drawn per type ("both": one edge can be a hop in either direction).
    let directions = ["forward", "backward", "both", "both"]
    func edge() -> String { #"{"direction": "\#(directions.randomElement(using: &rng)!)", "factor": 0.9}"# }
    let config = try! RiskConfig.parse(
      """
      {"edges": {"supplies": \(edge()), "subcontracts": \(edge()), "operates": \(edge()), "owns": \(edge())},
       "max_depth": \(Int.random(in: 1...6, using: &rng))}
      """)
    let focus = EntityIndex(Int.random(in: 0..<graph.entityCount, using: &rng))
    return RiskEngine(config: config).analyze(
      graph: graph, inputs: RiskInputs(riskList: [], countryRisk: countryRisk, smelterReferences: []), focus: focus)
  }

  /// A relationship's provenance, mostly a CSV line (consecutive, so runs), else one of the
  /// shapes the relationship columns store apart: a workbook sheet and cell, a `nil` line, a
  /// line beyond `Int32` or beyond 10^15 (written through the `Double`), JSON pointers ending in
  /// an index (runs of one prefix, one needing escapes) or not, and another file.
  static func randomProvenance(line: Int, _ rng: inout SplitMix64) -> Provenance {
    switch Int.random(in: 0..<12, using: &rng) {
    case 0: return Provenance(file: "s.xlsx", line: line + 2, sheet: "Sheet \"1\"", cell: "B\(line + 2)")
    case 1: return Provenance(file: "r.csv")
    case 2: return Provenance(file: "r.csv", line: [-7, 5_000_000_000, 999_999_999_999_999, 1_000_000_000_000_001, 1 << 60].randomElement(using: &rng)!)
    case 3: return Provenance(file: "j.json", pointer: "/edges/\(line)")
    case 4: return Provenance(file: "j.json", pointer: "/e\\d\"g/\(line)")
    case 5: return Provenance(file: "j.json", pointer: "/edges/x\(line)")
    case 6: return Provenance(file: "o\"ther.csv", line: line + 2)
    default: return Provenance(file: "r.csv", line: line + 2)
    }
  }

  @Test(arguments: 0..<60)
  func streamedOutputsAreTheReferenceRenderings(seed: UInt64) throws {
    let analysis = Self.randomAnalysis(seed: seed)
    #expect(ExposuresCSV.render(analysis) == ExposuresCSV.renderWithCSVWriter(analysis))
    let reference = JSONWriter.string(.array(PathsJSON.selection(analysis).map { PathsJSON.object($0, in: analysis) }))
    #expect(PathsJSON.render(analysis) == reference)
    // Parts of one path each and of every path at once give the same bytes.
    let selected = PathsJSON.selectedIndices(analysis, minLevel: .low)
    let mitigation = AuditMitigation.index(analysis)
    let single = selected.indices.map { k in
      PathsJSON.part(analysis, selected: selected[k..<k + 1], closesFile: k == selected.count - 1, mitigation: mitigation)
    }
    if !selected.isEmpty { #expect(String(decoding: single.joined(), as: UTF8.self) == reference) }
  }
  /// The random graphs of ``streamedOutputsAreTheReferenceRenderings(seed:)`` list hops of every
  /// provenance shape the hop writer reads apart from the columns.
  @Test func randomPathsCoverEveryHopShape() {
    var text = ""
    for seed in 0..<UInt64(60) { text += PathsJSON.render(Self.randomAnalysis(seed: seed)) }
    for needle in [
      #""sheet": "Sheet \"1\"""#, #""cell": "B"#, #""commodity": null"#, #""commodity": "co\"t\u2028é""#,
      #""line": null"#, #""line": 5000000000"#, #""line": 999999999999999"#, #""line": -7"#, #""pointer": "/edges/"#,
      #""pointer": "/e\\d\"g/"#, #""pointer": "/edges/x"#, #""file": "o\"ther.csv""#,
    ] {
      #expect(text.contains(needle), "no hop with \(needle)")
    }
  }

  /// The buffer's own writes (raw memory grown from a small capacity) against the reference
  /// writers: random sequences of literals, cells, JSON strings, numbers, integers, newlines,
  /// values and copies of another buffer, compared byte for byte with the same sequence written
  /// into a `[UInt8]` through ``CSVWriter`` and ``JSONWriter``.
  @Test(arguments: 0..<40)
  func writesAreTheReferenceWriters(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var out = OutputBytes(capacity: Int.random(in: 0...8, using: &rng))
    var other = OutputBytes()
    var otherReference: [UInt8] = []
    var reference: [UInt8] = []
    let numbers: [Double] = [0, 1, -1, 0.85, 0.8075, 1e15, 1e-7, 123456789, -0.5, 2.5e-300, 7]
    for _ in 0..<Int.random(in: 1...400, using: &rng) {
      let text = String(decoding: Self.randomBytes(&rng), as: UTF8.self)
      switch Int.random(in: 0..<10, using: &rng) {
      case 0:
        out.append(",")
        reference.append(0x2C)
      case 1:
        out.append("\": ")
        reference.append(contentsOf: Array("\": ".utf8))
      case 2:
        out.appendCSVCell(text)
        reference.append(contentsOf: Array(CSVWriter.cell(text).utf8))
      case 3:
        out.appendJSONString(text)
        JSONWriter.writeString(text, into: &reference)
      case 4:
        let number = numbers.randomElement(using: &rng)!
        out.appendJSONNumber(number)
        JSONWriter.writeNumber(number, into: &reference)
      case 5:
        let integer = [
          Int.random(in: -20...20_000, using: &rng), Int.random(in: Int.min...Int.max, using: &rng), Int.min, Int.max,
          -10, 10, -9,
        ].randomElement(using: &rng)!
        out.append(integer: integer)
        JSONWriter.writeInteger(Int64(integer), into: &reference)
      case 6:
        let level = Int.random(in: 0...5, using: &rng)
        out.newline(indent: level)
        JSONWriter.newline(level, into: &reference)
      case 7:
        let value = JSONValue.object([("k", .string(text)), ("n", .array([.number(0.5), .null, .bool(true)]))])
        out.appendJSON(value, indent: 2)
        JSONWriter.write(value, indent: 2, into: &reference)
      case 8:
        other.append(text)
        otherReference.append(contentsOf: Array(text.utf8))
        out.append(contentsOf: other)
        reference.append(contentsOf: otherReference)
      default:
        let first = Bool.random(using: &rng)
        let keys: [StaticString] = ["hops", "x", "audit_evidence", "transmission"]
        let key = keys.randomElement(using: &rng)!
        let level = Int.random(in: 0...5, using: &rng)
        out.appendKey(key, indent: level, first: first)
        if !first { reference.append(0x2C) }
        JSONWriter.newline(level, into: &reference)
        reference.append(contentsOf: Array("\"\(key)\": ".utf8))
      }
      if Int.random(in: 0..<100, using: &rng) == 0 {
        out.removeAll()
        reference.removeAll()
      }
    }
    #expect(out.bytes == reference)
    #expect(out.count == reference.count)
  }
}
