/// Why an output directory (`scan`, `statement`, `cmrt --out`) could not be written.
public enum OutputDirectoryError: Error, Equatable, CustomStringConvertible {
  /// The output directory is one of the inputs.
  case outputIsInput(path: String)
  /// The output directory contains an input.
  case outputContainsInput(output: String, input: String)
  /// The output directory is inside an input directory (a later scan would read the outputs).
  case outputInsideInput(output: String, input: String)
  /// The output path exists and is not a directory.
  case notADirectory(path: String)
  /// The output directory holds files that are not this command's outputs; tierscan never deletes them.
  case foreignFiles(path: String, names: [String])
  /// `--out ''`: an empty path would mean the working directory.
  case emptyPath
  /// `export --out` names an existing directory.
  case isADirectory(path: String)
  /// A file-system operation failed.
  case io(path: String, message: String)

  public var description: String {
    switch self {
    case .outputIsInput(let path): "\(path): the output directory is an input"
    case .outputContainsInput(let output, let input): "\(output): the output directory contains the input \(input)"
    case .outputInsideInput(let output, let input): "\(output): the output directory is inside the input directory \(input)"
    case .notADirectory(let path): "\(path): exists and is not a directory"
    case .foreignFiles(let path, let names):
      "\(path): holds files that are not tierscan outputs of this command (\(names.joined(separator: ", "))); choose an empty directory"
    case .emptyPath: "--out is empty; give a path (an empty one would mean the working directory)"
    case .isADirectory(let path): "\(path): is a directory; give a file name for the export (for example \(path)/graph.json)"
    case .io(let path, let message): "\(path): \(message)"
    }
  }
}

/// The error of `scan` output writing (kept for callers that name it).
public typealias ScanOutputError = OutputDirectoryError

/// The error of `cmrt --out` writing (kept for callers that name it).
public typealias CMRTOutputError = OutputDirectoryError
