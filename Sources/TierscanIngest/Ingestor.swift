import Foundation
import TierscanCore

/// Reads every input named on the command line into one ``IngestedInputs``, in input order.
///
/// Files are expanded by ``InputSet`` and read by kind of extension (case-insensitive): `.csv`
/// by ``CSVInputReader``, `.xml` by ``XMLInputReader``, `.xlsx` by ``WorkbookInputReader``,
/// `.omts`, `.json`, `.jsonl` and `.ndjson` by ``JSONInputReader`` (OMTS, BODS or FtM by content);
/// anything else is an error finding `unrecognised-file`. Files are read concurrently and their
/// contributions appended in input order, so the result does not depend on scheduling.
/// Smelter references are de-duplicated by CID across all inputs: the first wins, later rows are
/// dropped with a warning `duplicate-smelter-reference`.
public struct Ingestor: Sendable {
  /// How inputs are read.
  public let options: IngestOptions

  /// Creates an ingestor.
  public init(options: IngestOptions = IngestOptions()) {
    self.options = options
  }

  /// Expands `arguments` and reads every file.
  public func read(arguments: [String]) -> IngestedInputs {
    let inputs = InputSet(arguments: arguments)
    return read(files: inputs.files, expansionFindings: inputs.findings.findings)
  }

  /// Reads files already expanded (an ``InputSet``'s, or a workspace's stored copies shown under
  /// their original paths), after the expansion's findings: the same result as
  /// ``read(arguments:)`` gives for the arguments that expanded to them.
  public func read(files: [InputFile], expansionFindings: [Finding]) -> IngestedInputs {
    var result = IngestedInputs()
    result.findings.append(contentsOf: expansionFindings)
    for contribution in read(files: files) { result.append(contribution) }
    result.smelterReferences = Self.firstPerCID(result.smelterReferences, findings: &result.findings)
    return result
  }

  /// Reads one file by its extension.
  public func read(file: InputFile) -> IngestedInputs {
    switch (file.displayPath as NSString).pathExtension.lowercased() {
    case "csv": return CSVInputReader.read(file, options: options)
    case "xml": return XMLInputReader.read(file, options: options)
    case "xlsx": return WorkbookInputReader.read(file, options: options)
    case "omts", "json", "jsonl", "ndjson": return JSONInputReader.read(file, options: options)
    case "xls":
      var result = IngestedInputs()
      result.findings.add(
        .error, .legacyWorkbook, at: Provenance(file: file.displayPath),
        "a legacy Excel .xls (BIFF) workbook is not read: save it as .xlsx or CSV (UTF-8) and read that")
      result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
      return result
    default:
      var result = IngestedInputs()
      result.findings.add(
        .error, .unrecognisedFile, at: Provenance(file: file.displayPath),
        "not a .csv, .xml, .xlsx, .omts, .json or .jsonl file; file not read")
      result.files.append(InputFileSummary(path: file.displayPath, kind: .unrecognised))
      return result
    }
  }

  /// Reads files concurrently; the results are in the order of `files`.
  private func read(files: [InputFile]) -> [IngestedInputs] {
    let slots = ConcurrentSlots<IngestedInputs>(count: files.count)
    ParallelWork.run(count: files.count) { i in
      slots.set(i, read(file: files[i]))
    }
    return slots.takeAll()
  }

  /// The first reference per CID, in input order; later ones become warnings.
  private static func firstPerCID(_ references: [SmelterReference], findings: inout FindingLog) -> [SmelterReference] {
    var first: [String: SmelterReference] = [:]
    var kept: [SmelterReference] = []
    for reference in references {
      if let earlier = first[reference.cid] {
        findings.add(
          .warning, .duplicateSmelterReference, at: reference.provenance,
          "\(reference.cid) already given at \(earlier.provenance.description); this row is ignored")
      } else {
        first[reference.cid] = reference
        kept.append(reference)
      }
    }
    return kept
  }
}
