import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

@testable import TierscanIngest

@Suite struct OMTSReaderTests {
  static let header = """
    {
      "omts_version": "0.1.0",
      "snapshot_date": "2026-02-18",
    """

  @Test(.enabled(if: InterchangeTestSupport.hasRealData))
  func fullFeaturedFileMapsNodesEdgesAndPointers() throws {
    let path = InterchangeTestSupport.realdata.appendingPathComponent("omts/valid/full-featured.omts").path
    let inputs = Ingestor().read(arguments: [path])
    #expect(!inputs.findings.hasErrors)
    let byID = Dictionary(inputs.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byID["org-alpha"]?.identifiers.lei == "5493006MHB84DD0ZWV18")
    #expect(byID["org-alpha"]?.identifiers.duns == "081466849")
    #expect(byID["org-alpha"]?.identifiers.vat == "DE123456789")
    #expect(byID["org-alpha"]?.country == "DE")
    #expect(byID["org-alpha"]?.attributes.contains(Attribute("omts.identifier.nat-reg", "RA000548:HRB86891")) == true)
    #expect(byID["fac-sheffield"]?.kind == .facility)
    #expect(byID["person-doe"]?.kind == .person)
    #expect(byID["bref-redacted"]?.attributes.contains(Attribute("omts.redacted", "true")) == true)
    #expect(byID["good-bolts"] == nil)
    let edges = inputs.relationships.map { $0 }
    #expect(edges.map(\.type) == [.owns, .supplies, .operates, .owns])
    #expect(edges[0].share == 51)
    #expect(edges[0].provenance.pointer == "/edges/0")
    #expect(edges[0].provenance.line == 105)
    #expect(edges[1].from == "org-beta" && edges[1].to == "org-alpha")
    #expect(edges[1].hsCode == "7318.15")
    #expect(edges[3].from == "person-doe" && edges[3].share == 60)
    let rules = InterchangeTestSupport.rules(inputs)
    #expect(rules.contains("warning omts-same-as-review"))
    #expect(rules.contains("info omts-not-imported"))
  }

  @Test func ownershipWithUnknownShareKeepsTheEdgeWithoutShare() throws {
    let inputs = try InterchangeTestSupport.read(
      Self.header + """
        "nodes": [
          {"id": "a", "type": "organization", "name": "A"},
          {"id": "b", "type": "organization", "name": "B"},
          {"id": "c", "type": "organization", "name": "C"}
        ],
        "edges": [
          {"id": "e1", "type": "ownership", "source": "a", "target": "b", "properties": {"percentage": 0, "valid_from": "2020-01-01"}},
          {"id": "e2", "type": "ownership", "source": "a", "target": "c", "properties": {"percentage": 30, "direct": false, "valid_from": "2020-01-01"}},
          {"id": "e3", "type": "legal_parentage", "source": "b", "target": "a", "properties": {"valid_from": "2020-01-01"}},
          {"id": "e4", "type": "tolls", "source": "b", "target": "a", "properties": {"valid_from": "2020-01-01", "data_quality": {"confidence": "verified"}}}
        ]
      }
      """, name: "ownership.omts")
    #expect(!inputs.findings.hasErrors)
    let edges = inputs.relationships.map { $0 }
    #expect(edges.map(\.type) == [.owns, .subcontracts])
    #expect(edges[0].share == nil)
    #expect(edges[1].basis == .observed)
    #expect(edges[1].attributes.contains(Attribute("omts.type", "tolls")))
    let rules = InterchangeTestSupport.rules(inputs)
    #expect(rules.contains("info omts-ownership-unknown-share"))
    // The indirect 30 % holding and the legal parent are attributes, never owns edges.
    #expect(inputs.entities.contains { $0.id == "c" && $0.attributes.contains(Attribute("omts.indirect_owner.a", "30%")) })
    #expect(inputs.entities.contains { $0.id == "b" && $0.attributes.contains(Attribute("omts.legal_parent.a", "unspecified")) })
  }

