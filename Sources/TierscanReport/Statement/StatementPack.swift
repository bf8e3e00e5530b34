import Foundation
import TierscanCore
import TierscanIngest
import TierscanRisk

/// The statement pack (SPEC §4): `statement.json`, `statement.md`, `statement.html`, plus the scan
/// outputs with `graph.json`, so a later `--previous` or `diff` can compare against it.
public enum StatementPack {
  /// Every file the pack writes.
  public static let fileNames = (ScanOutputWriter.fileNames + ["statement.html", "statement.json", "statement.md"])
    .sorted { $0.utf8Precedes($1) }

  /// The pack's files and the document, in memory (pure and byte-deterministic).
  ///
  /// - Parameters:
  ///   - previous: the previous year's output directory (scan or statement), read with ``ScanSnapshot``.
  /// - Throws: ``DiffError`` when `previous` cannot be read.
  public static func build(
    prepared: ScanPipeline.Prepared, analysis: RiskAnalysis, manifest: ScanManifest, year: Int,
    regime: StatementRegime, previous: String? = nil
  ) throws(DiffError) -> (document: StatementDocument, files: [(name: String, bytes: [UInt8])]) {
    let findings = prepared.findings + analysis.findings.findings
    let scanFiles = ScanOutputWriter.files(
      analysis: analysis, findings: prepared.findings, manifest: manifest, options: .init(withGraph: true))
    let figures = StatementFigures(inputs: prepared.inputs, analysis: analysis, findings: findings)
    var change: ScanDiff?
    if let previous {
      let old = try ScanSnapshot(directory: previous)
      var current = try ScanSnapshot(files: scanFiles, directory: "statement output")
      current.smelters = figures.cmrt.smelters.map { ScanSnapshot.SmelterRow(id: $0.id, name: $0.name, status: $0.status) }
      change = ScanDiff(old: old, new: current)
    }
    let document = StatementDocument(
      year: year, regime: regime, figures: figures, change: change, previousLabel: previous, manifest: manifest,
      isComplete: !findings.contains { $0.severity == .error }, entityCount: analysis.graph.entityCount,
      relationshipCount: analysis.graph.relationshipCount)
    var files = scanFiles
    files.append(("statement.json", Array(StatementJSON.render(document).utf8)))
    files.append(("statement.md", Array(StatementMarkdown.render(document).utf8)))
    files.append(("statement.html", Array(StatementHTML.render(document, analysis: analysis).utf8)))
    return (document, files.sorted { $0.name.utf8Precedes($1.name) })
  }

  /// Writes `files` into `directory` atomically (temporary sibling, then rename), replacing an
  /// earlier pack there.
  ///
  /// - Parameters:
  ///   - inputs: the inputs as given: the directory may not be one of them, contain one, or lie inside one.
  /// - Throws: ``ScanOutputError``; on failure the previous contents of `directory` are kept.
  public static func write(_ files: [(name: String, bytes: [UInt8])], to directory: URL, inputs: [URL]) throws(ScanOutputError) {
    let out = canonical(directory)
    for input in inputs {
      let path = canonical(input)
      if path == out { throw .outputIsInput(path: directory.path) }
      if path.hasPrefix(out + "/") { throw .outputContainsInput(output: directory.path, input: input.path) }
      if out.hasPrefix(path + "/") { throw .io(path: directory.path, message: "the output directory is inside the input \(input.path)") }
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
    let temporary = parent.appendingPathComponent(".\(directory.lastPathComponent).tierscan-tmp")
    let old = parent.appendingPathComponent(".\(directory.lastPathComponent).tierscan-old")
    do {
      try? fm.removeItem(at: temporary)
      try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
      for file in files { try Data(file.bytes).write(to: temporary.appendingPathComponent(file.name)) }
      if exists {
        try? fm.removeItem(at: old)
        try fm.moveItem(at: directory, to: old)
        do {
          try fm.moveItem(at: temporary, to: directory)
        } catch {
          try? fm.moveItem(at: old, to: directory)
          throw error
        }
        try? fm.removeItem(at: old)
      } else {
        try fm.moveItem(at: temporary, to: directory)
      }
    } catch {
      try? fm.removeItem(at: temporary)
      throw .io(path: directory.path, message: "\(error.localizedDescription)")
    }
  }

  private static func canonical(_ url: URL) -> String {
    var path = url.standardizedFileURL.resolvingSymlinksInPath().path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
