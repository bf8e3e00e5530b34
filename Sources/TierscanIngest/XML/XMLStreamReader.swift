import CLibXML2
import Foundation
import TierscanCore

/// A small, safe, streaming pull reader over libxml2's `xmlTextReader` (no DOM).
///
/// Security: the parser runs with `XML_PARSE_NONET` and without `XML_PARSE_NOENT`,
/// `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDVALID`, `XML_PARSE_XINCLUDE` and `XML_PARSE_HUGE`. Bytes
/// reach libxml2 only through ``XMLByteScanner``, which cuts the input at `<!DOCTYPE` (and at
/// the first tag deeper than the limit) before libxml2 sees it; a document-type node that still
/// reaches the reader is refused the same way. The file is read through a descriptor this
/// reader opens, so libxml2 never opens a path or URL itself.
///
/// Every problem is an ``XMLEvent/problem(_:)`` event; after a fatal one, ``next()`` returns
/// `nil` and ``endedEarly`` is `true`.
final class XMLStreamReader {
  private let context: XMLReaderContext
  private var reader: xmlTextReaderPtr?
  private var validation: xmlSchemaValidCtxtPtr?
  private let maxDepth: Int
  private var queue: [XMLEvent] = []
  private var queueHead = 0
  private var finished = false
  /// Open elements: their node (to place schema errors) and line.
  private var openElements: [(node: UnsafeMutableRawPointer?, line: Int)] = []
  private var trustsScanner = true
  /// Whether reading stopped at a fatal problem before the end of the document.
  private(set) var endedEarly = false

  /// Opens `file` for reading (through ``InputBytes/descriptor(for:)``: a regular file only). A
  /// file that cannot be opened yields one problem event.
  ///
  /// With a `schema`, the reader is a validation pass: libxml2's parser errors are silenced and
  /// only schema violations (and the scanner's refusals) are reported.
  convenience init(
    file: InputFile, maxDepth: Int, maxAttributes: Int = IngestLimits().maxXMLAttributes, schema: DisclosureSchema? = nil
  ) {
    do {
      self.init(
        source: .descriptor(try InputBytes.descriptor(for: file)), maxDepth: maxDepth, maxAttributes: maxAttributes,
        schema: schema)
    } catch {
      self.init(source: .descriptor(-1), maxDepth: maxDepth, schema: schema)
      let finding = error.finding
      fail(XMLProblem(severity: .error, rule: finding.rule, line: nil, column: nil, message: finding.message))
    }
  }

  /// Reads a document from `source`.
  init(
    source: XMLReaderContext.Source, maxDepth: Int, maxAttributes: Int = IngestLimits().maxXMLAttributes,
    schema: DisclosureSchema? = nil
  ) {
    self.maxDepth = maxDepth
    tierscan_xml_silence_generic_errors()
    context = XMLReaderContext(source: source, maxDepth: maxDepth, maxAttributes: maxAttributes)
    if case .descriptor(let descriptor) = source, descriptor < 0 {
      finished = true
      endedEarly = true
      return
    }
    var options = XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
    if schema != nil {
      // A validation pass reports schema violations only: the reading pass reports the rest.
      // (libxml2 2.9 hands the reader's own error callbacks the schema SAX plug instead of the
      // parser context once a schema is attached, so they must stay unset here.)
      options |= XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
    }
    let contextPointer = Unmanaged.passUnretained(context).toOpaque()
    reader = xmlReaderForIO(
      { contextPointer, buffer, length in
        guard let contextPointer, let buffer, length > 0 else { return -1 }
        return Unmanaged<XMLReaderContext>.fromOpaque(contextPointer).takeUnretainedValue()
          .fill(buffer, length: Int(length))
      }, nil, contextPointer, nil, "UTF-8", Int32(options))
    guard let reader else {
      fail(XMLProblem(severity: .error, rule: .xmlMalformed, line: nil, column: nil, message: "cannot start the parser"))
      return
    }
    let handler: xmlStructuredErrorFunc = { contextPointer, error in
      guard let contextPointer, let error else { return }
      Unmanaged<XMLReaderContext>.fromOpaque(contextPointer).takeUnretainedValue().record(error.pointee)
    }
    if let schema {
      validation = xmlSchemaNewValidCtxt(schema.pointer)
      guard let validation else {
        fail(XMLProblem(severity: .error, rule: .schemaUnavailable, line: nil, column: nil, message: "cannot attach the schema"))
        return
      }
      xmlSchemaSetValidStructuredErrors(validation, handler, contextPointer)
      if xmlTextReaderSchemaValidateCtxt(reader, validation, 0) != 0 {
        fail(XMLProblem(severity: .error, rule: .schemaUnavailable, line: nil, column: nil, message: "cannot attach the schema"))
      }
    } else {
      xmlTextReaderSetStructuredErrorHandler(reader, handler, contextPointer)
    }
  }

  deinit {
    if let reader { xmlFreeTextReader(reader) }
    if let validation { xmlSchemaFreeValidCtxt(validation) }
  }

