import ArgumentParser

/// `--format text|json` for commands that print a report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
