import Foundation
import Testing
import TierscanTestSupport

/// A scan that uses the real US DOL ILAB goods list (SPEC §2.9) as its country-commodity table.
@Suite(.serialized) struct ILABScanTests {
  private static let goods = TierscanBinary.root.deletingLastPathComponent()
    .appendingPathComponent("shared/realdata/risk_lists/goods_2021.xml")
  private static let hasRealData = FileManager.default.fileExists(atPath: goods.path)

  private let chain = [
    "SampleData/2025/entities.csv", "SampleData/2025/relationships.csv", "SampleData/2025/supplier-list.csv",
    "SampleData/2025/xml",
  ]

  private func exposures(config: String? = nil) throws -> [Substring] {
    let out = TestScratch.directory.appendingPathComponent("tierscan-ilab-\(UUID().uuidString)")
    var arguments = ["scan"] + chain + [Self.goods.path, "--focus", "NWT", "--out", out.path]
    if let config {
      let url = out.deletingLastPathComponent().appendingPathComponent("ilab-\(UUID().uuidString).json")
      try Data(config.utf8).write(to: url)
      arguments += ["--config", url.path]
    }
    let result = try TierscanBinary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8).split(separator: "\n")
  }

  @Test(.enabled(if: hasRealData, "../shared/realdata is absent; the ILAB list is third-party data"))
  func ilabListFlagsTheCottonAndPolysiliconChains() throws {
    let rows = try exposures()
    // ILAB 2021: cotton from China (child and forced labour), polysilicon from China (forced labour); default score 0.7.
    #expect(rows.contains { $0.hasPrefix("GIN-XJ,") && $0.hasSuffix(",4,forced_labour,0.7,high,0,GIN-XJ") })
    #expect(rows.contains { $0.hasPrefix("POLY-CN,") && $0.hasSuffix(",5,forced_labour,0.7,high,0,POLY-CN") })
    // The weaving mill supplies `cotton fabric` (HS 5208.12), which the commodity vocabulary
    // reads as `textiles` (docs/commodities.md): ILAB lists textiles from China, so the mill is a
    // source itself (0.7) rather than only one declared hop below the gin (0.7 × 0.9 × 0.85 = 0.5355).
    #expect(rows.contains { $0.hasPrefix("MILL-CN,") && $0.hasSuffix(",3,forced_labour,0.7,high,0,MILL-CN") })
  }

  @Test(.enabled(if: hasRealData, "../shared/realdata is absent; the ILAB list is third-party data"))
  func configIlabScoresRescoreTheListRows() throws {
    let rows = try exposures(config: #"{"ilab_scores": {"forced_labour": 0.9}}"#)
    #expect(rows.contains { $0.hasPrefix("POLY-CN,") && $0.hasSuffix(",5,forced_labour,0.9,critical,0,POLY-CN") })
    #expect(rows.contains { $0.hasPrefix("GIN-XJ,") && $0.hasSuffix(",4,child_labour,0.7,high,0,GIN-XJ") })
  }
}
