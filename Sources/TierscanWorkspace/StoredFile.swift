import Foundation
import TierscanCore
import TierscanIngest

/// One input file of a period as the workspace stores it: the path as given at import, its
/// bytes and what they are.
struct StoredFile: Sendable {
  /// Why the run read it.
  enum Role: String, Sendable {
    /// An INPUT argument's file.
    case input
    /// A `--smelter-lookup` workbook.
    case smelterLookup = "smelter-lookup"
  }

  /// The source (a `--source` name, or the INPUT argument as given) whose contribution it is.
  var source: String
  var role: Role
  /// The path as given (provenance and findings name it).
  var path: String
  /// The input kind the readers recognised (``InputKind`` raw value).
  var kind: String
  var sha256: String
  var bytes: Data
  /// The import that brought these bytes (an older one when the file was carried over).
  var broughtBy: Int64
}

/// A finding from expanding a source's INPUT argument (skipped, duplicate and missing files),
/// stored so a later read reports it as the file scan did.
struct StoredExpansionFinding: Sendable {
  var source: String
  var finding: Finding
}

/// A period's complete input as of one import: every source's files in input order and the
/// expansion findings, read by the same readers as files on disk.
struct PeriodInputs: Sendable {
  var files: [StoredFile]
  var expansionFindings: [StoredExpansionFinding]

  /// Ingests the stored bytes, each shown under its path as given: the result equals
  /// ``Ingestor/read(arguments:)`` on the original files (with the smelter look-ups appended).
  func ingest(options: IngestOptions) throws(WorkspaceError) -> IngestedInputs {
    var inputs: [InputFile] = []
    var lookups: [InputFile] = []
    var keepAlive: [MemoryFile] = []
    for file in files {
      let memory = try MemoryFile(bytes: file.bytes, name: file.path)
      keepAlive.append(memory)
      let input = InputFile(displayPath: file.path, url: memory.url)
      switch file.role {
      case .input: inputs.append(input)
      case .smelterLookup: lookups.append(input)
      }
    }
    var result = Ingestor(options: options).read(files: inputs, expansionFindings: expansionFindings.map(\.finding))
    for lookup in lookups {
      result.append(WorkbookInputReader.readSmelterLookup(lookup, options: options))
    }
    withExtendedLifetime(keepAlive) {}
    return result
  }

  /// The stored digests of `inputs.files`, in their order.
  func digests(of ingested: IngestedInputs) -> [String] {
    var byPath: [String: String] = [:]
    for file in files where byPath[file.path] == nil { byPath[file.path] = file.sha256 }
    return ingested.files.map { byPath[$0.path] ?? "unreadable" }
  }
}
