/// Why scan outputs could not be written.
public enum ScanOutputError: Error, Equatable, CustomStringConvertible {
  /// The output directory is one of the inputs.
  case outputIsInput(path: String)
  /// The output directory contains an input.
  case outputContainsInput(output: String, input: String)
  /// The output directory is inside an input directory (a later scan would read the outputs).
  case outputInsideInput(output: String, input: String)
  /// The output path exists and is not a directory.
  case notADirectory(path: String)
  /// The output directory holds files that are not scan outputs; tierscan never deletes them.
  case foreignFiles(path: String, names: [String])
  /// A file-system operation failed.
  case io(path: String, message: String)

  public var description: String {
    switch self {
    case .outputIsInput(let path): "\(path): the output directory is an input"
    case .outputContainsInput(let output, let input): "\(output): the output directory contains the input \(input)"
    case .outputInsideInput(let output, let input): "\(output): the output directory is inside the input directory \(input)"
    case .notADirectory(let path): "\(path): exists and is not a directory"
    case .foreignFiles(let path, let names):
      "\(path): holds files that are not scan outputs (\(names.joined(separator: ", "))); choose an empty directory"
    case .io(let path, let message): "\(path): \(message)"
    }
  }
}
