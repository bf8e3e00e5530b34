import ArgumentParser

/// Checks of an `--out` path shared by the commands that write outputs.
enum OutputPath {
  /// Refuses `--out ''` (a usage error, exit 64): an empty path would resolve to the working
  /// directory, and `scan --out ''` would then write into (and replace) it.
  static func check(_ out: String?) throws {
    if let out, out.isEmpty {
      throw ValidationError("--out is empty; give a path (an empty one would mean the working directory).")
    }
  }
}
