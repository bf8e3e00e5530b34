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
    try AtomicDirectory.write(files, to: directory, inputs: inputs, ownedNames: Set(fileNames))
  }
}
