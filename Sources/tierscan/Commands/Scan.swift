import ArgumentParser
import Foundation
import TierscanCore
import TierscanReport
import TierscanRisk

/// `tierscan scan INPUT… --focus ID [--config F] [--out DIR] [--fail-on LEVEL]
/// [--paths-min-level LEVEL] [--with-graph] [--smelter-lookup F]`.
struct Scan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Propagate risk to the focus company and write exposures, paths, coverage, quality and manifest.")

  @OptionGroup var input: InputOptions
  @Option(help: "The focus company's id (tiers are counted from it).") var focus: String
  @OptionGroup var scan: ScanOptions
  @Option(help: "Directory for the output files (written atomically).") var out: String?
  @Option(name: .customLong("fail-on"), help: "Exit 1 when an entity with a tier reaches this level.")
  var failOn: RiskLevel?
  @Option(
    name: .customLong("fail-on-unassessed"), help: ArgumentHelp(
      "Exit 1 when more than PCT percent of the chain's entities are unassessed in any category.",
      valueName: "PCT"))
  var failOnUnassessed: Double?
  @Option(name: .customLong("paths-min-level"), help: "Lowest level written to paths.json.")
  var pathsMinLevel: RiskLevel = .low
  @OptionGroup var pathHops: PathHopOptions
  @Flag(name: .customLong("with-graph"), help: "Also write graph.json (needed by diff).") var withGraph = false
  @Flag(name: .customLong("html"), help: "Also write report.html: one self-contained page to read the scan in a browser.")
  var html = false
  @Option(name: .customLong("without"), help: "What-if: re-score without these entities (comma-separated ids; repeatable).")
  var without: [String] = []
  @Option(name: .customLong("replace"), help: "What-if: replace supplier OLD by NEW (OLD=NEW; repeatable).")
  var replace: [String] = []

  /// The what-if asked for, or a usage error.
  func whatIf() throws -> WhatIf {
    var pairs: [(old: String, new: String)] = []
    for item in replace {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("--replace expects OLD=NEW, got '\(item)'")
      }
      pairs.append((parts[0], parts[1]))
    }
    let ids = without.flatMap { $0.split(separator: ",").map(String.init) }
    return WhatIf(without: ids, replace: pairs)
  }

  func validate() throws {
    try OutputPath.check(out)
    if html && out == nil { throw ValidationError("--html needs --out DIR (report.html is written there)") }
    _ = try whatIf()
    if let failOnUnassessed, !(0...100).contains(failOnUnassessed) {
      throw ValidationError("--fail-on-unassessed takes a percentage from 0 to 100, not \(failOnUnassessed)")
    }
  }

  func run() throws {
    guard ProcessInfo.processInfo.environment["TIERSCAN_TIMINGS"] == "1" else { return try scanAndWrite() }
    let timings = PhaseTimings()
    defer { Output.writeStandardError(timings.report) }
    try timings.measure("total") { try PhaseTimings.$current.withValue(timings) { try scanAndWrite() } }
  }

  private func scanAndWrite() throws {
    let request = try whatIf()
    // Without a what-if the written analysis is this one: its attribution is computed in the risk stage.
    let run = try ScanRun(options: scan, input: input, focus: focus, withAttribution: out != nil && request.isEmpty)
    let (pipeline, prepared, base) = (run.pipeline, run.prepared, run.analysis!)
    var analysis = base
    var extraFiles: [(name: String, bytes: [UInt8])] = []
    var whatIfSummary = ""
    if !request.isEmpty {
      do {
        analysis = try request.analyze(prepared, focus: base.focus, periodEnd: scan.periodEnd, pipeline: pipeline)
        let (diff, files) = try WhatIf.diffFiles(base: base, whatIf: analysis)
        extraFiles = files
        let asked = (request.without.isEmpty ? [] : ["without " + request.without.joined(separator: ",")])
          + request.replace.map { "replace \($0.old)=\($0.new)" }
        whatIfSummary = "what-if (\(asked.joined(separator: "; "))): "
          + "\(diff.entitiesRemoved.count) entities and \(diff.relationshipsRemoved.count) relationships removed, \(diff.exposures.count) exposure changes\n"
        if out == nil { print(diff.render(.text), terminator: "") }
      } catch let error as ScanPipelineError {
        Output.printError(error.description)
        throw ExitCode(ExitStatus.usage)
      }
    }
    if let out {
      let options = ScanOutputWriter.Options(
        pathsMinLevel: pathsMinLevel, withGraph: withGraph, possibleSameAs: prepared.duplicates.possibleSameAs,
        pathHops: pathHops.limit)
      let listing = options.pathsListing(analysis)
      let outputFindings = listing.finding.map { [$0] } ?? []
      Output.printFindings(outputFindings)
      do {
        let timings = PhaseTimings.current
        let manifest = timings.map { $0.measure("input digests") { pipeline.manifest(for: prepared) } }
          ?? pipeline.manifest(for: prepared)
        if html {
          let page = ScanReportHTML.render(
            inputs: prepared.inputs, analysis: analysis, findings: prepared.findings + analysis.allFindings, manifest: manifest)
          extraFiles.append(("report.html", Array(page.utf8)))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings?.record("write outputs", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        try ScanOutputWriter.write(
          analysis: analysis, findings: prepared.findings + outputFindings, manifest: manifest, options: options,
          listing: listing, to: URL(fileURLWithPath: out), inputs: (input.inputs + [input.workspace].compactMap { $0 }).map { URL(fileURLWithPath: $0) },
          extraFiles: extraFiles)
      } catch {
        Output.printError("error: output: \(error.description)")
        throw ExitCode(ExitStatus.usage)
      }
    }
    print(whatIfSummary + ScanSummary.text(analysis), terminator: "")
    if run.hasErrors { throw ExitCode(ExitStatus.inputErrors) }
    if let failOn, let highest = analysis.highestTieredLevel, highest >= failOn { throw ExitCode(ExitStatus.failOn) }
    if let failOnUnassessed {
      let over = analysis.unassessed.categories(over: failOnUnassessed)
      for category in over {
        Output.printError(
          "tierscan: fail-on-unassessed: \(category.name): \(category.total) of \(category.entities) entities unassessed "
            + "(\(String(format: "%.1f", category.percent))% > \(failOnUnassessed)%)")
      }
      if !over.isEmpty { throw ExitCode(ExitStatus.failOn) }
    }
  }
}
