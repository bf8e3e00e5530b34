import Foundation

/// Writes one file atomically: a temporary sibling, then a rename over the target.
public enum AtomicFile {
  /// Writes `bytes` to `path`, refusing to overwrite an input or to write inside an input directory.
  ///
  /// - Parameter inputs: the inputs as given on the command line.
  /// - Throws: ``OutputDirectoryError`` (`.outputIsInput`, `.outputInsideInput`, or `.io` when the
  ///   directory is missing or not writable).
  public static func write(_ bytes: [UInt8], to path: String, inputs: [URL]) throws(OutputDirectoryError) {
    let url = URL(fileURLWithPath: path)
    try AtomicDirectory.checkPlacement(of: url, inputs: inputs)
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw .io(path: path, message: error.localizedDescription)
    }
  }
}
