import Foundation
import TierscanCore

/// Reads a CSV file through the first given mapping whose header row matches it
/// (docs/mappings.md), or says that none applies.
///
/// Records stream from the file's bytes through ``MappedTableReader/Session`` one at a time:
/// only the records above the deepest header row any mapping names are held to choose the
/// mapping, so memory beyond the file's bytes is the records read, not every row twice. A
/// mapping with a `parent` field reads the file twice (the first pass keeps only ids and names).
enum CSVMappedReader {
  /// The file read through a mapping, or `nil` when no mapping applies to its header.
  static func read(_ data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs? {
    guard let deepest = options.mappings.map(\.headerRow).max() else { return nil }
    let reader = CSVReader(limits: options.limits, trimsFields: true)
    return data.withUnsafeBytes { raw -> IngestedInputs? in
      guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
      let bytes = UnsafeBufferPointer(start: base, count: raw.count)
      // The records a header can be on.
      var head: [CSVReadResult] = []
      var cursor = CSVCursor(bytes: bytes, reader: reader)
      while head.count < deepest, let item = cursor.next() { head.append(item) }
      for mapping in options.mappings {
        let index = mapping.headerRow - 1
        guard index < head.count, case .record(let header) = head[index] else { continue }
        guard mapping.applies(to: header.fields.map(ColumnMapping.normalizedColumn)) else { continue }
        return read(bytes, reader: reader, mapping: mapping, header: header, index: index, displayPath: displayPath)
      }
      return nil
    }
  }

  /// Reads the records after the header (record `index`, 0-based) through `mapping`.
  private static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, reader: CSVReader, mapping: ColumnMapping, header: CSVRecord, index: Int,
    displayPath: String
  ) -> IngestedInputs {
    let headerAt = Provenance(file: displayPath, line: header.line)
    /// Calls `body` with every record after the header, read afresh from the start.
    func forEachRecord(_ body: (CSVReadResult) -> Void) {
      var cursor = CSVCursor(bytes: bytes, reader: reader)
      for _ in 0...index { _ = cursor.next() }
      while let item = cursor.next() { body(item) }
    }
    var rowsAbove = FindingLog()
    if index > 0 {
      rowsAbove.add(
        .info, .rowsAboveHeader, at: headerAt,
        "the header is on record \(mapping.headerRow) (mapping '\(mapping.name)'); the \(index) record(s) above it are not data")
    }
    var session = MappedTableReader(mapping: mapping, displayPath: displayPath).start(
      header: header.fields, headerAt: headerAt)
    rowsAbove.append(contentsOf: session.result.findings)
    session.result.findings = rowsAbove
    let columns = header.fields.count
    if session.needsParents {
      forEachRecord { item in
        if case .record(let record) = item, record.fields.count == columns {
          session.noteParent(MappedTableReader.SourceRow(at: Provenance(file: displayPath, line: record.line), fields: record.fields))
        }
      }
    }
    forEachRecord { item in
      switch item {
      case .failure(let error):
        session.add(Finding(.error, error.rule, at: Provenance(file: displayPath, line: error.line), error.description))
        session.reject()
      case .record(let record):
        let at = Provenance(file: displayPath, line: record.line)
        guard record.fields.count == columns else {
          session.add(
            Finding(
              .error, .raggedRow, at: at, "row has \(record.fields.count) fields but the header has \(columns); row rejected"))
          session.reject()
          return
        }
        var fields = record.fields
        if record.hasControlCharacters {
          for column in fields.indices where fields[column].unicodeScalars.contains(where: isControl) {
            fields[column] = String(String.UnicodeScalarView(fields[column].unicodeScalars.filter { !isControl($0) }))
            session.add(Finding(.warning, .controlCharacters, at: at, "\(header.fields[column]): control characters removed"))
          }
        }
        session.read(MappedTableReader.SourceRow(at: at, fields: fields))
      }
    }
    return session.finish()
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
  }
}
