import Foundation
import TierscanCore
import TierscanRisk

/// Writes the scan output files (model §4) into a directory, atomically: everything is written
/// into a temporary sibling directory, which is then renamed into place.
public enum ScanOutputWriter {
  /// Options of the scan outputs.
  public struct Options: Sendable, Hashable {
    /// `--paths-min-level` (default `low`: every exposure of an entity with a tier).
    public var pathsMinLevel: RiskLevel
    /// `--with-graph`: also write `graph.json`.
    public var withGraph: Bool
    /// Possible duplicates per entity, written as `possible_same_as` in `graph.json`.
    public var possibleSameAs: [EntityIndex: [String]]
    /// `--max-path-hops`, `--max-total-path-hops`: how many hops `paths.json` lists per path.
    public var pathHops: PathHopLimit

    /// Creates options.
    public init(
      pathsMinLevel: RiskLevel = .low, withGraph: Bool = false, possibleSameAs: [EntityIndex: [String]] = [:],
      pathHops: PathHopLimit = PathHopLimit()
    ) {
      self.pathsMinLevel = pathsMinLevel
      self.withGraph = withGraph
      self.possibleSameAs = possibleSameAs
      self.pathHops = pathHops
    }

    /// What `paths.json` lists: the hops per path, and the warning `paths-truncated` when some
    /// path is longer. A scan prints the finding, passes it with the findings it writes and hands
    /// the listing to ``ScanOutputWriter/write(analysis:findings:manifest:options:listing:to:inputs:extraFiles:)``
    /// (so that it is computed once).
    public func pathsListing(_ analysis: RiskAnalysis) -> PathsListing {
      PathsListing(analysis, minLevel: pathsMinLevel, hops: pathHops)
    }
  }

  /// Every file a scan may write.
  public static let fileNames = [
    "attribution.csv", "coverage.json", "exposures.csv", "graph.json", "manifest.json", "paths.json", "quality.json",
    "report.html", "whatif-diff.json", "whatif-diff.txt",
  ]

  /// The output files and their bytes, in name order: pure and byte-deterministic.
  ///
  /// - Parameters:
  ///   - findings: ingest and graph-building findings; the analysis's own findings (RiskAnalysis/allFindings) are appended.
  ///     `complete` in the manifest is `false` when any of them is an error.
  ///   - attribution: `analysis`'s ``ExposureAttribution`` when the caller needs it too (computed
  ///     for `attribution.csv` otherwise).
  public static func files(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options(),
    attribution: ExposureAttribution? = nil
  ) -> [(name: String, bytes: [UInt8])] {
    rendered(analysis: analysis, findings: findings, manifest: manifest, options: options, attribution: attribution).map { file in
      (file.name, file.parts.count == 1 ? file.parts[0] : Array(file.parts.joined()))
    }
  }

  /// The files a ``ScanSnapshot`` reads from a scan (`exposures.csv`, `coverage.json` and
  /// `graph.json`, in that order), rendered side by side in memory: the same bytes as those
  /// files of ``files(analysis:findings:manifest:options:attribution:)`` with `withGraph` and
  /// no possible duplicates, without rendering the others (a what-if compares only these).
  public static func diffedFiles(analysis: RiskAnalysis) -> [(name: String, bytes: [UInt8])] {
    let renderers: [@Sendable () -> [UInt8]] = [
      { ExposuresCSV.bytes(analysis) },
      { JSONWriter.bytes(CoverageJSON.object(analysis)) },
      { JSONWriter.bytes(GraphJSON.object(analysis.graph, possibleSameAs: [:])) },
    ]
    let bytes = ParallelWork.each(count: renderers.count) { renderers[$0]() }
    return zip(["exposures.csv", "coverage.json", "graph.json"], bytes).map { ($0, $1) }
  }

