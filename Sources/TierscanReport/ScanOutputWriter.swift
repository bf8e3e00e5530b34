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

    /// Creates options.
    public init(pathsMinLevel: RiskLevel = .low, withGraph: Bool = false, possibleSameAs: [EntityIndex: [String]] = [:]) {
      self.pathsMinLevel = pathsMinLevel
      self.withGraph = withGraph
      self.possibleSameAs = possibleSameAs
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
  public static func files(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options()
  ) -> [(name: String, bytes: [UInt8])] {
    rendered(analysis: analysis, findings: findings, manifest: manifest, options: options).map { file in
      (file.name, file.parts.count == 1 ? file.parts[0] : Array(file.parts.joined()))
    }
  }

  /// Writes the outputs into `directory`, replacing earlier scan outputs there.
  ///
  /// - Parameters:
  ///   - inputs: the input files and directories as given; the output directory may not be one
  ///     of them, contain one, nor lie inside an input directory.
  ///   - extraFiles: further files of the run (a what-if's diffs, named in ``fileNames``), hashed
  ///     into the manifest like the others.
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options(),
    to directory: URL, inputs: [URL], extraFiles: [(name: String, bytes: [UInt8])] = []
  ) throws(ScanOutputError) {
    try AtomicDirectory.write(
      rendered(analysis: analysis, findings: findings, manifest: manifest, options: options, extraFiles: extraFiles),
      to: directory, inputs: inputs, ownedNames: Set(fileNames))
  }

  /// The output files in name order, each as the parts it was rendered in (their concatenation
  /// is the file), so that large files are neither joined nor written by one thread.
  static func rendered(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options,
    extraFiles: [(name: String, bytes: [UInt8])] = []
  ) -> [AtomicDirectory.File] {
    let all = findings + analysis.allFindings
    // Each file is rendered by concurrent tasks (exposures.csv and paths.json, the largest, in
    // chunks, so that two cores share the work); then each file is hashed over its parts, again
    // concurrently. The renderers are pure; results are kept in this fixed order. attribution.csv
    // (one arc build and a re-propagation per category) starts first.
    let chunks = 4
    let rows = analysis.exposures.count
    let selected = PathsJSON.selectedIndices(analysis, minLevel: options.pathsMinLevel)
    let mitigation = AuditMitigation.index(analysis)
    var parts: [(name: String, render: @Sendable () -> [UInt8])] = [
      ("attribution.csv", { AttributionCSV.bytes(analysis) })
    ]
    for k in 0..<chunks {
      let range = (rows * k / chunks)..<(rows * (k + 1) / chunks)
      parts.append(("exposures.csv", { ExposuresCSV.bytes(analysis, rows: range, withHeader: k == 0) }))
    }
    for k in 0..<chunks {
      let range = (selected.count * k / chunks)..<(selected.count * (k + 1) / chunks)
      parts.append(
        ("paths.json", { PathsJSON.part(analysis, selected: selected[range], closesFile: k == chunks - 1, mitigation: mitigation) }))
    }
    parts.append(("coverage.json", { JSONWriter.bytes(CoverageJSON.object(analysis)) }))
    parts.append(("quality.json", { JSONWriter.bytes(.array(all.map(QualityJSON.object))) }))
    if options.withGraph { parts.append(("graph.json", { JSONWriter.bytes(GraphJSON.object(analysis.graph, possibleSameAs: options.possibleSameAs)) })) }
    let rendered = ConcurrentSlots<[UInt8]>(count: parts.count)
    let tasks = parts
    DispatchQueue.concurrentPerform(iterations: tasks.count) { i in rendered.set(i, tasks[i].render()) }
    var files: [AtomicDirectory.File] = []
    for (i, part) in parts.enumerated() {
      if let f = files.firstIndex(where: { $0.name == part.name }) {
        files[f].parts.append(rendered.take(i))
      } else {
        files.append(AtomicDirectory.File(name: part.name, parts: [rendered.take(i)]))
      }
    }
    files += extraFiles.map { AtomicDirectory.File(name: $0.name, parts: [$0.bytes]) }
    let digests = ConcurrentSlots<String>(count: files.count)
    let toHash = files
    DispatchQueue.concurrentPerform(iterations: toHash.count) { f in
      var hash = SHA256()
      for part in toHash[f].parts { hash.update(part) }
      digests.set(f, SHA256.hex(hash.finalize()))
    }
    let complete = !all.contains { $0.severity == .error }
    let text = manifest.render(
      graph: analysis.graph, focus: analysis.graph[analysis.focus].id, complete: complete,
      outputDigests: files.indices.map { (files[$0].name, digests.take($0)) })
    files.append(AtomicDirectory.File(name: "manifest.json", parts: [Array(text.utf8)]))
    return files.sorted { $0.name.utf8Precedes($1.name) }
  }
}
