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
    let out = canonical(directory)
    for input in inputs {
      let path = canonical(input)
      if path == out { throw .outputIsInput(path: directory.path) }
      if path.hasPrefix(out + "/") { throw .outputContainsInput(output: directory.path, input: input.path) }
      if out.hasPrefix(path == "/" ? "/" : path + "/") {
        throw .outputInsideInput(output: directory.path, input: input.path)
      }
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
      // manifest.json last: a temporary directory left by a killed run never holds a manifest
      // without every file it lists.
      let outputs = files(analysis: analysis, findings: findings, manifest: manifest, options: options)
      for file in outputs.filter({ $0.name != "manifest.json" }) + outputs.filter({ $0.name == "manifest.json" }) {
        try Data(file.bytes).write(to: temporary.appendingPathComponent(file.name))
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

  /// Absolute, standardised path with symlinks resolved (for the input checks only; never written).
  /// Symlinks are resolved in the deepest existing ancestor, so a directory not created yet
  /// compares correctly with inputs reached through a symlinked parent.
  private static func canonical(_ url: URL) -> String {
    var existing = url.standardizedFileURL
    var missing: [String] = []
    while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
      missing.insert(existing.lastPathComponent, at: 0)
      existing = existing.deletingLastPathComponent()
    }
    var path = existing.resolvingSymlinksInPath().path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    for component in missing { path += (path == "/" ? "" : "/") + component }
    return path
  }
}
