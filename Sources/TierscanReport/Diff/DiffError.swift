/// Why `diff` could not read one of its two directories.
public enum DiffError: Error, Equatable, CustomStringConvertible {
  /// The path does not exist or is not a directory (a usage error: exit 64).
  case notADirectory(path: String)
  /// A required file (`exposures.csv`, `coverage.json`) is missing: not a scan or statement output directory
  /// (a usage error: exit 64).
  case missingFile(directory: String, name: String)
  /// A file is present but cannot be read or parsed (an input error: exit 2).
  case malformed(file: String, line: Int?, message: String)
  /// A file given to `--judgements` is not a judgements file (a usage error: exit 64).
  case notJudgements(path: String, kind: String)

  /// Whether the CLI should treat this as a usage error (64) rather than an input error (2).
  public var isUsageError: Bool {
    switch self {
    case .notADirectory, .missingFile, .notJudgements: true
    case .malformed: false
    }
  }

  public var description: String {
    switch self {
    case .notADirectory(let path): "\(path): error: diff: not a directory (give a scan or statement output directory)"
    case .missingFile(let directory, let name):
      "\(directory): error: diff: no \(name) here; not a scan or statement output directory"
    case .notJudgements(let path, let kind):
      "\(path): error: diff: --judgements takes judgements files (left,right,decision…); this one reads as \(kind)"
    case .malformed(let file, let line, let message):
      "\(file)\(line.map { ":\($0)" } ?? ""): error: diff: \(message)"
    }
  }
}
