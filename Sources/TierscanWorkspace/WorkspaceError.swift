/// A problem that stops a workspace command (a thrown error, not a finding: the inputs'
/// problems stay findings).
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
  /// The file does not exist (only `workspace init` creates one).
  case missing(path: String)
  /// `workspace init` was given a file that already exists.
  case exists(path: String)
  /// The file is not an SQLite database, or SQLite reports it damaged.
  case notAWorkspace(path: String, reason: String)
  /// The workspace was written by a newer tierscan.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The requested period has no import.
  case unknownPeriod(String, known: [String])
  /// An entity id, identifier or workspace id that the workspace never saw.
  case unknownEntity(String)
  /// A bad argument (period label, source name, policy).
  case invalidArgument(String)
  /// An INPUT argument that does not exist (nothing is imported).
  case missingInput(path: String)
  /// An input file that could not be read at import.
  case unreadableInput(path: String)
  /// The risk configuration could not be read or is invalid.
  case config(String)
  /// This platform cannot do what was asked.
  case unsupported(String)
  /// SQLite refused an operation.
  case database(String)

  public var description: String {
    switch self {
    case .missing(let path): return "\(path): no such workspace (create one with `tierscan workspace init \(path)`)"
    case .exists(let path): return "\(path): already exists; refusing to overwrite it"
    case .notAWorkspace(let path, let reason): return "\(path): not a tierscan workspace: \(reason)"
    case .newerSchema(let path, let found, let supported):
      return
        "\(path): written by a newer tierscan (workspace schema version \(found); this tierscan reads up to \(supported)); upgrade tierscan to open it"
    case .unknownPeriod(let period, let known):
      return "no import for period \(period)" + (known.isEmpty ? " (the workspace has none yet)" : "; periods: \(known.joined(separator: ", "))")
    case .unknownEntity(let id): return "\(id): no entity with this id, identifier or workspace id"
    case .invalidArgument(let message): return message
    case .missingInput(let path): return "\(path): no such file or directory; nothing imported"
    case .unreadableInput(let path): return "\(path): cannot read the input file; nothing imported"
    case .config(let message): return message
    case .unsupported(let message): return message
    case .database(let message): return "workspace: \(message)"
    }
  }
}
