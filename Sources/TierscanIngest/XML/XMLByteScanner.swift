/// A byte-level pre-filter that sees every byte before libxml2 does.
///
/// It does three things libxml2 cannot be trusted or asked to do:
/// - records the exact 1-based line of every start tag's `<` (libxml2 stores element lines in a
///   16-bit field, capped at 65535), so provenance lines stay exact in large files;
/// - refuses `<!DOCTYPE` before libxml2 parses a single declaration of it (XXE, billion laughs);
/// - stops at the first start tag deeper than the depth limit.
///
/// It relies on well-formedness facts that libxml2 checks anyway: a literal `<` can only open
/// markup (never in text or attribute values), and comments, CDATA sections and processing
/// instructions are skipped as units. Where the document is malformed the two may disagree; the
/// reader then stops at libxml2's error, so the disagreement is never observable.
struct XMLByteScanner {
  /// Why the scanner stopped passing bytes on.
  enum Stop: Equatable {
    case doctype(line: Int, column: Int)
    case tooDeep(line: Int, column: Int, limit: Int)
    case tooManyAttributes(line: Int, column: Int, limit: Int)
  }

  /// One scanned start tag: the line of its `<` and of its closing `>`.
  struct Tag: Equatable {
    var line: Int
    var endLine: Int
  }

  private enum State {
    case text
    case lessThan
    case startTag(quote: UInt8, lastWasSlash: Bool)
    case endTag
    case bang(count: Int)
    case comment(dashes: Int)
    case cdata(brackets: Int)
    case processingInstruction(lastWasQuestion: Bool)
    case declaration
  }

  private var state = State.text
  private var line = 1
  private var column = 0
  private var depth = 0
  private var tagLine = 0
  private var tagColumn = 0
  private var bangPrefix: [UInt8] = []
  private let maxDepth: Int
  private let maxAttributes: Int
  /// `=` signs outside quotes in the current start tag: its attributes (namespace declarations
  /// included). libxml2 2.9 checks each attribute against every earlier one of its element, so
  /// 100,000 attributes would cost 5·10⁹ comparisons: the scanner stops past the limit instead.
  private var attributes = 0
  private static let commentOpen = Array("--".utf8)
  private static let cdataOpen = Array("[CDATA[".utf8)
  private static let doctypeOpen = Array("DOCTYPE".utf8)
  /// Scanned start tags not yet claimed by the reader, oldest first.
  private var pending: [Tag] = []
  private var pendingHead = 0
  /// Set once the scanner refused to go on.
  private(set) var stop: Stop?

  init(maxDepth: Int, maxAttributes: Int = IngestLimits().maxXMLAttributes) {
    self.maxDepth = maxDepth
    self.maxAttributes = maxAttributes
  }

  /// Takes the oldest scanned start tag, if any.
  mutating func nextTag() -> Tag? {
    guard pendingHead < pending.count else { return nil }
    let tag = pending[pendingHead]
    pendingHead += 1
    if pendingHead >= 1024 && pendingHead * 2 >= pending.count {
      pending.removeFirst(pendingHead)
      pendingHead = 0
    }
    return tag
  }

  /// Scans `bytes` in order and returns how many of them may be handed to the parser: all of
  /// them, or the prefix before a refused construct (then ``stop`` is set).
  ///
  /// - Complexity: O(n) in the number of bytes.
  mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if stop != nil { return 0 }
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 0
      } else {
        column += 1
      }
      switch state {
      case .text:
        if byte == UInt8(ascii: "<") {
          state = .lessThan
          tagLine = line
          tagColumn = column
        }
      case .lessThan:
        switch byte {
        case UInt8(ascii: "/"): state = .endTag
        case UInt8(ascii: "!"):
          state = .bang(count: 0)
          bangPrefix.removeAll(keepingCapacity: true)
        case UInt8(ascii: "?"): state = .processingInstruction(lastWasQuestion: false)
        default:
          depth += 1
          if depth > maxDepth {
            stop = .tooDeep(line: tagLine, column: tagColumn, limit: maxDepth)
            return index
          }
          attributes = 0
          state = .startTag(quote: 0, lastWasSlash: false)
        }
      case .startTag(let quote, let lastWasSlash):
        if quote != 0 {
          state = .startTag(quote: byte == quote ? 0 : quote, lastWasSlash: false)
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          state = .startTag(quote: byte, lastWasSlash: false)
        } else if byte == UInt8(ascii: ">") {
          if lastWasSlash { depth -= 1 }
          pending.append(Tag(line: tagLine, endLine: line))
          state = .text
        } else {
          if byte == UInt8(ascii: "=") {
            attributes += 1
            if attributes > maxAttributes {
              stop = .tooManyAttributes(line: tagLine, column: tagColumn, limit: maxAttributes)
              return index
            }
          }
          state = .startTag(quote: 0, lastWasSlash: byte == UInt8(ascii: "/"))
        }
      case .endTag:
        if byte == UInt8(ascii: ">") {
          depth -= 1
          state = .text
        }
      case .bang(let count):
        bangPrefix.append(byte)
        if bangPrefix == Self.commentOpen {
          state = .comment(dashes: 0)
        } else if bangPrefix == Self.cdataOpen {
          state = .cdata(brackets: 0)
        } else if bangPrefix == Self.doctypeOpen {
          stop = .doctype(line: tagLine, column: tagColumn)
          // Hand over nothing of the declaration: not even `<!`.
          return max(0, index - count - 2)
        } else if !(Self.commentOpen.starts(with: bangPrefix) || Self.cdataOpen.starts(with: bangPrefix)
          || Self.doctypeOpen.starts(with: bangPrefix))
        {
          state = .declaration
        } else {
          state = .bang(count: count + 1)
        }
      case .comment(let dashes):
        if byte == UInt8(ascii: "-") {
          state = .comment(dashes: dashes + 1)
        } else if byte == UInt8(ascii: ">") && dashes >= 2 {
          state = .text
        } else {
          state = .comment(dashes: 0)
        }
      case .cdata(let brackets):
        if byte == UInt8(ascii: "]") {
          state = .cdata(brackets: brackets + 1)
        } else if byte == UInt8(ascii: ">") && brackets >= 2 {
          state = .text
        } else {
          state = .cdata(brackets: 0)
        }
      case .processingInstruction(let lastWasQuestion):
        if byte == UInt8(ascii: ">") && lastWasQuestion {
          state = .text
        } else {
          state = .processingInstruction(lastWasQuestion: byte == UInt8(ascii: "?"))
        }
      case .declaration:
        if byte == UInt8(ascii: ">") { state = .text }
      }
    }
    return bytes.count
  }
}
