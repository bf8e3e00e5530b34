import TierscanCore
import TierscanIngest

extension ValidationReport {
  /// The text report: an aligned table with one line per file, then the summary and the
  /// findings by severity and rule.
  public var text: String {
    var lines = Self.table(
      [["FILE", "KIND", "RECORDS", "ACCEPTED", "REJECTED", "ERRORS", "WARNINGS"]]
        + files.map { file in
          [MessageText.printable(file.path, limit: 1_000), file.kind.rawValue] + [file.records, file.accepted, file.rejected, file.errors, file.warnings].map(String.init)
        },
      numericFrom: 2)
    lines.append("")
    lines.append("Summary")
    lines += Self.table(summaryRows.map { [$0.0, String($0.1)] }, numericFrom: 1)
    lines.append("")
    lines.append("Findings")
    if ruleCounts.isEmpty {
      lines.append("none")
    } else {
      lines += Self.table(
        [["SEVERITY", "RULE", "COUNT"]] + ruleCounts.map { [$0.severity.rawValue, $0.rule.id, String($0.count)] },
        numericFrom: 2)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The same report as JSON: `files`, `summary`, `findings` (counts by severity and rule).
  public var json: JSONValue {
    .object([
      (
        "files",
        .array(
          files.map { file in
            .object([
              ("path", .string(file.path)), ("kind", .string(file.kind.rawValue)),
              ("records", .number(Double(file.records))), ("accepted", .number(Double(file.accepted))),
              ("rejected", .number(Double(file.rejected))), ("errors", .number(Double(file.errors))),
              ("warnings", .number(Double(file.warnings))),
            ])
          })
      ),
      ("summary", .object(summaryRows.map { ($0.0.replacingOccurrences(of: " ", with: "_"), .number(Double($0.1))) })),
      (
        "findings",
        .array(
          ruleCounts.map {
            .object([("severity", .string($0.severity.rawValue)), ("rule", .string($0.rule.id)), ("count", .number(Double($0.count)))])
          })
      ),
    ])
  }

  private var summaryRows: [(String, Int)] {
    [
      ("files", files.count), ("rows read", rowsRead), ("entities", entityCount), ("relationships", relationshipCount),
      ("errors", count(of: .error)), ("warnings", count(of: .warning)), ("info", count(of: .info)),
    ]
  }

  /// Rows padded to aligned columns, two spaces apart; columns from `numericFrom` right-aligned.
  private static func table(_ rows: [[String]], numericFrom: Int) -> [String] {
    guard let width = rows.first?.count else { return [] }
    let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        if column > 0 { line += "  " }
        line += column >= numericFrom ? padding + cell : (column == width - 1 ? cell : cell + padding)
      }
      return line
    }
  }
}
