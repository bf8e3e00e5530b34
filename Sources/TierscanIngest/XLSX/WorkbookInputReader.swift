import Foundation
import TierscanCore

/// Reads an `.xlsx` input: an RMI CMRT (model §2.8), or an EMRT recognised and reported.
public enum WorkbookInputReader {
  /// Reads one workbook. Never throws: every problem is a finding in the result.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    withContents(of: file) { read(data: $0, displayPath: file.displayPath, options: options) }
  }

  /// Reads a workbook from bytes in memory shown as `displayPath` (the fuzz harness's entry
  /// point; no file is opened).
  public static func read(data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    do throws(XLSXError) {
      let package = try WorkbookPackage(data: data, limits: options.limits)
      var parsed = IngestedInputs()
      // Classified before parsing: an RMI template has a Declaration sheet; anything else is
      // read as tables (docs/mappings.md#workbooks).
      if package.sheetNames.contains("Declaration") {
        try CMRTParser(file: displayPath).parse(package, into: &parsed)
      } else {
        try WorkbookTableReader(file: displayPath, options: options).read(package, into: &parsed)
      }
      result = parsed
      reportBadReferences(of: package, displayPath: displayPath, into: &result)
    } catch {
      fail(error, displayPath: displayPath, into: &result)
    }
    return result
  }

  /// The file's bytes (copied into memory through ``InputBytes``, so only a regular file is
  /// read and a file changing underneath is a finding) handed to `read`, plus the findings of
  /// reading them.
  private static func withContents(of file: InputFile, _ read: (Data) -> IngestedInputs) -> IngestedInputs {
    do {
      let contents = try InputBytes.contents(of: file)
      var result = read(contents.bytes)
      result.findings.append(contentsOf: contents.findings)
      return result
    } catch {
      var result = IngestedInputs()
      result.findings.add(error.finding)
      result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
      return result
    }
  }

  /// Reads the `Smelter Look-up` sheet of a CMRT 6.x template given with `--smelter-lookup`
  /// into ``IngestedInputs/smelterLookup`` (known CIDs without status).
  public static func readSmelterLookup(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    withContents(of: file) { readSmelterLookup(data: $0, displayPath: file.displayPath, options: options) }
  }

  /// Reads the `Smelter Look-up` sheet of a workbook in memory shown as `displayPath`.
  public static func readSmelterLookup(data: Data, displayPath: String, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    do throws(XLSXError) {
      let package = try WorkbookPackage(data: data, limits: options.limits)
      let name = SmelterLookupReader.sheetName
      guard package.hasSheet(name) else {
        result.findings.add(
          .error, .missingSheet, at: Provenance(file: displayPath), "no '\(name)' sheet in the workbook")
        result.files.append(InputFileSummary(path: displayPath, kind: .unrecognised))
        return result
      }
      let sheets = try package.readSheets([.init(name: name, columns: [1, 2, 3, 4, 5])])
      let (read, rejected) = SmelterLookupReader(file: displayPath).read(
        sheets[name] ?? Worksheet(name: name), into: &result)
      reportBadReferences(of: package, displayPath: displayPath, into: &result)
      result.files.append(
        InputFileSummary(
          path: displayPath, kind: .smelterLookup, recordsRead: read, recordsAccepted: read - rejected,
          recordsRejected: rejected))
    } catch {
      fail(error, displayPath: displayPath, into: &result)
    }
    return result
  }

  /// One warning `bad-cell-reference` per cell or row skipped for its reference: a value the
  /// workbook holds was not read, and would otherwise look blank.
  private static func reportBadReferences(
    of package: WorkbookPackage, displayPath: String, into result: inout IngestedInputs
  ) {
    for (sheet, bad) in package.badReferences {
      result.findings.add(
        .warning, .badCellReference,
        at: Provenance(file: displayPath, line: bad.row > 0 ? bad.row : nil, sheet: sheet, cell: bad.cell), bad.message)
    }
  }

  private static func fail(_ error: XLSXError, displayPath: String, into result: inout IngestedInputs) {
    result.findings.add(.error, error.rule, at: Provenance(file: displayPath), error.description)
    result.files.append(InputFileSummary(path: displayPath, kind: .unrecognised))
  }
}
