import Foundation
import TierscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a JSON interchange file: `.omts` is OMTS; `.json`, `.jsonl` and `.ndjson` are classified
/// by content (``JSONKindSniffer``) as OMTS, BODS or FtM, and anything else is an error finding
/// `unrecognised-file` that says what was seen.
///
/// An OMTS file is streamed (``JSONStream``: never loaded whole, any size, bounded memory). A BODS
/// or FtM file is loaded once (bounded by ``JSONLimits/maxDocumentBytes``, error
/// `input-too-large`). Both are read element by element, within the depth and string limits of
/// ``IngestLimits/json``. A syntax error or exceeded limit is an error finding `json-syntax` at its
/// line and column; records read before it are kept.
public enum JSONInputReader {
  /// Reads one file.
  public static func read(_ file: InputFile, options: IngestOptions) -> IngestedInputs {
    let path = file.displayPath
    let limits = options.limits.json
    var result = IngestedInputs()
    func unread(_ finding: Finding) -> IngestedInputs {
      result.findings.add(finding)
      result.files.append(InputFileSummary(path: path, kind: .unrecognised))
      return result
    }
    // Opened as every input is (docs/reliability.md): a regular file, not a link swapped in, the
    // file that was listed; its size and first bytes are read from that descriptor.
    let descriptor: Int32
    do {
      descriptor = try InputBytes.descriptor(for: file)
    } catch {
      return unread(error.finding)
    }
    var status = stat()
    let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    let isOMTSExtension = (path as NSString).pathExtension.lowercased() == "omts"
    let startsAsOMTS = !isOMTSExtension && Self.startsAsOMTS(descriptor, limits: limits)
    if isOMTSExtension || startsAsOMTS {
      // Streamed from the descriptor that was checked, never reopened by path.
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      return OMTSReader.read(path: path, handle: handle, limits: limits)
    }
    close(descriptor)
    guard size <= limits.maxDocumentBytes else {
      return unread(
        Finding(
          .error, .inputTooLarge, at: Provenance(file: path),
          "\(size) bytes is more than the JSON limit of \(limits.maxDocumentBytes) bytes; file not read"))
    }
    let data: Data
    do {
      let read = try InputBytes.contents(of: file)
      data = read.bytes
      for finding in read.findings { result.findings.add(finding) }
    } catch {
      return unread(error.finding)
    }
    let bytes = [UInt8](data)
    switch JSONKindSniffer.kind(of: bytes, limits: limits, isOMTSExtension: false) {
    case .omts: return OMTSReader.read(path: path, bytes: bytes, limits: limits)
    case .bods: return BODSReader.read(bytes: bytes, path: path, limits: limits, policy: options.bodsSharePolicy)
    case .ftm: return FtMReader.read(bytes: bytes, path: path, limits: limits)
    case .unrecognised(let seen):
      result.findings.add(
        .error, .unrecognisedFile, at: Provenance(file: path),
        "\(seen); not OMTS (first key omts_version), BODS (statements with statementId and recordType) or FtM (JSON lines with schema and properties); file not read")
      result.files.append(InputFileSummary(path: path, kind: .unrecognised))
      return result
    }
  }

  /// Reads one file's bytes held in memory: the fuzz harness's entry point (`Fuzz/`). The bytes
  /// are OMTS when `displayPath` ends in `.omts` (whatever they hold, as for a file), else
  /// classified by content as ``read(_:options:)`` classifies a file; OMTS bytes go through the
  /// in-memory OMTS reader (a file is streamed), which must give the same result.
  public static func read(bytes: [UInt8], displayPath path: String, options: IngestOptions) -> IngestedInputs {
    let limits = options.limits.json
    if (path as NSString).pathExtension.lowercased() == "omts" {
      return OMTSReader.read(path: path, bytes: bytes, limits: limits)
    }
    switch JSONKindSniffer.kind(of: bytes, limits: limits, isOMTSExtension: false) {
    case .omts: return OMTSReader.read(path: path, bytes: bytes, limits: limits)
    case .bods: return BODSReader.read(bytes: bytes, path: path, limits: limits, policy: options.bodsSharePolicy)
    case .ftm: return FtMReader.read(bytes: bytes, path: path, limits: limits)
    case .unrecognised(let seen):
      var result = IngestedInputs()
      result.findings.add(
        .error, .unrecognisedFile, at: Provenance(file: path),
        "\(seen); not OMTS (first key omts_version), BODS (statements with statementId and recordType) or FtM (JSON lines with schema and properties); file not read")
      result.files.append(InputFileSummary(path: path, kind: .unrecognised))
      return result
    }
  }

  /// Whether the file starts as an OMTS document (an object whose first key is `omts_version`),
  /// judged from its first 64 KiB so that a large OMTS `.json` file is streamed too.
  static func startsAsOMTS(_ descriptor: Int32, limits: JSONLimits) -> Bool {
    var head = [UInt8](repeating: 0, count: 64 << 10)
    var count = 0
    while count < head.count {
      let read = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + count, $0.count - count, off_t(count)) }
      if read < 0 && errno == EINTR { continue }
      guard read > 0 else { break }
      count += read
    }
    var parser = JSONParser(bytes: Array(head[..<count]), limits: limits)
    guard parser.peek() == UInt8(ascii: "{"), (try? parser.beginObject()) != nil else { return false }
    return (try? parser.nextKey()) == "omts_version"
  }

  /// An error finding for a JSON syntax error or exceeded limit.
  static func syntaxFinding(_ error: JSONParser.ParseError, path: String, pointer: String? = nil) -> Finding {
    Finding(
      .error, .jsonSyntax, at: Provenance(file: path, line: error.line, column: error.column, pointer: pointer),
      "\(error.message); the rest of the file is not read")
  }
}
