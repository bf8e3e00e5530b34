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
    // Each file is rendered and hashed by its own task (the renderers are pure), largest first
    // so two cores share the work; the results are kept in this fixed order.
    var renderers: [(name: String, render: @Sendable () -> [UInt8])] = [
      ("exposures.csv", { ExposuresCSV.bytes(analysis) }),
      ("paths.json", { PathsJSON.bytes(analysis, minLevel: options.pathsMinLevel) }),
      ("coverage.json", { JSONWriter.bytes(CoverageJSON.object(analysis)) }),
      ("quality.json", { JSONWriter.bytes(.array(all.map(QualityJSON.object))) }),
    ]
    if options.withGraph { renderers.append(("graph.json", { JSONWriter.bytes(GraphJSON.object(analysis.graph)) })) }
    let slots = RenderSlots(count: renderers.count)
    let tasks = renderers
    DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
      let bytes = tasks[i].render()
      slots.set(i, bytes: bytes, digest: SHA256.hexDigest(of: bytes))
    }
    var outputs: [(name: String, bytes: [UInt8])] = []
    var digests: [String: String] = [:]
    for (i, renderer) in renderers.enumerated() {
      let (bytes, digest) = slots.take(i)
      outputs.append((renderer.name, bytes))
      digests[renderer.name] = digest
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

/// Lock-protected slots for the concurrently rendered output files.
private final class RenderSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [(bytes: [UInt8], digest: String)?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, bytes: [UInt8], digest: String) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = (bytes, digest)
  }

  /// The rendered bytes and digest of slot `index`, which is emptied.
  func take(_ index: Int) -> (bytes: [UInt8], digest: String) {
    lock.lock()
    defer { lock.unlock() }
    let value = slots[index]!
    slots[index] = nil
    return value
  }
}
