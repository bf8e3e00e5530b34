import ArgumentParser
import TierscanReport

/// `--max-path-hops`, `--max-total-path-hops`: how many hops the path listings (`paths.json`,
/// `tierscan paths`) give each path (docs/reliability.md, "Limits"; warning `paths-truncated`).
struct PathHopOptions: ParsableArguments {
  @Option(
    name: .customLong("max-path-hops"),
    help: "Most hops listed for one path (those nearest the entity; the others are counted in hops_omitted).")
  var perPath: Int = PathHopLimit.defaultPerPath

  @Option(
    name: .customLong("max-total-path-hops"),
    help: "Most hops listed over all paths (every path then lists fewer, the same number each).")
  var total: Int = PathHopLimit.defaultTotal

  func validate() throws {
    if perPath < 0 { throw ValidationError("--max-path-hops must be 0 or a positive integer.") }
    if total < 0 { throw ValidationError("--max-total-path-hops must be 0 or a positive integer.") }
  }

  /// The limit as given.
  var limit: PathHopLimit { PathHopLimit(perPath: perPath, total: total) }
}
