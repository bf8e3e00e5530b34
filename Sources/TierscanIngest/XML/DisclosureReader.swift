import TierscanCore

/// Reads a tierscan disclosure (model §2.7) from a stream positioned just after its root tag.
///
/// Streaming with an explicit stack of open elements: an element's entity record and edges are
/// built when it closes (a supplier's `commodity` and every `identifier` child must be seen
/// first) and put back into document order (by start tag) at the end. A rejected element is
/// one error finding naming how many records its subtree held; the subtree is skipped, the rest
/// of the file is read. Accounting: every `discloser`, `supplier`, `facility`, `owner` and
/// `smelter` element is a record, accepted or rejected.
struct DisclosureReader {
  enum Role: String {
    case discloser, supplier, facility, owner, smelter, identifier, commodity
    var isRecord: Bool { self != .identifier && self != .commodity }
  }

  struct Frame {
    var role: Role?
    var line: Int
    var sequence: Int
    var entity: EntityRecord?
    var edge: RelationshipRecord?
    var commodities: [(name: String, hsCode: String?, attributes: [Attribute])] = []
    /// Set on the element that was rejected: its finding (if reported) and skipped record count.
    var rejection: (finding: Int?, message: String, skipped: Int)?
  }

  let path: String
  let validatesSchema: Bool
  var reportingYear: Int?
  var rootAttributes: [Attribute] = []
  var rootLine = 1
  var discloserID: String?
  var sawRootChild = false
  var reportedMissingDiscloser = false
  var frames: [Frame] = []
  var rejectingFrame: Int?
  var findings: [Finding] = []
  /// The file's country values reported so far.
  var countries = CountryValues()
  var schemaViolationLines = Set<Int>()
  var nextSequence = 0
  var entities: [(sequence: Int, record: EntityRecord)] = []
  var edges: [(sequence: Int, record: RelationshipRecord)] = []
  var summary: InputFileSummary

  init(path: String, validatesSchema: Bool) {
    self.path = path
    self.validatesSchema = validatesSchema
    summary = InputFileSummary(path: path, kind: .disclosure)
  }

  /// Reads the rest of the document after `root` and returns everything it produced.
  ///
  /// - Parameters:
  ///   - root: the root start tag.
  ///   - earlier: problems the reader reported before the root (schema violations included).
  ///   - reader: the stream, positioned after the root tag.
  ///   - result: receives records, findings and the file summary.
  mutating func read(
    root: XMLStartElement, after earlier: [XMLProblem], from reader: XMLStreamReader, into result: inout IngestedInputs
  ) {
    for problem in earlier { note(problem) }
    readRoot(root)
    if root.isEmpty { finishRoot() }
    while let event = reader.next() {
      switch event {
      case .problem(let problem):
        note(problem)
      case .start(let element): start(element)
      case .end: end()
      case .text(let text):
        guard frames.last?.rejection == nil, rejectingFrame == nil, !DisclosureValues.trimmed(text).isEmpty else { break }
        // With no open frame the text sits directly in <disclosure> (no frame is kept for the root).
        let top = frames.last
        report(
          .warning, .unexpectedText, line: top?.line ?? root.line,
          "text inside <\(top.map { $0.role?.rawValue ?? "?" } ?? root.localName)> is ignored")
      }
    }
    if reader.endedEarly { abandonFile() }
    finish(into: &result)
  }

  private mutating func note(_ problem: XMLProblem) {
    if problem.rule == .schemaViolation, let line = problem.line { schemaViolationLines.insert(line) }
    findings.append(problem.finding(in: path))
  }

  // MARK: Elements

