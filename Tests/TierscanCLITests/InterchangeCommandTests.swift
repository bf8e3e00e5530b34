import Foundation
import Testing
import TierscanTestSupport

/// End-to-end runs of the binary on the OMTS conformance files of ../shared/realdata/omts.
enum OMTSRealData {
  static let omts = TierscanBinary.root.deletingLastPathComponent().appendingPathComponent("shared/realdata/omts")
  static let isPresent = FileManager.default.fileExists(atPath: omts.appendingPathComponent("valid").path)
}

@Suite(.enabled(if: OMTSRealData.isPresent, "../shared/realdata/omts is absent"))
struct InterchangeCommandTests {
  static let omts = OMTSRealData.omts

  static func files(_ directory: String) -> [String] {
    let path = omts.appendingPathComponent(directory).path
    return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".omts") }.sorted()
  }

  /// The defect each invalid conformance file carries: the rule and a word of the message.
  static let defects: [String: (rule: String, words: String)] = [
    "bad-boundary-ref.omts": ("omts-identifier", "boundary_ref"),
    "bad-duns-format.omts": ("omts-identifier", "DUNS"),
    "bad-gln-checksum.omts": ("omts-identifier", "GLN"),
    "bad-lei-checksum.omts": ("omts-identifier", "LEI"),
    "broken-edge-ref.omts": ("omts-dangling-edge", "org-nonexistent"),
    "date-range-inverted.omts": ("omts-date", "after valid_to"),
    "disclosure-violation.omts": ("omts-disclosure", "disclosure_scope public"),
    "duplicate-identifier.omts": ("omts-identifier", "given twice"),
    "duplicate-node-id.omts": ("omts-duplicate-id", "org-acme"),
    "graph-type-violation.omts": ("omts-graph-type", "beneficial_ownership"),
    "invalid-date.omts": ("omts-date", "2024-13-01"),
    "invalid-edge-type.omts": ("omts-edge", "partners_with"),
    "invalid-scheme.omts": ("omts-identifier", "tax_number"),
    "invalid-sensitivity.omts": ("omts-identifier", "sensitivity secret"),
    "missing-authority.omts": ("omts-identifier", "needs an authority"),
    "missing-edge-id.omts": ("omts-edge", "without a string id"),
    "missing-identifier-scheme.omts": ("omts-identifier", "no scheme"),
    "missing-identifier-value.omts": ("omts-identifier", "no value"),
    "missing-node-id.omts": ("omts-node", "without a string id"),
  ]

  @Test(arguments: files("valid"))
  func validFilesValidate(_ name: String) throws {
    let result = try TierscanBinary.run(["validate", Self.omts.appendingPathComponent("valid/\(name)").path])
    #expect(result.status == 0, "\(name): \(result.stderr)")
    #expect(!result.stderr.contains(": error: "))
  }

  @Test(arguments: files("invalid"))
  func invalidFilesFailNamingTheirDefect(_ name: String) throws {
    let result = try TierscanBinary.run(["validate", Self.omts.appendingPathComponent("invalid/\(name)").path])
    #expect(result.status == 2, "\(name)")
    let defect = try #require(Self.defects[name], "no expected defect for \(name)")
    let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: \(defect.rule): ") }
    #expect(errors.contains { $0.contains(defect.words) }, "\(name): \(result.stderr)")
  }

  @Test func everyInvalidFileHasAnExpectation() {
    #expect(Self.files("invalid").count == 19)
    #expect(Set(Self.files("invalid")) == Set(Self.defects.keys))
  }

  @Test func scanOfFullFeaturedCitesJSONPointers() throws {
    let out = TestScratch.directory.appendingPathComponent("tierscan-omts-scan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try TierscanBinary.run([
      "scan", Self.omts.appendingPathComponent("valid/full-featured.omts").path,
      "Tests/Fixtures/interchange/omts-risk-list.csv", "--focus", "org-alpha", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let paths = try String(contentsOf: out.appendingPathComponent("paths.json"), encoding: .utf8)
    #expect(paths.contains("\"pointer\": \"/edges/0\""))
    #expect(paths.contains("\"line\": 105"))
    #expect(paths.contains("\"source_id\": \"org-beta\""))
  }
}

/// A person listed on an FtM fixture list who owns 100 % of a BODS entity makes it listed by control.
@Suite(.enabled(if: OMTSRealData.isPresent, "../shared/realdata is absent"))
struct BODSControlTests {
  @Test func listedPersonControlsTheCompanySheOwns() throws {
    let out = TestScratch.directory.appendingPathComponent("tierscan-bods-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let bods = OMTSRealData.omts.deletingLastPathComponent().appendingPathComponent("bods/examples/bods-package.json")
    let result = try TierscanBinary.run([
      "scan", bods.path, "Tests/Fixtures/interchange/ftm-person.jsonl", "--focus", "c359f58d2977", "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let data = try Data(contentsOf: out.appendingPathComponent("paths.json"))
    let exposures = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    let focus = try #require(exposures.first { $0["entity_id"] as? String == "c359f58d2977" })
    let rules = focus["rules"] as? [[String: Any]] ?? []
    #expect(rules.map { $0["rule"] as? String } == ["ownership-aggregate"])
    #expect(rules.first?["pointer"] as? String == "/2")
    #expect(focus["score"] as? Double == 1)
  }
}