  /// The next event, or `nil` at the end of the document or after a fatal problem.
  func next() -> XMLEvent? {
    while true {
      if queueHead < queue.count {
        let event = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
          queue.removeAll(keepingCapacity: true)
          queueHead = 0
        }
        return event
      }
      if finished { return nil }
      step()
    }
  }

  private func fail(_ problem: XMLProblem) {
    queue.append(.problem(problem))
    finished = true
    endedEarly = true
  }

  /// Advances libxml2 by one node and queues what it produced.
  private func step() {
    guard let reader else {
      finished = true
      return
    }
    let status = xmlTextReaderRead(reader)
    if let problem = context.encodingProblem {
      return fail(problem)
    }
    if let stop = context.scanner.stop {
      flushErrors(current: nil, currentLine: nil)
      return fail(Self.problem(for: stop))
    }
    if context.sawFatalError || status < 0 {
      // Fail fast: a document that is not well-formed is not read any further.
      flushErrors(current: nil, currentLine: nil)
      if !context.sawFatalError {
        queue.append(.problem(XMLProblem(
          severity: .error, rule: .xmlMalformed, line: nil, column: nil, message: "the document could not be parsed")))
      }
      finished = true
      endedEarly = true
      return
    }
    if status == 0 {
      flushErrors(current: nil, currentLine: nil)
      finished = true
      return
    }
    switch xmlTextReaderNodeType(reader) {
    case Int32(XML_READER_TYPE_ELEMENT.rawValue):
      readElement(reader)
    case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
      let name = String(cString: xmlTextReaderConstLocalName(reader))
      flushErrors(current: openElements.last?.node, currentLine: openElements.last?.line)
      if !openElements.isEmpty { openElements.removeLast() }
      queue.append(.end(localName: name))
    case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
      flushErrors(current: nil, currentLine: nil)
      if let value = xmlTextReaderConstValue(reader) { queue.append(.text(String(cString: value))) }
    case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
      flushErrors(current: nil, currentLine: nil)
      fail(XMLProblem(
        severity: .error, rule: .doctypeRefused, line: nil, column: nil,
        message: "a document type declaration (<!DOCTYPE) is refused; nothing was read from this file"))
    default:
      flushErrors(current: nil, currentLine: nil)
    }
  }

  private func readElement(_ reader: xmlTextReaderPtr) {
    let node = UnsafeMutableRawPointer(xmlTextReaderCurrentNode(reader))
    let nodeLine = xmlTextReaderCurrentNode(reader).map { Int($0.pointee.line) } ?? 0
    var line = nodeLine
    var lastLine = nodeLine
    if trustsScanner, let tag = context.scanner.nextTag() {
      if nodeLine > 0 && nodeLine < 65535 && !(tag.line...tag.endLine).contains(nodeLine) {
        trustsScanner = false
      } else {
        line = tag.line
        lastLine = tag.endLine
      }
    } else {
      trustsScanner = false
    }
    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
    if openElements.count + 1 > maxDepth {
      flushErrors(current: nil, currentLine: nil)
      return fail(Self.problem(for: .tooDeep(line: line, column: 0, limit: maxDepth)))
    }
    let localName = String(cString: xmlTextReaderConstLocalName(reader))
    let namespaceURI = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } ?? ""
    var attributes: [XMLAttributeValue] = []
    if xmlTextReaderHasAttributes(reader) == 1 {
      while xmlTextReaderMoveToNextAttribute(reader) == 1 {
        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
        let isNamespaced = xmlTextReaderConstNamespaceUri(reader) != nil
        let name = String(cString: isNamespaced ? xmlTextReaderConstName(reader) : xmlTextReaderConstLocalName(reader))
        let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
        attributes.append(XMLAttributeValue(name: name, value: value, isNamespaced: isNamespaced))
      }
      xmlTextReaderMoveToElement(reader)
    }
    flushErrors(current: node, currentLine: line)
    if !isEmpty { openElements.append((node, line)) }
    queue.append(.start(XMLStartElement(
      localName: localName, namespaceURI: namespaceURI, attributes: attributes, line: line, lastLine: lastLine,
      isEmpty: isEmpty)))
  }

  /// Moves libxml2's errors into the queue, placing schema errors at the exact line of the
  /// element they concern when it is open or current.
  private func flushErrors(current: UnsafeMutableRawPointer?, currentLine: Int?) {
    guard !context.errors.isEmpty else { return }
    for error in context.errors {
      var problem = error.problem
      if error.isSchemaError, let node = error.node {
        if node == current, let currentLine {
          problem.line = currentLine
        } else if let match = openElements.last(where: { $0.node == node }) {
          problem.line = match.line
        }
      }
      queue.append(.problem(problem))
    }
    context.errors.removeAll(keepingCapacity: true)
  }

  private static func problem(for stop: XMLByteScanner.Stop) -> XMLProblem {
    switch stop {
    case .doctype(let line, let column):
      XMLProblem(
        severity: .error, rule: .doctypeRefused, line: line, column: column,
        message: "a document type declaration (<!DOCTYPE) is refused; nothing was read from this file")
    case .tooDeep(let line, let column, let limit):
      XMLProblem(
        severity: .error, rule: .xmlTooDeep, line: line, column: column > 0 ? column : nil,
        message: "elements are nested more than \(limit) levels deep; reading of this file stopped here")
    case .tooManyAttributes(let line, let column, let limit):
      XMLProblem(
        severity: .error, rule: .xmlTooManyAttributes, line: line, column: column > 0 ? column : nil,
        message: "an element has more than \(limit) attributes (namespace declarations included; "
          + "--max-xml-attributes); reading of this file stopped here")
    }
  }
}
