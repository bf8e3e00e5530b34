import TierscanCore
import TierscanRisk

/// How many hops the path listings (`paths.json`, `tierscan paths`) give each exposure path:
/// the documented bound that keeps them linear in the exposures (docs/reliability.md, "Limits").
///
/// A path is listed whole when it has at most ``perPath`` hops (`--max-path-hops`) and the
/// listing's hops stay within ``total`` (`--max-total-path-hops`); otherwise every path lists
/// only its hops nearest the entity — the same number for every path, the largest that fits
/// both limits — and counts the others in `hops_omitted`, with the warning `paths-truncated`.
/// Listing whole paths made a single 1,000,000-deep chain quadratic (#14: 337 MB of
/// `paths.json` from 54 KB of input).
public struct PathHopLimit: Sendable, Hashable {
  /// `--max-path-hops`: the most hops listed for one path.
  public var perPath: Int
  /// `--max-total-path-hops`: the most hops listed over all paths of one listing.
  public var total: Int

  /// The default of `--max-path-hops`: ten times the default `max_depth`.
  public static let defaultPerPath = 100
  /// The default of `--max-total-path-hops` (about 3 GB of `paths.json` hop objects; a
  /// 1,000,000-entity scan with the default `max_depth` stays under it).
  public static let defaultTotal = 10_000_000

  /// Creates a limit.
  public init(perPath: Int = defaultPerPath, total: Int = defaultTotal) {
    self.perPath = perPath
    self.total = total
  }

  /// The number of hops listed for each path of `lengths` (path lengths in hops): ``perPath``,
  /// lowered to the largest k with Σ min(length, k) ≤ ``total``.
  ///
  /// - Complexity: O(n log ``perPath``) for n paths.
  public func listedHops(_ lengths: [Int]) -> Int {
    func listed(_ k: Int) -> Int {
      var sum = 0
      for length in lengths {
        sum += min(length, k)
        if sum > total { return sum }
      }
      return sum
    }
    let cap = max(perPath, 0)
    if listed(cap) <= total { return cap }
    var low = 0  // fits
    var high = cap  // does not fit
    while high - low > 1 {
      let mid = (low + high) / 2
      if listed(mid) <= total { low = mid } else { high = mid }
    }
    return low
  }

  /// The hops listed per path for `exposures` and the warning `paths-truncated` when that leaves
  /// any path in part: how many, the longest, the limits, and how to see a whole path. `output`
  /// names the listing in the message (`paths.json`).
  public func apply(_ exposures: some Collection<Exposure>, in analysis: RiskAnalysis, output: String) -> (
    listedHops: Int, finding: Finding?
  ) {
    apply(exposures, lengths: exposures.map(\.hops), in: analysis, output: output)
  }

  /// ``apply(_:in:output:)`` with the exposures' path lengths given (`lengths[i]` is the `i`th
  /// exposure's ``Exposure/hops``): the exposures are read again only when some path is longer
  /// than the listing's hops (a copy of an exposure retains its explanation source, and a
  /// million-entity scan lists ~325k paths).
  func apply(_ exposures: some Collection<Exposure>, lengths: [Int], in analysis: RiskAnalysis, output: String) -> (
    listedHops: Int, finding: Finding?
  ) {
    let listed = listedHops(lengths)
    guard lengths.contains(where: { $0 > listed }) else { return (listed, nil) }
    var count = 0
    var longestExposure: Exposure?
    for exposure in exposures where exposure.hops > listed {
      count += 1
      if exposure.hops > longestExposure?.hops ?? 0 { longestExposure = exposure }
    }
    guard let exposure = longestExposure else { return (listed, nil) }
    let id = analysis.graph.entities.id(of: exposure.entity)
    let why =
      listed < perPath
      ? "--max-path-hops \(perPath) lowered so that the listing holds at most --max-total-path-hops (\(total)) hops"
      : "--max-path-hops \(perPath)"
    let finding = Finding(
      .warning, .pathsTruncated, at: nil,
      "\(count) of \(exposures.count) exposure path(s) are longer than \(output) lists (\(listed) hops: \(why)), "
        + "the longest \(exposure.hops) hops (\(id), \(exposure.category)); each lists its \(listed) hops nearest the "
        + "entity and counts the others in hops_omitted; raise the limits, or run `tierscan paths … --entity \(id)` "
        + "for one whole path",
      evidence: [
        Attribute("paths", String(count)), Attribute("longest", String(exposure.hops)),
        Attribute("listed_hops", String(listed)), Attribute("max_path_hops", String(perPath)),
        Attribute("max_total_path_hops", String(total)),
      ])
    return (listed, finding)
  }
}
