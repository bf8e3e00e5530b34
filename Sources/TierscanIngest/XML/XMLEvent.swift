import TierscanCore

/// One attribute of an XML start tag: its local name (qualified `prefix:name` when it has a
/// namespace) and its value, untrimmed.
struct XMLAttributeValue: Equatable {
  var name: String
  var value: String
  /// Whether the attribute is in a namespace (then ``name`` is qualified).
  var isNamespaced: Bool
}

/// A start tag as the streaming reader reports it.
struct XMLStartElement: Equatable {
  var localName: String
  /// The namespace URI, empty when none.
  var namespaceURI: String
  /// Attributes in document order, namespace declarations left out.
  var attributes: [XMLAttributeValue]
  /// 1-based line of the tag's `<`.
  var line: Int
  /// 1-based line of the tag's `>` (differs from ``line`` when the tag spans lines).
  var lastLine: Int
  /// `<name/>`: no end event follows.
  var isEmpty: Bool

  /// The value of the un-namespaced attribute `name`, if present.
  func attribute(_ name: String) -> String? {
    attributes.first { !$0.isNamespaced && $0.name == name }?.value
  }
}

/// A problem the streaming reader found (malformed XML, a DOCTYPE, excessive depth, a schema
/// violation), already placed at a line and column.
struct XMLProblem: Equatable {
  var severity: Severity
  var rule: FindingRule
  var line: Int?
  var column: Int?
  var message: String

  /// The finding for `file`.
  func finding(in file: String) -> Finding {
    Finding(severity, rule, at: Provenance(file: file, line: line, column: column), message)
  }
}

/// What the streaming reader reports, in document order.
enum XMLEvent: Equatable {
  case start(XMLStartElement)
  case end(localName: String)
  /// Character data (text or CDATA), never whitespace-only text between elements.
  case text(String)
  case problem(XMLProblem)
}
