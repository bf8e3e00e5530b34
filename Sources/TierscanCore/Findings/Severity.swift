/// How serious a finding is (model §5).
///
/// - `error`: a record or file that could not be used.
/// - `warning`: a record kept with a value dropped or repaired, or a problem spanning records.
/// - `info`: something skipped on purpose (lock files, dotfiles).
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
