/// Reads an `.xlsx` input: an RMI CMRT (SPEC §2.8), or an EMRT recognised and reported.
public enum WorkbookInputReader {
  /// Reads one workbook. Never throws: every problem is a finding in the result.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    result.findings.add(.error, "unsupported-format", at: .init(file: file.displayPath), "XLSX inputs are not supported yet")
    result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
    return result
  }

  /// Reads the `Smelter Look-up` sheet of a CMRT 6.x template given with `--smelter-lookup`
  /// into ``IngestedInputs/smelterLookup`` (known CIDs without status).
  public static func readSmelterLookup(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    read(file, options: options)
  }
}
