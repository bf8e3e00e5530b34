import Foundation
import TierscanIngest

/// Reads `data` as one CSV input with `options` and stops the run (a crash libFuzzer saves) when
/// any file's records do not add up: every record read must be accepted or rejected, never lost.
/// The CSV-based harnesses (csv, tables, mapping) share it.
public func readCSVCheckingRecords(_ data: Data, options: IngestOptions) -> IngestedInputs {
  let result = CSVInputReader.read(data: data, displayPath: "fuzz.csv", options: options)
  for file in result.files {
    precondition(file.recordsRead == file.recordsAccepted + file.recordsRejected, "a record was lost")
  }
  return result
}

/// Ingest options with small field and record limits, so the limit paths are reached too.
public func smallLimitOptions(maxRecordBytes: Int) -> IngestOptions {
  var options = IngestOptions()
  options.limits.maxFieldBytes = 64
  options.limits.maxRecordBytes = maxRecordBytes
  return options
}