  @Test func definiteSameAsMergesAndRewritesEdges() throws {
    let inputs = try InterchangeTestSupport.read(
      Self.header + """
        "nodes": [
          {"id": "buyer", "type": "organization", "name": "Buyer"},
          {"id": "s1", "type": "organization", "name": "Supplier"},
          {"id": "s1-copy", "type": "organization", "name": "Supplier Ltd"}
        ],
        "edges": [
          {"id": "e1", "type": "supplies", "source": "s1-copy", "target": "buyer", "properties": {"valid_from": "2020-01-01"}},
          {"id": "e2", "type": "same_as", "source": "s1-copy", "target": "s1", "properties": {"confidence": "definite"}}
        ]
      }
      """, name: "same-as.omts")
    #expect(!inputs.findings.hasErrors)
    #expect(inputs.relationships[0].from == "s1")
    let copy = inputs.entities.first { $0.aliases.contains("s1-copy") }
    #expect(copy?.id == "s1")
  }

  @Test func syntaxErrorsAndLimitsAreFindingsNotCrashes() throws {
    let bomb = Self.header + "\"nodes\": " + String(repeating: "[", count: 10_000) + "]}"
    let inputs = try InterchangeTestSupport.read(bomb, name: "bomb.omts")
    #expect(InterchangeTestSupport.rules(inputs) == ["error json-syntax"])
    #expect(inputs.findings.findings[0].location?.line == 3)
    let dangling = try InterchangeTestSupport.read(
      Self.header + """
        "nodes": [{"id": "a", "type": "organization", "name": "A"}],
        "edges": [{"id": "e1", "type": "supplies", "source": "a", "target": "zz", "properties": {"valid_from": "2020-01-01"}}]
      }
      """, name: "dangling.omts")
    #expect(InterchangeTestSupport.rules(dangling) == ["error omts-dangling-edge"])
    #expect(dangling.files[0].recordsRejected == 1)
    #expect(dangling.relationships.isEmpty)
  }

  /// Edges may come before the nodes: they are read again once every node is known, and give
  /// the same records, pointers and findings as the same file with the nodes first.
  @Test func edgesBeforeNodesReadLikeNodesFirst() throws {
    let nodes = """
      "nodes": [
        {"id": "buyer", "type": "organization", "name": "Buyer"},
        {"id": "s1", "type": "organization", "name": "Supplier"},
        {"id": "s1-copy", "type": "organization", "name": "Supplier Ltd"},
        {"id": "f1", "type": "facility", "name": "Mill"}
      ]
    """
    let edges = """
      "edges": [
        {"id": "e1", "type": "supplies", "source": "s1-copy", "target": "buyer", "properties": {"valid_from": "2020-01-01", "tier": 1}},
        {"id": "e2", "type": "same_as", "source": "s1-copy", "target": "s1", "properties": {"confidence": "definite"}},
        {"id": "e3", "type": "operates", "source": "s1", "target": "f1", "properties": {"valid_from": "2020-01-01"}},
        {"id": "e4", "type": "ownership", "source": "buyer", "target": "s1", "properties": {"percentage": 0, "valid_from": "2020-01-01"}},
        {"id": "e5", "type": "supplies", "source": "zz", "target": "buyer", "properties": {"valid_from": "2020-01-01"}}
      ]
    """
    let nodesFirst = try InterchangeTestSupport.read(Self.header + nodes + ",\n" + edges + "\n}\n", name: "a.omts")
    let edgesFirst = try InterchangeTestSupport.read(Self.header + edges + ",\n" + nodes + "\n}\n", name: "a.omts")
    func shape(_ r: RelationshipRecord) -> String { "\(r.from) \(r.type) \(r.to) \(r.provenance.pointer ?? "") \(r.attributes)" }
    #expect(nodesFirst.relationships.map(shape) == edgesFirst.relationships.map(shape))
    #expect(nodesFirst.relationships.count == 3)
    #expect(nodesFirst.entities.map(\.id) == edgesFirst.entities.map(\.id))
    #expect(InterchangeTestSupport.rules(nodesFirst) == InterchangeTestSupport.rules(edgesFirst))
    #expect(InterchangeTestSupport.rules(edgesFirst).contains("error omts-dangling-edge"))
    #expect(nodesFirst.files[0].recordsRead == edgesFirst.files[0].recordsRead)
    #expect(edgesFirst.files[0].recordsRead == 9)
    // The edges' lines are where they stand in the file.
    #expect(edgesFirst.relationships[0].provenance.line == 4)
  }

