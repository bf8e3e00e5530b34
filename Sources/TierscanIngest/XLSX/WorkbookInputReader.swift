import Foundation
import TierscanCore

/// Reads an `.xlsx` input: an RMI CMRT (model §2.8), or an EMRT recognised and reported.
public enum WorkbookInputReader {
  /// Reads one workbook. Never throws: every problem is a finding in the result.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    do throws(XLSXError) {
      let package = try WorkbookPackage(url: file.url, limits: options.limits)
      var parsed = IngestedInputs()
      // Classified before parsing: an RMI template has a Declaration sheet; anything else is
      // read as tables (docs/mappings.md#workbooks).
      if package.sheetNames.contains("Declaration") {
        try CMRTParser(file: file.displayPath).parse(package, into: &parsed)
      } else {
        try WorkbookTableReader(file: file.displayPath, options: options).read(package, into: &parsed)
      }
      result = parsed
    } catch {
      fail(error, file: file, into: &result)
    }
    return result
  }

  /// Reads the `Smelter Look-up` sheet of a CMRT 6.x template given with `--smelter-lookup`
  /// into ``IngestedInputs/smelterLookup`` (known CIDs without status).
  public static func readSmelterLookup(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    do throws(XLSXError) {
      let package = try WorkbookPackage(url: file.url, limits: options.limits)
      let name = SmelterLookupReader.sheetName
      guard package.hasSheet(name) else {
        result.findings.add(
          .error, "missing-sheet", at: Provenance(file: file.displayPath), "no '\(name)' sheet in the workbook")
        result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
        return result
      }
      let sheets = try package.readSheets([.init(name: name, columns: [1, 2, 3, 4, 5])])
      let (read, rejected) = SmelterLookupReader(file: file.displayPath).read(
        sheets[name] ?? Worksheet(name: name), into: &result)
      result.files.append(
        InputFileSummary(
          path: file.displayPath, kind: .smelterLookup, recordsRead: read, recordsAccepted: read - rejected,
          recordsRejected: rejected))
    } catch {
      fail(error, file: file, into: &result)
    }
    return result
  }

  private static func fail(_ error: XLSXError, file: InputFile, into result: inout IngestedInputs) {
    result.findings.add(.error, error.rule, at: Provenance(file: file.displayPath), error.description)
    result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
  }
}
