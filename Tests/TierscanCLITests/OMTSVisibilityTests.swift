import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// `visibility_depth` (OMTS supplies edges) in coverage: unmapped entities the discloser declares
/// opaque, declared visible (none found), or unknown — per tier, and only when declared.
@Suite struct OMTSVisibilityTests {
  @Test func coverageSeparatesDeclaredOpaqueFromUnknown() throws {
    let out = TestScratch.directory.appendingPathComponent("tierscan-visibility-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try TierscanBinary.run(
      ["scan", "Tests/Fixtures/interchange/omts-visibility.omts", "--focus", "buyer", "--out", out.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("tier 1: 4 entities, 3 unmapped (1 declared opaque, 1 declared visible), 25% disclosed sub-tiers"))
    #expect(run.stdout.contains("tier 2: 1 entities, 1 unmapped (1 declared opaque, 0 declared visible)"))
    let coverage = try JSONParser.parse(bytes: Array(try Data(contentsOf: out.appendingPathComponent("coverage.json"))))
    let tiers = try #require(coverage["tiers"]?.arrayValue)
    func visibility(_ tier: Int) -> [Double] {
      let v = tiers[tier]["unmapped_visibility"]
      return ["declared_opaque", "declared_visible", "unknown"].map { v?[$0]?.numberValue ?? -1 }
    }
    #expect(visibility(1) == [1, 1, 1])
    #expect(visibility(2) == [1, 0, 0])
    #expect(tiers[1]["unmapped_ids"] == .array([.string("flat"), .string("opaque"), .string("unknown")]))
  }

  @Test func withoutDeclarationsCoverageKeepsItsShape() throws {
    let out = TestScratch.directory.appendingPathComponent("tierscan-visibility-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let run = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--out", out.path])
    #expect(run.status == 0)
    let text = try String(contentsOf: out.appendingPathComponent("coverage.json"), encoding: .utf8)
    #expect(!text.contains("unmapped_visibility") && text.contains("unmapped_ids"))
  }
}
