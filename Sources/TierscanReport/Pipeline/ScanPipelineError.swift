import TierscanRisk

/// Why a scan-like command could not run at all (problems in the data are findings instead).
public enum ScanPipelineError: Error, CustomStringConvertible {
  /// The config file could not be read.
  case unreadableConfig(path: String, message: String)
  /// The config file is invalid.
  case invalidConfig(path: String, error: RiskConfigError)
  /// `--focus` names no entity.
  case unknownFocus(id: String, suggestions: [String])
  /// Another option that names an entity (`paths --entity`, `export --subgraph`) names no entity;
  /// `option` is the option's name without dashes.
  case unknownEntity(option: String, id: String, suggestions: [String])
  /// `--focus` is required but the graph is empty.
  case emptyGraph
  /// A what-if (`--without`, `--replace`) names no entity or would remove the focus.
  case whatIf(String)

  public var description: String {
    switch self {
    case .unreadableConfig(let path, let message): "\(path): error: config: \(message)"
    case .invalidConfig(let path, let error):
      if let (line, column) = error.position { "\(path):\(line):\(column): error: config: \(error.message)" } else {
        "\(path): error: config: \(error.message)"
      }
    case .unknownFocus(let id, let suggestions):
      "error: focus: no entity has the id '\(id)'"
        + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)")
    case .unknownEntity(let option, let id, let suggestions):
      "error: \(option): no entity has the id '\(id)' (given to --\(option))"
        + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?)")
    case .emptyGraph: "error: focus: the inputs hold no entities"
    case .whatIf(let message): "error: what-if: \(message)"
    }
  }
}
