/// Why a statement pack could not be built.
public enum StatementError: Error, CustomStringConvertible, Equatable {
  /// `--previous` could not be read.
  case previous(DiffError)
  /// `--questionnaire-version` names a version tierscan cannot fill in.
  case unknownQuestionnaireVersion(String)

  public var description: String {
    switch self {
    case .previous(let error): error.description
    case .unknownQuestionnaireVersion(let version):
      "error: questionnaire: version '\(version)' is not known (known: \(S211Questionnaire.versions.joined(separator: ", ")))"
    }
  }

  /// Whether the problem is the command line's (exit 64) rather than the data's.
  public var isUsageError: Bool {
    switch self {
    case .previous(let error): error.isUsageError
    case .unknownQuestionnaireVersion: true
    }
  }
}
