import CLibXML2
import Foundation

/// A streaming pull reader over one XML part of a workbook, on libxml2's `xmlTextReader`.
///
/// Hardened for untrusted input: no network (`XML_PARSE_NONET`), no entity substitution, no DTD
/// loading or validation, no `XML_PARSE_HUGE`, and a document type declaration is refused with
/// ``XLSXError/doctype(part:)``. Parser messages are silenced; problems surface as errors.
/// Used only inside ``parse(_:part:_:)``, which keeps the bytes alive for the reader's lifetime.
final class XMLPartReader {
  private let reader: xmlTextReaderPtr
  private let part: String

  private static let initialized: Void = { xmlInitParser() }()

  private init(reader: xmlTextReaderPtr, part: String) {
    self.reader = reader
    self.part = part
  }

  /// Runs `body` with a reader over `data`; the reader is freed afterwards.
  static func parse<T>(_ data: Data, part: String, _ body: (XMLPartReader) throws(XLSXError) -> T) throws(XLSXError)
    -> T
  {
    _ = initialized
    guard data.count < Int(Int32.max) else { throw .zipBomb(entry: part, detail: "part too large to parse") }
    if hasDoctype(data) { throw .doctype(part: part) }
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let outcome: Result<T, XLSXError> = data.withUnsafeBytes { raw in
      let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
      guard let base, let reader = xmlReaderForMemory(base, Int32(raw.count), nil, nil, options) else {
        return .failure(.malformedXML(part: part, line: 0))
      }
      defer { xmlFreeTextReader(reader) }
      xmlTextReaderSetErrorHandler(reader, { _, _, _, _ in }, nil)
      let wrapper = XMLPartReader(reader: reader, part: part)
      do throws(XLSXError) {
        return .success(try body(wrapper))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// Whether the prolog of `data` declares a document type. Checked on the bytes before libxml2
  /// sees them: libxml2 would expand a hostile internal subset (billion laughs) before reporting
  /// the declaration, and then fail with a generic parse error instead.
  ///
  /// - Complexity: O(prolog length): scanning stops at the first start tag.
  static func hasDoctype(_ data: Data) -> Bool {
    var scanner = XMLByteScanner(maxDepth: Int.max)
    return data.withUnsafeBytes { raw -> Bool in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      while start < bytes.count {
        let end = min(start + 4096, bytes.count)
        _ = scanner.scan(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        if case .doctype = scanner.stop { return true }
        if scanner.nextTag() != nil { return false }
        start = end
      }
      return false
    }
  }

  /// Advances to the next node; `false` at the end of the document.
  /// - Throws: ``XLSXError/malformedXML(part:line:)`` or ``XLSXError/doctype(part:)``.
  func read() throws(XLSXError) -> Bool {
    let status = xmlTextReaderRead(reader)
    if status < 0 { throw .malformedXML(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader))) }
    if status == 0 { return false }
    if nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { throw .doctype(part: part) }
    return true
  }

  /// Skips the current node's subtree, moving to its next sibling; `false` at the end.
  func skipSubtree() throws(XLSXError) -> Bool {
    let status = xmlTextReaderNext(reader)
    if status < 0 { throw .malformedXML(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader))) }
    if status == 0 { return false }
    if nodeType == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { throw .doctype(part: part) }
    return true
  }

  /// The libxml2 node type of the current node.
  var nodeType: Int32 { xmlTextReaderNodeType(reader) }

  /// Whether the current node is a start tag.
  var isStartElement: Bool { nodeType == Int32(XML_READER_TYPE_ELEMENT.rawValue) }

  /// Whether the current node is an end tag.
  var isEndElement: Bool { nodeType == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) }

  /// Whether the current node is character data (text, CDATA or significant whitespace).
  var isText: Bool {
    let type = nodeType
    return type == Int32(XML_READER_TYPE_TEXT.rawValue) || type == Int32(XML_READER_TYPE_CDATA.rawValue)
      || type == Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
      || type == Int32(XML_READER_TYPE_WHITESPACE.rawValue)
  }

  /// Whether the current element is written `<x/>`.
  var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

  /// The element depth (root = 0).
  var depth: Int { Int(xmlTextReaderDepth(reader)) }

  /// Whether the current node's local name (namespace prefix ignored) is `name`.
  func hasLocalName(_ name: StaticString) -> Bool {
    guard let local = xmlTextReaderConstLocalName(reader) else { return false }
    return name.withUTF8Buffer { buffer in
      var index = 0
      while index < buffer.count {
        if local[index] != buffer[index] { return false }
        index += 1
      }
      return local[index] == 0
    }
  }

  /// The value of the current node (text nodes), or `""`.
  var value: String {
    guard let text = xmlTextReaderConstValue(reader) else { return "" }
    return String(cString: text)
  }

  /// The value of an attribute of the current element, by qualified name (e.g. `r`, `r:id`).
  func attribute(_ name: String) -> String? {
    guard xmlTextReaderMoveToAttribute(reader, name) == 1 else { return nil }
    defer { xmlTextReaderMoveToElement(reader) }
    guard let text = xmlTextReaderConstValue(reader) else { return nil }
    return String(cString: text)
  }

  /// The value of an attribute by local name and namespace URI.
  func attribute(_ localName: String, namespace: String) -> String? {
    guard xmlTextReaderMoveToAttributeNs(reader, localName, namespace) == 1 else { return nil }
    defer { xmlTextReaderMoveToElement(reader) }
    guard let text = xmlTextReaderConstValue(reader) else { return nil }
    return String(cString: text)
  }

  /// Reads the concatenated character data up to the end of the current element (which must be
  /// a start tag). Nested elements are entered; text inside elements named `skipping` is ignored.
  func readElementText(skipping: StaticString? = nil) throws(XLSXError) -> String {
    if isEmptyElement { return "" }
    let startDepth = depth
    var text = ""
    var skipDepth: Int? = nil
    while try read() {
      if isEndElement && depth == startDepth { break }
      if let skipping, skipDepth == nil, isStartElement, hasLocalName(skipping), !isEmptyElement {
        skipDepth = depth
        continue
      }
      if let level = skipDepth {
        if isEndElement && depth == level { skipDepth = nil }
        continue
      }
      if isText { text += value }
    }
    return text
  }
}
