import Foundation
import Testing
import TierscanCore
@testable import TierscanReport

@Suite struct OMTSExportTests {
  static let snapshot = OMTSExportOptions(snapshotDate: "2026-01-31")
  static let salt = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

  /// OMTS SPEC-004 §4 and Appendix A test vectors (the same salt).
  @Test func boundaryReferenceHashesMatchTheSpecTestVectors() {
    let tv1 = [
      OMTSBoundaryReference.canonical(scheme: "lei", value: "5493006MHB84DD0ZWV18"),
      OMTSBoundaryReference.canonical(scheme: "duns", value: "081466849"),
    ]
    #expect(
      OMTSBoundaryReference.value(canonicalIDs: tv1, salt: Self.salt, ordinal: 0)
        == "e8798687b081da98b7cd1c4e5e2423bd3214fbab0f1f476a2dcdbf67c2e21141")
    #expect(
      OMTSBoundaryReference.value(canonicalIDs: [tv1[0]], salt: Self.salt, ordinal: 0)
        == "7849e55c4381ba852a2ada50f15e58d871de085893b7be8826f75560854c78c8")
    let tv3 = OMTSBoundaryReference.canonical(scheme: "nat-reg", authority: "RA000548", value: "HRB:86891")
    #expect(tv3 == "nat-reg:RA000548:HRB%3A86891")
    #expect(
      OMTSBoundaryReference.value(canonicalIDs: [tv3], salt: Self.salt, ordinal: 0)
        == "7b33571d3bba150f4dfd9609c38b4f9acc9a3a8dbfa3121418a35264562ca5d9")
    // Nodes without public identifiers: distinct per ordinal and per salt, 64 hex characters.
    let a = OMTSBoundaryReference.value(canonicalIDs: [], salt: Self.salt, ordinal: 0)
    let b = OMTSBoundaryReference.value(canonicalIDs: [], salt: Self.salt, ordinal: 1)
    let c = OMTSBoundaryReference.value(canonicalIDs: [], salt: String(repeating: "a", count: 64), ordinal: 0)
    #expect(Set([a, b, c]).count == 3 && OMTSExportOptions.isValidSalt(a))
  }

  /// import(export(g)) = g on every field the mapping keeps, for random graphs; the export is
  /// deterministic and the import finds nothing to complain about.
  @Test(arguments: 0..<30) func randomGraphsSurviveTheRoundTrip(seed: Int) throws {
    var generator = OMTSGraphGenerator(seed: UInt64(seed))
    let (g, declared) = generator.graphWithDeclaredTiers()
    let references = generator.smelterReferences(for: g)
    let evidence = OMTSExportEvidence(declaredTiers: declared, smelterReferences: references)
    let bytes = try OMTSExport.render(g, options: Self.snapshot, evidence: evidence)
    #expect(try OMTSExport.render(g, options: Self.snapshot, evidence: evidence) == bytes)
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let back = try OMTSRoundTrip.importBytes(bytes, as: "g.omts", in: directory)
    #expect(OMTSRoundTrip.differences(g, back.graph) == [])
    // Declared tiers (supplier lists' `tier`) come back as declared tiers, disclosers and all.
    let nodeIDs = Set(g.entities.map(\.id))
    #expect(OMTSRoundTrip.differences(declared, of: g, back.inputs.declaredTiers, nodeIDs: nodeIDs) == [])
    // RMAP status comes back per CID from the attestations (SPEC §2.6 reference rows).
    #expect(OMTSRoundTrip.differences(references, of: g, back.inputs.smelterReferences) == [])
    // Entity resolution may see possible duplicates among the random names: not the format's
    // doing. A refused declared tier is refused again on reading (`invalid-tier`, as its row was).
    let problems = back.findings.filter {
      $0.severity != .info && $0.rule.id != "possible-duplicate" && $0.rule.id != "invalid-tier"
    }.map { "\($0.location?.description ?? ""): \($0.rule.id): \($0.message)" }
    #expect(problems == [])
    #expect(back.findings.filter { $0.rule.id == "invalid-tier" }.count == declared.filter { $0.tier == nil }.count)
    // Provenance: each entity cites its node; the node's label names the exporting run's sources.
    let document = try JSONParser.parse(bytes: bytes)
    let nodes = document["nodes"]?.arrayValue ?? []
    for entity in back.graph.entities {
      let pointer = try #require(entity.sources.first?.pointer)
      let node = try #require(Int(pointer.dropFirst("/nodes/".count)).map { nodes[$0] })
      let original = try #require(g.index(of: entity.id).map { g[$0] })
      let label = node["labels"]?.arrayValue?.first { $0["key"]?.stringValue == "org.tierscan.provenance" }
      #expect(label?["value"]?.stringValue == original.sources.map(\.description).joined(separator: "; "))
    }
  }

  /// OMTS → tierscan → OMTS → tierscan: every conformance file (and the generator fixture) reads
  /// back into the same graph after tierscan exported it.
  @Test(.enabled(if: OMTSRoundTrip.hasRealData)) func realOMTSFilesSurviveExportAndImport() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: OMTSRoundTrip.realdata.appendingPathComponent("valid").path)
      .filter { $0.hasSuffix(".omts") }.sorted().map { "valid/" + $0 } + ["bench/small.omts"]
    #expect(files.count == 9)
    let directory = try OMTSRoundTrip.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for file in files {
      let first = try ScanPipeline().prepare(ScanRequest(inputs: [OMTSRoundTrip.realdata.appendingPathComponent(file).path]))
      let bytes = try OMTSExport.render(first.graph, options: Self.snapshot)
      let back = try OMTSRoundTrip.importBytes(bytes, as: (file as NSString).lastPathComponent, in: directory)
      #expect(OMTSRoundTrip.differences(first.graph, back.graph) == [], "\(file)")
      #expect(back.findings.filter { $0.severity == .error }.isEmpty, "\(file)")
    }
  }

  @Test func snapshotDateComesFromTheLatestReportingYearOrTheOption() throws {
    var generator = OMTSGraphGenerator(seed: 7)
    let g = generator.graph()
    let text = String(decoding: try OMTSExport.render(g, options: Self.snapshot), as: UTF8.self)
    #expect(text.contains("\"snapshot_date\": \"2026-01-31\""))
    let years = g.relationships.indices.compactMap { g.relationships[$0].reportingYear }
    if let latest = years.max() {
      let derived = String(decoding: try OMTSExport.render(g, options: OMTSExportOptions()), as: UTF8.self)
      #expect(derived.contains("\"snapshot_date\": \"\(latest)-12-31\""))
    }
    #expect(throws: OMTSExportError.noSnapshotDate) { try OMTSExport.render(SupplyGraph.empty, options: OMTSExportOptions()) }
    #expect(throws: OMTSExportError.invalidSnapshotDate("2026-02-30")) {
      try OMTSExport.render(g, options: OMTSExportOptions(snapshotDate: "2026-02-30"))
    }
    #expect(throws: OMTSExportError.invalidSalt) {
      try OMTSExport.render(g, options: OMTSExportOptions(salt: "ABC", snapshotDate: "2026-01-31"))
    }
  }
}
