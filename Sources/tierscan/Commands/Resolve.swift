import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport

/// `tierscan resolve INPUT… [--config F] --out DIR`: candidate pairs for entity resolution
/// (docs/entity-resolution.md §8).
struct Resolve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List entities that may be one (and risk-list rows that may name them) for review.")

  @OptionGroup var input: InputOptions
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for candidates.csv, blocks.csv, review.html and summary.txt (written atomically).")
  var out: String

  func validate() throws { try OutputPath.check(out) }

  func run() throws {
    guard ProcessInfo.processInfo.environment["TIERSCAN_TIMINGS"] == "1" else { return try resolve() }
    let timings = PhaseTimings()
    defer { Output.writeStandardError(timings.report) }
    try timings.measure("total") { try PhaseTimings.$current.withValue(timings) { try resolve() } }
  }

  private func resolve() throws {
    // Relationships play no part in resolve: a relationships CSV is recognised, its rows are not
    // read (an info `not-read` per file; docs/entity-resolution.md §8). No manifest is written,
    // so the inputs are not hashed.
    let run = try ScanRun(options: scan, input: input, focus: nil, readsRelationshipRows: false, hashesInputs: false)
    let prepared = run.prepared
    let timings = PhaseTimings.current
    let report = PhaseTimings.phase("resolve candidates") {
      ResolveReport(
        graph: prepared.graph, riskList: prepared.inputs.riskList, judgements: prepared.judgements,
        config: prepared.config.config.matching, declarerPairs: prepared.declarerLinks.reviewPairs)
    }
    // Freed at exit, all at once, instead of record by record before the outputs are written
    // (its working memory) or after them (the candidates and the block table).
    KeptUntilExit.keep(report)
    timings?.addCounts(
      "resolve candidates",
      [("entities", report.entityCount), ("blocks", report.stats.blocks), ("pairs", report.comparisons),
       ("block visits", report.work.visits), ("met", report.work.met), ("past the gate", report.work.gated),
       ("scored", report.work.scored), ("candidates", report.candidates.count)])
    let start = DispatchTime.now().uptimeNanoseconds
    defer { timings?.record("write outputs", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
    do {
      try ResolveOutput.write(
        report, to: URL(fileURLWithPath: out), inputs: input.inputs.map { URL(fileURLWithPath: $0) })
    } catch {
      Output.printError("error: output: \(error.description)")
      throw ExitCode(ExitStatus.usage)
    }
    print(ResolveOutput.summary(report), terminator: "")
    // Exit 2 for errors in what was read; the unread rows of relationships files are not checked
    // (`tierscan validate` checks them).
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
  }
}

extension Resolve: ChoosesMallocArenas {
  /// An arena per thread: the records phase makes about three heap blocks per entity on both
  /// cores, and with the one arena of the other commands the two threads waited on its lock (1M
  /// entities: the phase 1.1–1.6 s wall with one arena, 0.65–0.75 s with one per thread, for
  /// 7–9 % more peak memory: 1.34 → 1.45–1.47 GB with `MALLOC_ARENA_MAX=16` on the same build;
  /// docs/performance.md, stop 27).
  static let mallocArenas = 16
}