  /// A streamed file is read from the descriptor that was opened and checked, never reopened by
  /// path: with its path removed right after opening, the edges that come before the nodes are
  /// still read a second time, from that descriptor (the old reader reopened the path for it).
  @Test func edgesBeforeNodesAreReadAgainFromTheOpenedFile() throws {
    let text = Self.header + """
      "edges": [
        {"id": "e1", "type": "supplies", "source": "s1", "target": "buyer", "properties": {"valid_from": "2020-01-01"}}
      ],
      "nodes": [
        {"id": "buyer", "type": "organization", "name": "Buyer"},
        {"id": "s1", "type": "organization", "name": "Supplier"}
      ]
    }

    """
    let directory = TestScratch.directory.appendingPathComponent("tierscan-omts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("a.omts")
    try Data(text.utf8).write(to: url)
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    try FileManager.default.removeItem(at: url)
    let read = OMTSReader.read(path: "a.omts", handle: handle, limits: JSONLimits())
    #expect(InterchangeTestSupport.rules(read).filter { $0.hasPrefix("error") } == [])
    #expect(read.entities.map(\.id) == ["buyer", "s1"])
    #expect(read.relationships.map { "\($0.from) \($0.type) \($0.to)" } == ["s1 supplies buyer"])
  }

  /// One node or edge longer than the streamed-value limit is an error at its start; the nodes
  /// before it are kept.
  @Test func aValueLongerThanTheLimitIsAnError() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-omts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("big.omts")
    let labels = (0..<400).map { "{\"key\": \"k\($0)\", \"value\": \"\(String(repeating: "v", count: 40))\"}" }.joined(separator: ", ")
    let text = Self.header + """
        "nodes": [
          {"id": "a", "type": "organization", "name": "A"},
          {"id": "b", "type": "organization", "name": "B", "labels": [\(labels)]}
        ],
        "edges": []
      }
      """
    try Data(text.utf8).write(to: url)
    var options = IngestOptions()
    options.limits.json.maxValueBytes = 8192
    let inputs = Ingestor(options: options).read(file: InputFile(displayPath: "big.omts", url: url))
    #expect(InterchangeTestSupport.rules(inputs) == ["error json-syntax"])
    #expect(inputs.findings.findings[0].message.hasPrefix("a JSON value longer than 8192 bytes"))
    #expect(inputs.findings.findings[0].location?.line == 5)
    #expect(inputs.entities.map(\.id) == ["a"])
  }

