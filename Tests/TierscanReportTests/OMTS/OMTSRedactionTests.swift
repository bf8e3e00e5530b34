import Foundation
import Testing
import TierscanCore
@testable import TierscanReport

/// `--subgraph` (boundary references) and `--disclosure-scope` (OMTS SPEC-004).
@Suite struct OMTSRedactionTests {
  static func sample() throws -> ScanPipeline.Prepared {
    try ScanPipeline().prepare(ScanRequest(inputs: [OMTSRoundTrip.root.appendingPathComponent("SampleData/2025").path]))
  }

  @Test func entitiesOutsideTheSubgraphBecomeHashedBoundaryReferences() throws {
    let g = try Self.sample().graph
    let focus = try #require(g.index(of: "NWT"))
    let subgraph = GraphSelection(around: focus, depth: 1, in: g)
    #expect(throws: OMTSExportError.saltNeededForBoundaryReferences(count: 15)) {
      try OMTSExport.render(g, subgraph: subgraph, options: OMTSExportOptions())
    }
    let options = OMTSExportOptions(salt: OMTSExportTests.salt, reportingEntity: focus)
    let bytes = try OMTSExport.render(g, subgraph: subgraph, options: options)
    let document = try JSONParser.parse(bytes: bytes)
    let nodes = try #require(document["nodes"]?.arrayValue)
    let kept = Set(subgraph.entities.map { g[$0].id })
    let boundary = nodes.filter { $0["type"]?.stringValue == "boundary_ref" }
    #expect(nodes.count == kept.count + 15 && boundary.count == 15)
    #expect(document["reporting_entity"]?.stringValue == "NWT")
    // Every outsider's hash is SHA-256(sorted public canonical ids ‖ salt) — or the salted
    // counter for those without public identifiers — and nothing else about it is written.
    let text = String(decoding: bytes, as: UTF8.self)
    var expected: Set<String> = []
    var ordinal = 0
    for v in g.entities.indices.map(EntityIndex.init) where !kept.contains(g[v].id) {
      let touches = g.relationships.indices.contains {
        (g.relationshipFrom[$0] == v && kept.contains(g[g.relationshipTo[$0]].id))
          || (g.relationshipTo[$0] == v && kept.contains(g[g.relationshipFrom[$0]].id))
      }
      guard touches else { continue }
      let entity = g[v]
      var ids: [String] = []
      if let lei = entity.identifiers.lei { ids.append("lei:" + lei) }
      if let duns = entity.identifiers.duns { ids.append("duns:" + duns) }
      if let cid = entity.identifiers.cid { ids.append("org.responsibleminerals.cid:" + cid) }
      expected.insert(OMTSBoundaryReference.value(canonicalIDs: ids, salt: OMTSExportTests.salt, ordinal: ordinal))
      if ids.isEmpty { ordinal += 1 }
      #expect(!text.contains("\"\(entity.name)\""), "\(entity.id)'s name leaked")
    }
    #expect(Set(boundary.compactMap { $0["identifiers"]?.arrayValue?.first?["value"]?.stringValue }) == expected)
    // Read back: each boundary reference is a redacted company; no error, no duplicate noise.
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let back = try OMTSRoundTrip.importBytes(bytes, as: "sub.omts", in: directory)
    #expect(back.graph.entityCount == kept.count + 15)
    #expect(back.findings.filter { $0.severity != .info }.isEmpty)
    #expect(back.findings.filter { $0.rule.id == "omts-redacted-node" }.count == 15)
  }

  @Test func publicScopeWritesOnlyPublicData() throws {
    var generator = OMTSGraphGenerator(seed: 11)
    let g = generator.graph()
    #expect(g.entities.contains { $0.kind == .person } && g.entities.contains { $0.identifiers.vat != nil })
    let bytes = try OMTSExport.render(g, options: OMTSExportOptions(snapshotDate: "2026-01-31", scope: .public))
    let text = String(decoding: bytes, as: UTF8.self)
    let document = try JSONParser.parse(bytes: bytes)
    #expect(document["disclosure_scope"]?.stringValue == "public")
    let nodes = try #require(document["nodes"]?.arrayValue)
    #expect(!nodes.contains { $0["type"]?.stringValue == "person" })
    #expect(nodes.count == g.entities.filter { $0.kind != .person }.count)
    for forbidden in ["\"vat\"", "org.tierscan.vat", "org.tierscan.attr.", "org.tierscan.provenance", "in/entities.csv"] {
      #expect(!text.contains(forbidden), "\(forbidden) in a public file")
    }
    // tierscan's own reader accepts it as a public file (no omts-disclosure error).
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let back = try OMTSRoundTrip.importBytes(bytes, as: "public.omts", in: directory)
    #expect(back.findings.filter { $0.severity == .error }.isEmpty)
  }

  @Test func partnerScopeDropsPersonIdentifiersOnly() throws {
    var findings = FindingLog()
    let p = Provenance(file: "e.csv", line: 2)
    let g = GraphBuilder().build(
      entityRecords: [
        EntityRecord(id: "P", name: "Jane Doe", kind: .person, country: "GB", identifiers: Identifiers(duns: "123456789"), provenance: p),
        EntityRecord(id: "C", name: "Co", country: "GB", identifiers: Identifiers(duns: "987654321", vat: "GB1"), provenance: p),
      ],
      relationshipRecords: [RelationshipRecord(from: "P", to: "C", type: .owns, share: 60, reportingYear: 2025, provenance: p)],
      findings: &findings)
    let text = String(decoding: try OMTSExport.render(g, options: OMTSExportOptions(scope: .partner)), as: UTF8.self)
    #expect(!text.contains("123456789") && text.contains("987654321") && text.contains("\"GB1\""))
    #expect(text.contains("\"type\": \"person\"") && text.contains("\"type\": \"org.tierscan.owns\""))
  }
}
