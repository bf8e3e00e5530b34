import TierscanCore
import TierscanRisk

/// What `paths.json` lists for one analysis: the selected exposures, the hops listed per path
/// and the warning `paths-truncated` when that leaves a path in part.
///
/// A scan computes it once (``ScanOutputWriter/Options/pathsListing(_:)``), prints the warning
/// before writing and hands it to ``ScanOutputWriter/write(analysis:findings:manifest:options:listing:to:inputs:extraFiles:)``,
/// which renders `paths.json` from the same selection: at 1M entities the selection reads ~2.3M
/// exposures and the hop limit ~325k of them, work that was done twice before the write phase.
public struct PathsListing: Sendable {
  /// Indices into the analysis's exposures of those `paths.json` lists, in file order
  /// (``PathsJSON/selectedIndices(_:minLevel:)``).
  let selected: [Int]
  /// The hops `paths.json` lists for each path (``PathHopLimit/apply(_:in:output:)``).
  public let listedHops: Int
  /// The warning `paths-truncated`, when some path is longer than ``listedHops``.
  public let finding: Finding?
  /// What it was computed for (checked when a writer is handed it).
  let minLevel: RiskLevel
  let hops: PathHopLimit
  let exposureCount: Int

  /// The listing of `analysis` at `minLevel` under `hops`.
  ///
  /// - Complexity: O(E + S log `hops.perPath`) for E exposures of which S are listed.
  init(_ analysis: RiskAnalysis, minLevel: RiskLevel, hops: PathHopLimit) {
    let selected = PathsJSON.selectedIndices(analysis, minLevel: minLevel)
    let exposures = analysis.exposures
    let applied = hops.apply(
      selected.lazy.map { exposures[$0] }, lengths: selected.map { exposures[$0].hops }, in: analysis, output: "paths.json")
    self.selected = selected
    self.listedHops = applied.listedHops
    self.finding = applied.finding
    self.minLevel = minLevel
    self.hops = hops
    self.exposureCount = analysis.exposures.count
  }

  /// Whether this is the listing `options` give for an analysis of `exposureCount` exposures.
  func fits(_ options: ScanOutputWriter.Options, exposureCount: Int) -> Bool {
    minLevel == options.pathsMinLevel && hops == options.pathHops && self.exposureCount == exposureCount
  }
}