  /// Writes the outputs into `directory`, replacing earlier scan outputs there.
  ///
  /// Each file is written as its parts are rendered (on every core, at most a few parts of a
  /// file ahead of the disk) and hashed over the same parts, so the outputs are never all in
  /// memory; `manifest.json` follows once every other file is closed. The bytes are those of
  /// ``files(analysis:findings:manifest:options:)``.
  ///
  /// - Parameters:
  ///   - inputs: the input files and directories as given; the output directory may not be one
  ///     of them, contain one, nor lie inside an input directory.
  ///   - extraFiles: further files of the run (a what-if's diffs, named in ``fileNames``), hashed
  ///     into the manifest like the others.
  ///   - listing: `options.pathsListing(analysis)` when the caller computed it already (else it
  ///     is computed here).
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options(),
    listing: PathsListing? = nil, to directory: URL, inputs: [URL], extraFiles: [(name: String, bytes: [UInt8])] = []
  ) throws(ScanOutputError) {
    let plan = planned(analysis: analysis, findings: findings, options: options, extraFiles: extraFiles, listing: listing)
    try write(plan, manifest: manifest, to: directory, inputs: inputs)
  }

  /// Writes the files of `plan` and their manifest into `directory` (see the public `write`).
  static func write(_ plan: Plan, manifest: ScanManifest, to directory: URL, inputs: [URL]) throws(ScanOutputError) {
    try AtomicDirectory.write(to: directory, inputs: inputs, ownedNames: Set(fileNames)) { temporary in
      var opened: [SequentialFile] = []
      defer { for file in opened { try? file.close() } }
      for file in plan.files { opened.append(try SequentialFile(creating: temporary.appendingPathComponent(file.name))) }
      let targets = opened
      let digests = try OrderedPartRenderer.render(plan.files) { f, bytes in try targets[f].append(bytes) }
      opened = []
      for file in targets { try file.close() }
      let text = manifestText(plan, manifest: manifest, digests: digests)
      let manifestFile = try SequentialFile(creating: temporary.appendingPathComponent("manifest.json"))
      do { try manifestFile.append(Array(text.utf8)) } catch {
        try? manifestFile.close()
        throw error
      }
      try manifestFile.close()
    }
  }

  /// Rows of `exposures.csv` per rendered part (about 3 MB at the realistic shape's ~90 bytes a row).
  static let exposureRowsPerPart = 32_768

  /// Objects of `paths.json` per rendered part (about 3 MB at ~1.3 kB an object).
  static let pathsPerPart = 2_048

  /// The files of a scan, each as the renderers of its parts, and what the manifest needs.
  struct Plan {
    /// Every file but the manifest: the files of one part first, `attribution.csv` (the slowest),
    /// `quality.json`, `coverage.json`, `graph.json`, then `exposures.csv` and `paths.json` in
    /// parts, the extra files. Parts are rendered in this order: a file of one part rendered last
    /// (`quality.json`: ~0.3 s CPU at 1M) ran on one core while the other idled.
    var files: [OrderedPartRenderer.File]
    /// Whether no finding is an error (the manifest's `complete`).
    var complete: Bool
    var analysis: RiskAnalysis
  }

  /// The renderers of every output file but the manifest; pure.
  ///
  /// - Parameters:
  ///   - exposureRowsPerPart, pathsPerPart: the part sizes (any positive sizes give the same bytes).
  ///   - listing: `options.pathsListing(analysis)`, or `nil` to compute it here.
  static func planned(
    analysis: RiskAnalysis, findings: [Finding], options: Options, extraFiles: [(name: String, bytes: [UInt8])],
    exposureRowsPerPart: Int = Self.exposureRowsPerPart, pathsPerPart: Int = Self.pathsPerPart,
    attribution: ExposureAttribution? = nil, listing: PathsListing? = nil
  ) -> Plan {
    let all = findings + analysis.allFindings
    let rows = analysis.exposures.count
    let listing = listing ?? options.pathsListing(analysis)
    precondition(listing.fits(options, exposureCount: rows), "a paths listing of other options or another analysis")
    let selected = listing.selected
    let maxHops = listing.listedHops
    let mitigation = AuditMitigation.index(analysis)
    // `TIERSCAN_TIMINGS=1` reports the attribution (computed while the other parts render) on its own.
    let timings = PhaseTimings.current
    var files: [OrderedPartRenderer.File] = [
      .init(
        name: "attribution.csv",
        parts: [
          {
            guard let timings else { return AttributionCSV.bytes(analysis, attribution: attribution) }
            return timings.measure("attribution (in write outputs)") { AttributionCSV.bytes(analysis, attribution: attribution) }
          }
        ])
    ]
    files.append(.init(name: "quality.json", parts: [{ JSONWriter.bytes(.array(all.map(QualityJSON.object))) }]))
    files.append(.init(name: "coverage.json", parts: [{ JSONWriter.bytes(CoverageJSON.object(analysis)) }]))
    if options.withGraph {
      let possibleSameAs = options.possibleSameAs
      files.append(
        .init(name: "graph.json", parts: [{ JSONWriter.bytes(GraphJSON.object(analysis.graph, possibleSameAs: possibleSameAs)) }]))
    }
    let exposureParts = stride(from: 0, to: max(rows, 1), by: exposureRowsPerPart).map { start in
      let range = start..<min(start + exposureRowsPerPart, rows)
      return { @Sendable in ExposuresCSV.bytes(analysis, rows: range, withHeader: start == 0) }
    }
    files.append(.init(name: "exposures.csv", parts: exposureParts))
    let pathParts = stride(from: 0, to: max(selected.count, 1), by: pathsPerPart).map { start in
      let range = start..<min(start + pathsPerPart, selected.count)
      let closes = range.upperBound == selected.count
      return { @Sendable in
        PathsJSON.part(analysis, selected: selected[range], closesFile: closes, mitigation: mitigation, maxHops: maxHops)
      }
    }
    files.append(.init(name: "paths.json", parts: pathParts))
    for extra in extraFiles {
      let bytes = extra.bytes
      files.append(.init(name: extra.name, parts: [{ bytes }]))
    }
    return Plan(files: files, complete: !all.contains { $0.severity == .error }, analysis: analysis)
  }

  /// `manifest.json` for the files of `plan` with their `digests` (in the plan's order).
  static func manifestText(_ plan: Plan, manifest: ScanManifest, digests: [String]) -> String {
    let analysis = plan.analysis
    return manifest.render(
      graph: analysis.graph, focus: analysis.graph.entities.id(of: analysis.focus), complete: plan.complete,
      outputDigests: plan.files.indices.map { (plan.files[$0].name, digests[$0]) })
  }

  /// The output files in name order, each as the parts it was rendered in (their concatenation
  /// is the file), in memory.
  static func rendered(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options,
    extraFiles: [(name: String, bytes: [UInt8])] = [], attribution: ExposureAttribution? = nil
  ) -> [AtomicDirectory.File] {
    let plan = planned(
      analysis: analysis, findings: findings, options: options, extraFiles: extraFiles, attribution: attribution)
    let collected = OrderedPartRenderer.collect(plan.files)
    var files = zip(plan.files, collected).map { AtomicDirectory.File(name: $0.name, parts: $1.parts) }
    let text = manifestText(plan, manifest: manifest, digests: collected.map(\.sha256))
    files.append(AtomicDirectory.File(name: "manifest.json", parts: [Array(text.utf8)]))
    return files.sorted { $0.name.utf8Precedes($1.name) }
  }
}
