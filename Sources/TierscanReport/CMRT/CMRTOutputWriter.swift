import Foundation
import TierscanCore

/// Writes the `tierscan cmrt --out DIR` files atomically: into a temporary sibling directory,
/// which is then renamed into place; on failure the previous contents are kept.
public enum CMRTOutputWriter {
  /// Every file the roll-up writes.
  public static let fileNames = ["rollup.md", "smelters.csv", "summary.json", "suppliers.csv"]

  /// The output files and their bytes, in name order: pure and byte-deterministic.
  public static func files(_ rollup: CMRTRollup) -> [(name: String, bytes: [UInt8])] {
    [
      ("rollup.md", Array(CMRTRollupMarkdown.render(rollup).utf8)),
      ("smelters.csv", Array(CMRTRollupFiles.smeltersCSV(rollup).utf8)),
      ("summary.json", Array(CMRTRollupFiles.summaryJSON(rollup).utf8)),
      ("suppliers.csv", Array(CMRTRollupFiles.suppliersCSV(rollup).utf8)),
    ]
  }

  /// Writes the roll-up into `directory`, replacing earlier roll-up outputs there.
  ///
  /// - Parameter inputs: the inputs and look-ups as given: the output directory may not be one
  ///   of them, contain one, or lie inside an input directory.
  /// - Throws: ``CMRTOutputError``.
  public static func write(_ rollup: CMRTRollup, to directory: URL, inputs: [URL]) throws(CMRTOutputError) {
    try write(files(rollup), to: directory, inputs: inputs)
  }

  /// Writes `files` into `directory` (see ``write(_:to:inputs:)``).
  static func write(_ files: [(name: String, bytes: [UInt8])], to directory: URL, inputs: [URL]) throws(CMRTOutputError) {
    let fm = FileManager.default
    let out = canonical(directory)
    for input in inputs {
      let path = canonical(input)
      if path == out { throw .outputIsInput(path: directory.path) }
      if path.hasPrefix(out + "/") { throw .outputContainsInput(output: directory.path, input: input.path) }
      var inputIsDirectory: ObjCBool = false
      if fm.fileExists(atPath: path, isDirectory: &inputIsDirectory), inputIsDirectory.boolValue,
        out.hasPrefix(path == "/" ? "/" : path + "/")
      {
        throw .outputInsideInput(output: directory.path, input: input.path)
      }
    }
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
      for file in files { try Data(file.bytes).write(to: temporary.appendingPathComponent(file.name)) }
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
  private static func canonical(_ url: URL) -> String {
    var path = url.standardizedFileURL.resolvingSymlinksInPath().path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
