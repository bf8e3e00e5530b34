import Foundation
import TierscanCore
import TierscanRisk

/// Writes the scan output files (SPEC §4) into a directory, atomically: everything is written
/// into a temporary sibling directory, which is then renamed into place.
public enum ScanOutputWriter {
  /// Options of the scan outputs.
  public struct Options: Sendable, Hashable {
    /// `--paths-min-level` (default `low`: every exposure of an entity with a tier).
    public var pathsMinLevel: RiskLevel
    /// `--with-graph`: also write `graph.json`.
    public var withGraph: Bool

    /// Creates options.
    public init(pathsMinLevel: RiskLevel = .low, withGraph: Bool = false) {
      self.pathsMinLevel = pathsMinLevel
      self.withGraph = withGraph
    }
  }

  /// Every file a scan may write.
  public static let fileNames = ["coverage.json", "exposures.csv", "graph.json", "manifest.json", "paths.json", "quality.json"]

  /// The output files and their bytes, in name order: pure and byte-deterministic.
  ///
  /// - Parameters:
  ///   - findings: ingest and graph-building findings; the analysis's own findings are appended.
  ///     `complete` in the manifest is `false` when any of them is an error.
  public static func files(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options()
  ) -> [(name: String, bytes: [UInt8])] {
    let all = findings + analysis.findings.findings
    // Each file is rendered by concurrent tasks (exposures.csv in two halves, the largest parts
    // first, so two cores share the work); then each file's parts are joined and hashed, again
    // concurrently. The renderers are pure; results are kept in this fixed order.
    let half = analysis.exposures.count / 2
    var parts: [(name: String, render: @Sendable () -> [UInt8])] = [
      ("exposures.csv", { ExposuresCSV.bytes(analysis, rows: 0..<half, withHeader: true) }),
      ("exposures.csv", { ExposuresCSV.bytes(analysis, rows: half..<analysis.exposures.count, withHeader: false) }),
      ("paths.json", { PathsJSON.bytes(analysis, minLevel: options.pathsMinLevel) }),
      ("coverage.json", { JSONWriter.bytes(CoverageJSON.object(analysis)) }),
      ("quality.json", { JSONWriter.bytes(.array(all.map(QualityJSON.object))) }),
    ]
    if options.withGraph { parts.append(("graph.json", { JSONWriter.bytes(GraphJSON.object(analysis.graph)) })) }
    let rendered = RenderSlots<[UInt8]>(count: parts.count)
    let tasks = parts
    DispatchQueue.concurrentPerform(iterations: tasks.count) { i in rendered.set(i, tasks[i].render()) }
    var names: [String] = []
    for part in parts where names.last != part.name { names.append(part.name) }
    let hashed = RenderSlots<(bytes: [UInt8], digest: String)>(count: names.count)
    let fileNames = names
    DispatchQueue.concurrentPerform(iterations: fileNames.count) { f in
      let partsOfFile = tasks.indices.filter { tasks[$0].name == fileNames[f] }.map { rendered.take($0) }
      var bytes = partsOfFile[0]
      if partsOfFile.count > 1 {
        bytes.reserveCapacity(partsOfFile.reduce(0) { $0 + $1.count })
        for part in partsOfFile.dropFirst() { bytes.append(contentsOf: part) }
      }
      hashed.set(f, (bytes, SHA256.hexDigest(of: bytes)))
    }
    var outputs: [(name: String, bytes: [UInt8])] = []
    var digests: [String: String] = [:]
    for (f, name) in names.enumerated() {
      let (bytes, digest) = hashed.take(f)
      outputs.append((name, bytes))
      digests[name] = digest
    }
    let complete = !all.contains { $0.severity == .error }
    let text = manifest.render(
      graph: analysis.graph, focus: analysis.graph[analysis.focus].id, complete: complete, outputs: outputs,
      digests: digests)
    outputs.append(("manifest.json", Array(text.utf8)))
    return outputs.sorted { $0.name.utf8Precedes($1.name) }
  }

  /// Writes the outputs into `directory`, replacing earlier scan outputs there.
  ///
  /// - Parameters:
  ///   - inputs: the input files and directories as given; the output directory may not be one
  ///     of them, contain one, nor lie inside an input directory.
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options(),
    to directory: URL, inputs: [URL]
  ) throws(ScanOutputError) {
    try AtomicDirectory.write(
      files(analysis: analysis, findings: findings, manifest: manifest, options: options), to: directory,
      inputs: inputs, ownedNames: Set(fileNames))
  }
}

/// Lock-protected slots for values produced by concurrent tasks.
private final class RenderSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  /// The value of slot `index`, which is emptied.
  func take(_ index: Int) -> Value {
    lock.lock()
    defer { lock.unlock() }
    let value = slots[index]!
    slots[index] = nil
    return value
  }
}
