/// Reads an `.xml` input: a tierscan disclosure (SPEC §2.7) or the ILAB goods list (§2.9),
/// chosen by the root element; any other root is an error finding.
public enum XMLInputReader {
  /// Reads one XML file. Never throws: every problem is a finding in the result.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    var result = IngestedInputs()
    result.findings.add(.error, "unsupported-format", at: .init(file: file.displayPath), "XML inputs are not supported yet")
    result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
    return result
  }
}
