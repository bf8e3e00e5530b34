import Foundation
import Testing
import TierscanTestSupport

/// A real Open Supply Hub facility list read with `--profile os-hub` (docs/mappings.md): countries
/// written as names (`CHINA`, `VIETNAM`) and sectors as words (`Apparel`) give exactly the
/// exposures of the same list written with alpha-2 codes and the canonical commodity `garments`.
@Suite(.serialized) struct OSHubProfileScanTests {
  private static let list = TierscanBinary.root.deletingLastPathComponent()
    .appendingPathComponent("shared/realdata/facilities/opensupplyhub_facility_lists/2.csv")
  private static let hasRealData = FileManager.default.fileExists(atPath: list.path)

  /// The country names of list 2 and their codes, written out here so the test does not use the
  /// resolver it checks.
  private static let codes = [
    "CHINA": "CN", "INDIA": "IN", "THAILAND": "TH", "INDONESIA": "ID", "BANGLADESH": "BD", "VIETNAM": "VN",
  ]

  private static let countryRisk = """
    country,category,score,commodity,source
    CN,forced_labour,0.9,garments,test table
    BD,child_labour,0.6,garments,test table
    IN,forced_labour,0.5,,test table
    """

  /// Scans `list` with the os-hub profile and returns exposures.csv.
  private func exposures(of list: URL, directory: URL) throws -> String {
    let risk = directory.appendingPathComponent("country-risk.csv")
    try Data(Self.countryRisk.utf8).write(to: risk)
    let out = directory.appendingPathComponent("out-\(list.lastPathComponent)")
    let result = try TierscanBinary.run([
      "scan", list.path, risk.path, "--profile", "os-hub", "--profile-param", "buyer_id=BRAND", "--focus", "BRAND",
      "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOf: out.appendingPathComponent("exposures.csv"), encoding: .utf8)
  }

  @Test(.enabled(if: hasRealData, "../shared/realdata is absent; Open Supply Hub lists are third-party data"))
  func namesAndWordsGiveTheExposuresOfCodesAndCanonicalCommodities() throws {
    let directory = TestScratch.directory.appendingPathComponent("tierscan-oshub-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // The same list with alpha-2 codes and `garments`, written by plain text substitution of the
    // first and fourth columns (the real file has no quoted country or sector fields).
    // (Swift reads CR LF as one character: split on scalars.)
    let text = try String(contentsOf: Self.list, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
    var lines = text.components(separatedBy: "\n")
    var replaced = 0
    for index in lines.indices.dropFirst() where !lines[index].isEmpty {
      var line = lines[index]
      let comma = try #require(line.firstIndex(of: ","))
      let country = String(line[..<comma])
      let code = try #require(Self.codes[country], "unexpected country \(country)")
      line = code + line[comma...]
      let sector = try #require(line.range(of: ",Apparel", options: .backwards))
      line.replaceSubrange(sector, with: ",garments")
      lines[index] = line
      replaced += 1
    }
    #expect(replaced == 83)
    let coded = directory.appendingPathComponent("2-coded.csv")
    try Data(lines.joined(separator: "\n").utf8).write(to: coded)

    let fromNames = try exposures(of: Self.list, directory: directory)
    let fromCodes = try exposures(of: coded, directory: directory)
    #expect(fromNames == fromCodes)
    let rows = fromNames.split(separator: "\n")
    // CN garments facilities (forced labour 0.9), BD (child labour 0.6), IN (any commodity, 0.5),
    // and BRAND itself through them.
    #expect(rows.count > 40, "\(fromNames)")
    #expect(rows.contains { $0.hasPrefix("BRAND,") && $0.contains(",0,forced_labour,") })
    #expect(rows.contains { $0.hasPrefix("oshub:") && $0.contains(",facility,CN,1,forced_labour,0.9,critical,0,") })
    #expect(rows.contains { $0.hasPrefix("oshub:") && $0.contains(",facility,BD,1,child_labour,0.6,high,0,") })
  }
}
