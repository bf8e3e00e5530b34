import CLibXML2
import Foundation
import TierscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The state libxml2's C callbacks reach through their `void *` argument: the file being fed to
/// the parser, the byte scanner that sees every byte first, and the problems reported so far.
///
/// One context belongs to one ``XMLStreamReader``; it is never shared between threads.
final class XMLReaderContext {
  /// An error libxml2 reported, with the node it concerns (schema errors) so the reader can
  /// place it at the node's exact line.
  struct RawError {
    var problem: XMLProblem
    var node: UnsafeMutableRawPointer?
    var isSchemaError: Bool
  }

  /// Where the document's bytes come from.
  enum Source {
    /// A descriptor this context owns and closes (`-1` when the file could not be opened).
    case descriptor(Int32)
    /// Bytes in memory (the fuzz harness and in-memory callers).
    case bytes(Data)
  }

  private let source: Source
  /// How many bytes of an in-memory source were handed out.
  private var offset = 0
  var scanner: XMLByteScanner
  var errors: [RawError] = []
  /// Whether libxml2 reported a fatal (well-formedness) error.
  private(set) var sawFatalError = false
  private var sawFirstBytes = false
  /// Set when the input is not in an encoding the scanner can follow (UTF-16/32).
  var encodingProblem: XMLProblem?

  init(source: Source, maxDepth: Int, maxAttributes: Int = IngestLimits().maxXMLAttributes) {
    self.source = source
    self.scanner = XMLByteScanner(maxDepth: maxDepth, maxAttributes: maxAttributes)
  }

  deinit {
    if case .descriptor(let descriptor) = source, descriptor >= 0 { close(descriptor) }
  }

  /// Fills `buffer` with up to `length` bytes the scanner allows; 0 at the end, -1 on error.
  func fill(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
    if scanner.stop != nil || encodingProblem != nil { return 0 }
    var count: Int
    switch source {
    case .descriptor(let descriptor):
      repeat {
        count = read(descriptor, buffer, length)
      } while count < 0 && errno == EINTR
    case .bytes(let data):
      count = min(length, data.count - offset)
      if count > 0 {
        let start = data.startIndex + offset
        data.copyBytes(to: UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self), from: start..<start + count)
        offset += count
      }
    }
    if count <= 0 { return count < 0 ? -1 : 0 }
    let bytes = UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
    if !sawFirstBytes {
      sawFirstBytes = true
      if Self.isWideEncoding(UnsafeBufferPointer(start: bytes, count: count)) {
        encodingProblem = XMLProblem(
          severity: .error, rule: .xmlEncoding, line: 1, column: 1,
          message: "the document is UTF-16 or UTF-32; tierscan reads UTF-8 XML only")
        return 0
      }
    }
    return Int32(scanner.scan(UnsafeBufferPointer(start: bytes, count: count)))
  }

  /// Records one libxml2 error unless the scanner already stopped the input (then the error is a
  /// consequence of the cut, not of the document).
  func record(_ error: xmlError) {
    if scanner.stop != nil || encodingProblem != nil { return }
    let severity: Severity
    switch error.level {
    case XML_ERR_WARNING: severity = .warning
    case XML_ERR_NONE: return
    default: severity = .error
    }
    let isSchemaError = error.domain == Int32(XML_FROM_SCHEMASV.rawValue)
    if error.level == XML_ERR_FATAL && !isSchemaError { sawFatalError = true }
    let rule: FindingRule = isSchemaError ? .schemaViolation : (severity == .error ? .xmlMalformed : .xmlWarning)
    var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    message = message.split(separator: "\n").joined(separator: "; ")
    let line = error.line > 0 ? Int(error.line) : nil
    let column = !isSchemaError && error.int2 > 0 ? Int(error.int2) : nil
    errors.append(
      RawError(
        problem: XMLProblem(severity: severity, rule: rule, line: line, column: column, message: message),
        node: error.node, isSchemaError: isSchemaError))
  }

  private static func isWideEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2 else { return false }
    let first = bytes[0]
    let second = bytes[1]
    return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || first == 0 || second == 0
  }
}