  /// Another tool's RMAP attestation (outcome only) gives the smelter reference row of its
  /// smelter's CID; one attesting a node without a CID is a warning; other attestations and an
  /// unused RMAP one are counted as not imported.
  @Test func rmapAttestationsBecomeSmelterReferenceRows() throws {
    let inputs = try InterchangeTestSupport.read(
      Self.header + """
        "nodes": [
          {"id": "smelter", "type": "facility", "name": "Tin Smelter", "identifiers": [{"scheme": "org.responsibleminerals.cid", "value": "CID002180"}]},
          {"id": "org", "type": "organization", "name": "Trader"},
          {"id": "a1", "type": "attestation", "name": "RMAP", "attestation_type": "audit", "standard": "RMAP", "valid_from": "2025-03-01", "outcome": "pass"},
          {"id": "a2", "type": "attestation", "name": "RMAP", "attestation_type": "audit", "standard": "RMAP", "valid_from": "2025-03-01", "outcome": "fail"},
          {"id": "a3", "type": "attestation", "name": "ISO", "attestation_type": "certification", "standard": "ISO 14001", "valid_from": "2025-03-01"},
          {"id": "a4", "type": "attestation", "name": "RMAP", "attestation_type": "audit", "standard": "RMAP", "valid_from": "2025-03-01", "outcome": "pending"}
        ],
        "edges": [
          {"id": "e1", "type": "attested_by", "source": "smelter", "target": "a1", "properties": {"scope": "conflict_minerals"}},
          {"id": "e2", "type": "attested_by", "source": "org", "target": "a2", "properties": {}},
          {"id": "e3", "type": "attested_by", "source": "org", "target": "a3", "properties": {}}
        ]
      }
      """, name: "rmap.omts")
    #expect(!inputs.findings.hasErrors)
    #expect(inputs.smelterReferences.count == 1)
    let row = try #require(inputs.smelterReferences.first)
    #expect(row.cid == "CID002180" && row.status == .conformant && row.rawStatus == "RMAP outcome pass")
    #expect(row.asOf?.description == "2025-03-01" && row.provenance.pointer == "/nodes/2")
    #expect(inputs.entities.first { $0.id == "smelter" }?.kind == .smelter)
    let rules = InterchangeTestSupport.rules(inputs)
    #expect(rules.contains("warning omts-attestation"))
    let notImported = inputs.findings.findings.first { $0.rule.id == "omts-not-imported" }?.message ?? ""
    #expect(notImported.contains("3 attestation") && notImported.contains("1 attested_by edge"))
  }

  /// Another tool's `tier` on a supplies edge is a declared tier counted from the reporting entity.
  @Test func foreignTierPropertiesAreDeclaredTiers() throws {
    let inputs = try InterchangeTestSupport.read(
      """
      {"omts_version": "0.1.0", "snapshot_date": "2026-02-18", "reporting_entity": "buyer",
       "nodes": [
         {"id": "buyer", "type": "organization", "name": "Buyer"},
         {"id": "s1", "type": "organization", "name": "S1"},
         {"id": "s2", "type": "organization", "name": "S2"}
       ],
       "edges": [
         {"id": "e1", "type": "supplies", "source": "s1", "target": "buyer", "properties": {"valid_from": "2020-01-01", "tier": 1}},
         {"id": "e2", "type": "supplies", "source": "s2", "target": "s1", "properties": {"valid_from": "2020-01-01", "tier": 2}},
         {"id": "e3", "type": "supplies", "source": "s2", "target": "buyer", "properties": {"valid_from": "2020-01-01", "tier": 0}}
       ]}
      """, name: "tiers.omts")
    let declared = inputs.declaredTiers.map { "\($0.supplier)→\($0.buyer) \($0.tier.map(String.init) ?? "-") \($0.disclosers)" }
    #expect(declared == ["s1→buyer 1 [\"buyer\"]", "s2→s1 2 [\"buyer\"]", "s2→buyer - [\"buyer\"]"])
    #expect(InterchangeTestSupport.rules(inputs).contains("warning invalid-tier"))
    #expect(inputs.relationships[1].attributes.contains(Attribute("tier", "2")))
  }

  @Test func unknownVersionIsAWarning() throws {
    let inputs = try InterchangeTestSupport.read(
      "{\"omts_version\": \"1.0.0\", \"nodes\": [], \"edges\": []}", name: "v1.omts")
    #expect(InterchangeTestSupport.rules(inputs) == ["warning omts-version"])
    let none = try InterchangeTestSupport.read("{\"nodes\": [], \"edges\": []}", name: "none.omts")
    #expect(InterchangeTestSupport.rules(none) == ["error omts-version"])
  }
}
