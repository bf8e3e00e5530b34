import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

/// A scan computes `paths.json`'s listing once (to print `paths-truncated` before writing) and
/// hands it to the writer: the files must be those the writer renders from its own listing.
@Suite struct PathsListingTests {
  /// The hop limits tried: none that bites, one hop per path, and a total that lowers it.
  static let limits = [PathHopLimit(), PathHopLimit(perPath: 1), PathHopLimit(perPath: 3, total: 4)]

  @Test(arguments: RiskLevel.allCases, limits)
  func aHandedListingGivesTheFilesOfTheWritersOwn(minLevel: RiskLevel, hops: PathHopLimit) {
    let analysis = scenario()
    let options = ScanOutputWriter.Options(pathsMinLevel: minLevel, pathHops: hops)
    let listing = options.pathsListing(analysis)
    // The reference: the selection and the hop limit applied to it, computed directly.
    let selected = PathsJSON.selectedIndices(analysis, minLevel: minLevel)
    let applied = hops.apply(selected.map { analysis.exposures[$0] }, in: analysis, output: "paths.json")
    #expect(listing.selected == selected)
    #expect(listing.listedHops == applied.listedHops)
    #expect(listing.finding == applied.finding)
    #expect(listing.fits(options, exposureCount: analysis.exposures.count))
    #expect(!listing.fits(options, exposureCount: analysis.exposures.count + 1))
    let handed = ScanOutputWriter.planned(analysis: analysis, findings: [], options: options, extraFiles: [], listing: listing)
    let own = ScanOutputWriter.planned(analysis: analysis, findings: [], options: options, extraFiles: [])
    let handedFiles = OrderedPartRenderer.collect(handed.files)
    #expect(handed.files.map(\.name) == own.files.map(\.name))
    #expect(handedFiles.map(\.sha256) == OrderedPartRenderer.collect(own.files).map(\.sha256))
    // paths.json lists each path's `listedHops` hops nearest the entity.
    let paths = handedFiles[handed.files.firstIndex { $0.name == "paths.json" }!].parts.joined()
    #expect(Array(paths) == PathsJSON.bytes(analysis, minLevel: minLevel, maxHops: applied.listedHops))
  }

  /// The scenario's longest listed path has 3 hops: the limits above do truncate.
  @Test func theLimitsTruncate() {
    let analysis = scenario()
    let listing = ScanOutputWriter.Options(pathsMinLevel: .low, pathHops: PathHopLimit(perPath: 1)).pathsListing(analysis)
    #expect(listing.listedHops == 1 && listing.finding != nil)
  }
}
