import Foundation
import TierscanCore

/// Reads a CSV file through the first given mapping whose header row matches it
/// (docs/mappings.md), or says that none applies.
enum CSVMappedReader {
  /// The file read through a mapping, or `nil` when no mapping applies to its header.
  static func read(_ data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs? {
    guard !options.mappings.isEmpty else { return nil }
    let reader = CSVReader(limits: options.limits, trimsFields: true)
    var records: [CSVReadResult] = []
    reader.read(data) { records.append($0) }
    for mapping in options.mappings {
      let index = mapping.headerRow - 1
      guard index < records.count, case .record(let header) = records[index] else { continue }
      guard mapping.applies(to: header.fields.map(ColumnMapping.normalizedColumn)) else { continue }
      var findings = FindingLog()
      if index > 0 {
        findings.add(
          .info, .rowsAboveHeader, at: Provenance(file: displayPath, line: header.line),
          "the header is on record \(mapping.headerRow) (mapping '\(mapping.name)'); the \(index) record(s) above it are not data")
      }
      var rows: [MappedTableReader.SourceRow] = []
      var rejected = 0
      for item in records[(index + 1)...] {
        switch item {
        case .failure(let error):
          findings.add(.error, error.rule, at: Provenance(file: displayPath, line: error.line), error.description)
          rejected += 1
        case .record(let record):
          let at = Provenance(file: displayPath, line: record.line)
          guard record.fields.count == header.fields.count else {
            findings.add(
              .error, .raggedRow, at: at,
              "row has \(record.fields.count) fields but the header has \(header.fields.count); row rejected")
            rejected += 1
            continue
          }
          var fields = record.fields
          if record.hasControlCharacters {
            for column in fields.indices where fields[column].unicodeScalars.contains(where: isControl) {
              fields[column] = String(String.UnicodeScalarView(fields[column].unicodeScalars.filter { !isControl($0) }))
              findings.add(.warning, .controlCharacters, at: at, "\(header.fields[column]): control characters removed")
            }
          }
          rows.append(MappedTableReader.SourceRow(at: at, fields: fields))
        }
      }
      let mapped = MappedTableReader(mapping: mapping, displayPath: displayPath)
        .read(header: header.fields, rows: rows, headerAt: Provenance(file: displayPath, line: header.line))
      var result = IngestedInputs()
      result.findings = findings
      result.append(mapped)
      if var summary = result.files.popLast() {
        summary.recordsRead += rejected
        summary.recordsRejected += rejected
        result.files.append(summary)
      }
      return result
    }
    return nil
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
  }
}
