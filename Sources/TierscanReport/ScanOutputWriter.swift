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
    var outputs: [(name: String, bytes: [UInt8])] = [
      ("coverage.json", Array(CoverageJSON.render(analysis).utf8)),
      ("exposures.csv", ExposuresCSV.bytes(analysis)),
      ("paths.json", PathsJSON.bytes(analysis, minLevel: options.pathsMinLevel)),
      ("quality.json", Array(QualityJSON.render(all).utf8)),
    ]
    if options.withGraph { outputs.append(("graph.json", Array(GraphJSON.render(analysis.graph).utf8))) }
    let complete = !all.contains { $0.severity == .error }
    let text = manifest.render(
      graph: analysis.graph, focus: analysis.graph[analysis.focus].id, complete: complete, outputs: outputs)
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
