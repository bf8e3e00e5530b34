import Testing
import TierscanCore
import TierscanTestSupport

@testable import TierscanRisk

/// ``CommodityUsage`` (which looks at each distinct country and commodity list once and notes
/// edge values in a bit table) gives the evidence and the `unmapped-commodity` findings of the
/// simple reference below, which looks at every entity and every edge, on random graphs.
@Suite struct CommodityUsageTests {
  @Test(arguments: 0..<12 as Range<UInt64>)
  func usageEqualsThePerEntityReference(seed: UInt64) {
    var random = SplitMix64(seed: 0x434F_4D4D &+ seed)
    let vocabulary = CommodityVocabularyTests.vocabulary
    let words = ["apparel", "garments", "clothing", "clothings", "widgets", "cotton yarn", "cotton", "gizmo", "6110"]
    let codes = ["6110.20", "5201", "520812", "854142", "8541", "9"]
    let countries: [String?] = [nil, "CN", "VN", "GB"]
    var f = GraphFixture()
    let count = Int.random(in: 1...40, using: &random)
    for n in 0..<count {
      let list = (0..<Int.random(in: 0...3, using: &random)).map { _ in words.randomElement(using: &random)! }
      f.entity("E\(n)", country: countries.randomElement(using: &random)!, commodities: list)
    }
    for n in 0..<Int.random(in: 0...80, using: &random) {
      let (from, to) = ("E\(Int.random(in: 0..<count, using: &random))", "E\(Int.random(in: 0..<count, using: &random))")
      f.relationships.append(
        RelationshipRecord(
          from: from, to: to, type: Int.random(in: 0..<5, using: &random) == 0 ? .owns : .supplies,
          commodity: Bool.random(using: &random) ? words.randomElement(using: &random)! : nil,
          hsCode: Bool.random(using: &random) ? codes.randomElement(using: &random)! : nil,
          share: nil, provenance: Provenance(file: "rel.csv", line: n + 2)))
    }
    let graph = f.build()
    let rows = countries.compactMap { $0 }.flatMap { country in
      (["garments", "apparel", "cotton", "solar cells", "widgets"] as [String?] + [nil]).map { commodity in
        CountryRiskEntry(
          country: country, category: "forced_labour", score: 0.5, commodity: commodity,
          provenance: Provenance(file: "c.csv", line: 2))
      }
    }
    let usage = CommodityUsage(graph: graph, rows: rows, vocabulary: vocabulary)
    let (evidence, unknown) = Self.reference(graph: graph, rows: rows, vocabulary: vocabulary)
    for (row, expected) in zip(rows, evidence) {
      let got = usage.evidence(for: row)
      #expect(got.map(\.0) == (expected == nil ? [] : ["commodity_vocabulary"]))
      #expect(got.first?.1 == expected.map { .string($0) })
    }
    var findings = FindingLog()
    usage.report(into: &findings)
    #expect(
      findings.findings.map(\.evidence) == unknown.map { [Attribute($0.what, $0.value), Attribute("count", String($0.count))] })
  }

  /// Every entity's names and every supplies edge's values, one at a time: the evidence of each
  /// row (nil when empty) and the unknown values with their counts.
  private static func reference(graph: SupplyGraph, rows: [CountryRiskEntry], vocabulary: CommodityVocabulary) -> (
    [String?], [(what: String, value: String, count: Int)]
  ) {
    var notes: [String: Set<String>] = [:]
    var unknownWords: [String: Int] = [:]
    var unknownCodes: [String: Int] = [:]
    func key(_ country: String?, _ commodity: String) -> String { (country ?? "") + "|" + commodity }
    for v in 0..<graph.entityCount {
      for name in graph.entities.commodities(of: v) {
        if let mapping = vocabulary.canonical(name) {
          if mapping.how != "canonical" {
            notes[key(graph.entities.country(of: v), mapping.commodity), default: []]
              .insert("\(name)→\(mapping.commodity) (\(mapping.how))")
          }
        } else {
          unknownWords[name, default: 0] += 1
        }
      }
    }
    for r in 0..<graph.relationshipCount where graph.relationships[r].type == .supplies {
      let edge = graph.relationships[r]
      let country = graph.entities.country(of: Int(graph.relationshipFrom[r]))
      if let word = edge.commodity {
        if let mapping = vocabulary.canonical(word) {
          if mapping.how != "canonical" {
            notes[key(country, mapping.commodity), default: []].insert("\(word)→\(mapping.commodity) (\(mapping.how))")
          }
        } else {
          unknownWords[word, default: 0] += 1
        }
      }
      if let code = edge.hsCode {
        if let mapping = vocabulary.commodity(forHS: code) {
          notes[key(country, mapping.commodity), default: []].insert("hs_code \(code)→\(mapping.commodity) (\(mapping.how))")
        } else {
          unknownCodes[code, default: 0] += 1
        }
      }
    }
    let evidence = rows.map { row -> String? in
      guard let commodity = row.commodity else { return nil }
      let values = notes[key(row.country, vocabulary.canonical(commodity)?.commodity ?? commodity)] ?? []
      return values.isEmpty ? nil : values.sorted().joined(separator: "; ")
    }
    let unknown =
      unknownWords.map { (what: "commodity", value: $0.key, count: $0.value) }
      + unknownCodes.map { (what: "hs_code", value: $0.key, count: $0.value) }
    return (evidence, unknown.sorted { ($0.what, $0.value) < ($1.what, $1.value) })
  }
}
