import Foundation
import Testing
import TierscanTestSupport

/// End to end on real data: the 963 Open Supply Hub facilities of `Tests/Fixtures/er/osh-facilities.csv`
/// (columns `ref,country,name,address`, no input kind by themselves) read by `tierscan resolve`
/// through the column mapping that docs/entity-resolution.md shows, with the unmapped `address`
/// column kept as the attribute entity resolution compares.
@Suite struct OSHResolveMappingTests {
  static let fixture = "Tests/Fixtures/er/osh-facilities.csv"

  /// docs/entity-resolution.md's `osh-entities.json`, word for word.
  static let mapping = """
    {
      "about": "the labelled-pair fixture's rows as entities; the unmapped address column is kept as the attribute address",
      "kind": "entities",
      "match": ["ref", "name", "country", "address"],
      "columns": {"id": "ref", "name": "name", "country": "country"},
      "constants": {"kind": "facility"}
    }
    """

  static func temporary(_ name: String) throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-osh-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The fixture's rows as a native entities file (`id,name,kind,country,address`), every cell quoted.
  static func convertedEntities() throws -> String {
    let text = try String(contentsOf: TierscanBinary.root.appendingPathComponent(fixture), encoding: .utf8)
    var lines = ["id,name,kind,country,address"]
    for line in text.split(separator: "\n").dropFirst() {
      let cells = CSVLine.cells(line)
      #expect(cells.count == 4, "fixture line is not ref,country,name,address: \(line)")
      let (ref, country, name, address) = (cells[0], cells[1], cells[2], cells[3])
      lines.append([ref, name, "facility", country, address].map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func realFacilitiesResolveThroughTheDocumentedMapping() throws {
    let work = try Self.temporary("work")
    let mappingFile = work.appendingPathComponent("osh-entities.json")
    try Self.mapping.write(to: mappingFile, atomically: true, encoding: .utf8)
    let mapped = work.appendingPathComponent("mapped")
    let result = try TierscanBinary.run(["resolve", Self.fixture, "--mapping", mappingFile.path, "--out", mapped.path])
    #expect(result.status == 0, "\(result.stderr)")
    // Every row read as a facility; the figures docs/entity-resolution.md quotes.
    #expect(result.stdout.contains("entities: 963\n"), "\(result.stdout)")
    #expect(result.stdout.contains("candidates: 56 in 47 clusters (same 29, possible 27, distinct 0;"), "\(result.stdout)")
    #expect(!result.stderr.contains("error:"), "\(result.stderr)")

    // The same rows as a native entities file give the same candidates, byte for byte: the
    // mapping loses nothing, the address included.
    let entities = work.appendingPathComponent("osh-entities.csv")
    try Self.convertedEntities().write(to: entities, atomically: true, encoding: .utf8)
    let native = work.appendingPathComponent("native")
    let nativeResult = try TierscanBinary.run(["resolve", entities.path, "--out", native.path])
    #expect(nativeResult.status == 0, "\(nativeResult.stderr)")
    let mappedCandidates = try Data(contentsOf: mapped.appendingPathComponent("candidates.csv"))
    let nativeCandidates = try Data(contentsOf: native.appendingPathComponent("candidates.csv"))
    #expect(mappedCandidates == nativeCandidates)

    // The addresses reached the comparison: the two different Shanghai Jinlin Textile sites
    // (Fengxian district, Shanghai; Xuyi, Jiangsu) are never decided `same`.
    let candidates = String(decoding: mappedCandidates, as: UTF8.self)
    let lines = candidates.split(separator: "\n")
    let header = CSVLine.cells(lines[0])
    let left = try #require(header.firstIndex(of: "left_id"))
    let right = try #require(header.firstIndex(of: "right_id"))
    let decision = try #require(header.firstIndex(of: "decision"))
    let jinlin = lines.dropFirst().map(CSVLine.cells).filter { Set([$0[left], $0[right]]) == ["2.csv:15", "9.csv:30"] }
    #expect(jinlin.map { $0[decision] } == ["possible"], "\(jinlin)")
    #expect(candidates.contains("HUBIN ROAD"), "no address in candidates.csv")
  }
}