  private mutating func start(_ element: XMLStartElement) {
    let sequence = nextSequence
    nextSequence += 1
    let role = element.namespaceURI == DisclosureSchema.namespace ? Role(rawValue: element.localName) : nil
    if let rejecting = rejectingFrame {
      if role?.isRecord == true {
        summary.recordsRead += 1
        summary.recordsRejected += 1
        frames[rejecting].rejection?.skipped += 1
      }
      if !element.isEmpty { frames.append(Frame(role: role, line: element.line, sequence: sequence)) }
      return
    }
    guard let role else {
      let what = element.namespaceURI == DisclosureSchema.namespace
        ? "<\(element.localName)>" : "<\(element.localName)> in namespace '\(element.namespaceURI)'"
      return reject(element, role: nil, sequence: sequence, .unknownElement, "unknown element \(what)")
    }
    let parent = frames.last?.role
    if let refusal = placementRefusal(role, parent: parent) {
      return reject(element, role: role, sequence: sequence, refusal.rule, refusal.message)
    }
    if parent == nil { sawRootChild = true }
    switch DisclosureElement.build(role, element, context: self) {
    case .failure(let refusal):
      reject(element, role: role, sequence: sequence, refusal.rule, refusal.message)
    case .success(let built):
      if let resolved = built.resolvedCountry,
        let finding = countries.noteResolved(
          resolved.raw, to: resolved.code, field: "country", at: Provenance(file: path, line: element.line))
      {
        findings.append(finding)
      }
      for warning in built.warnings { report(.warning, warning.rule, line: element.line, warning.message) }
      var frame = Frame(role: role, line: element.line, sequence: sequence, entity: built.entity, edge: built.edge)
      if role.isRecord { summary.recordsRead += 1 }
      if role == .discloser { discloserID = built.entity?.id }
      switch role {
      case .identifier:
        if let identifier = built.identifier { applyIdentifier(identifier, line: element.line) }
        frames[frames.count - 1].entity?.attributes.append(contentsOf: built.extraAttributes)
      case .commodity:
        if let commodity = built.commodity {
          frames[frames.count - 1].commodities.append((commodity.name, commodity.hsCode, built.extraAttributes))
        }
      default: break
      }
      if element.isEmpty {
        close(&frame)
      } else {
        frames.append(frame)
      }
    }
  }

  private mutating func end() {
    guard var frame = frames.popLast() else { return finishRoot() }
    if let rejection = frame.rejection {
      complete(rejection)
      rejectingFrame = nil
    } else if rejectingFrame == nil {
      close(&frame)
    }
  }

  /// Emits the records of a closed, accepted element.
  private mutating func close(_ frame: inout Frame) {
    guard let role = frame.role, role.isRecord, let entity = frame.entity else { return }
    summary.recordsAccepted += 1
    entities.append((frame.sequence, entity))
    guard var edge = frame.edge else { return }
    if role == .supplier && !frame.commodities.isEmpty {
      for commodity in frame.commodities {
        edge.commodity = commodity.name
        edge.hsCode = commodity.hsCode
        var withAttributes = edge
        withAttributes.attributes.append(contentsOf: commodity.attributes)
        edges.append((frame.sequence, withAttributes))
      }
    } else {
      edges.append((frame.sequence, edge))
    }
  }

  private mutating func applyIdentifier(_ identifier: (scheme: String, value: String), line: Int) {
    guard var entity = frames.last?.entity else { return }
    let existing: String?
    switch identifier.scheme {
    case "lei": existing = entity.identifiers.lei
    case "duns": existing = entity.identifiers.duns
    case "vat": existing = entity.identifiers.vat
    default: existing = entity.identifiers.cid
    }
    if let existing {
      if existing != identifier.value {
        report(
          .warning, .identifierConflict, line: line,
          "\(identifier.scheme) '\(identifier.value)' conflicts with '\(existing)' given earlier for '\(entity.id)'; the first is kept")
      }
      return
    }
    switch identifier.scheme {
    case "lei": entity.identifiers.lei = identifier.value
    case "duns": entity.identifiers.duns = identifier.value
    case "vat": entity.identifiers.vat = identifier.value
    default: entity.identifiers.cid = identifier.value
    }
    frames[frames.count - 1].entity = entity
  }
}
