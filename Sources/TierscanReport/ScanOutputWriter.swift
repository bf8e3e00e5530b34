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
  ///     of them nor contain one.
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(
    analysis: RiskAnalysis, findings: [Finding], manifest: ScanManifest, options: Options = Options(),
    to directory: URL, inputs: [URL]
  ) throws(ScanOutputError) {
    let out = canonical(directory)
    for input in inputs {
      let path = canonical(input)
      if path == out { throw .outputIsInput(path: directory.path) }
      if path.hasPrefix(out + "/") { throw .outputContainsInput(output: directory.path, input: input.path) }
    }
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    let exists = fm.fileExists(atPath: directory.path, isDirectory: &isDirectory)
    if exists {
      guard isDirectory.boolValue else { throw .notADirectory(path: directory.path) }
      let names = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).sorted { $0.utf8Precedes($1) }
      let foreign = names.filter { !fileNames.contains($0) }
      if !foreign.isEmpty { throw .foreignFiles(path: directory.path, names: foreign) }
    }
    let parent = directory.deletingLastPathComponent()
    let name = directory.lastPathComponent
    let temporary = parent.appendingPathComponent(".\(name).tierscan-tmp")
    let previous = parent.appendingPathComponent(".\(name).tierscan-old")
    do {
      try? fm.removeItem(at: temporary)
      try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
      for file in files(analysis: analysis, findings: findings, manifest: manifest, options: options) {
        try writeBytes(file.bytes, to: temporary.appendingPathComponent(file.name))
      }
      if exists {
        try? fm.removeItem(at: previous)
        try fm.moveItem(at: directory, to: previous)
        do {
          try fm.moveItem(at: temporary, to: directory)
        } catch {
          try? fm.moveItem(at: previous, to: directory)
          throw error
        }
        try? fm.removeItem(at: previous)
      } else {
        try fm.moveItem(at: temporary, to: directory)
      }
    } catch {
      try? fm.removeItem(at: temporary)
      throw .io(path: directory.path, message: "\(error.localizedDescription)")
    }
  }

  /// Writes `bytes` to `url` straight from the array's storage (no `Data` copy of a large output).
  private static func writeBytes(_ bytes: [UInt8], to url: URL) throws {
    try bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, raw.count > 0 else { return try Data().write(to: url) }
      try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none).write(to: url)
    }
  }

  /// Absolute, standardised path with symlinks resolved (for the input checks only; never written).
  private static func canonical(_ url: URL) -> String {
    var path = url.standardizedFileURL.resolvingSymlinksInPath().path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
