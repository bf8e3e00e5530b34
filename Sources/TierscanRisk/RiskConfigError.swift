/// Why a risk configuration file was rejected. Key paths are dotted (`edges.owns.factor`,
/// `categories[2]`).
public enum RiskConfigError: Error, Equatable, CustomStringConvertible {
  /// The file is not valid JSON (NaN and Infinity are not JSON); 1-based position.
  case syntax(line: Int, column: Int, message: String)
  /// A key the model does not know.
  case unknownKey(path: String)
  /// A value of the wrong JSON type.
  case wrongType(path: String, expected: String)
  /// A number outside its documented range.
  case outOfRange(path: String, value: Double, range: String)
  /// An otherwise invalid value (empty category, duplicate category, level order).
  case invalid(path: String, message: String)

  /// The 1-based line and column, when known (syntax errors only).
  public var position: (line: Int, column: Int)? {
    if case .syntax(let line, let column, _) = self { return (line, column) }
    return nil
  }

  /// A one-line message without the file name, e.g. `edges.owns.factor: 1.5 is outside [0, 1]`.
  public var message: String {
    switch self {
    case .syntax(_, _, let message): "invalid JSON: \(message)"
    case .unknownKey(let path): "\(path): unknown key"
    case .wrongType(let path, let expected): "\(path): expected \(expected)"
    case .outOfRange(let path, let value, let range): "\(path): \(value) is outside \(range)"
    case .invalid(let path, let message): "\(path): \(message)"
    }
  }

  public var description: String {
    if let (line, column) = position { return "\(line):\(column): \(message)" }
    return message
  }
}
