import TierscanCore

/// Placement rules, rejections and the end of the document for ``DisclosureReader``.
extension DisclosureReader {
  /// The children each element allows (model §2.7); `nil` parent is the root `disclosure`.
  func placementRefusal(_ role: Role, parent: Role?) -> (rule: FindingRule, message: String)? {
    switch parent {
    case nil:
      if role == .discloser {
        return sawRootChild
          ? (.misplacedElement, "<discloser> must be the first child of <disclosure> and appear once") : nil
      }
      guard role != .identifier && role != .commodity else {
        return (.misplacedElement, "<\(role.rawValue)> is not allowed directly inside <disclosure>")
      }
      if discloserID == nil {
        return (.missingDiscloser, "<\(role.rawValue)> has no enclosing company: <disclosure> must start with a valid <discloser>")
      }
      return nil
    case .supplier?:
      return role == .discloser ? (.misplacedElement, "<discloser> is not allowed inside <supplier>") : nil
    case .identifier?, .commodity?:
      return (.misplacedElement, "<\(role.rawValue)> is not allowed inside <\(parent!.rawValue)>")
    case .discloser?, .facility?, .owner?, .smelter?:
      return role == .identifier ? nil : (.misplacedElement, "<\(role.rawValue)> is not allowed inside <\(parent!.rawValue)>")
    }
  }

  /// Rejects `element` and, until it closes, its whole subtree.
  mutating func reject(_ element: XMLStartElement, role: Role?, sequence: Int, _ rule: FindingRule, _ message: String) {
    let isRecord = role?.isRecord == true
    if isRecord {
      summary.recordsRead += 1
      summary.recordsRejected += 1
    }
    if frames.isEmpty { sawRootChild = true }
    var findingIndex: Int?
    // In `validate` mode libxml2 already reported this element as a schema violation.
    if !(validatesSchema && (element.line...element.lastLine).contains(where: schemaViolationLines.contains)) {
      findingIndex = findings.count
      findings.append(Finding(.error, rule, at: Provenance(file: path, line: element.line), message))
    }
    let rejection = (finding: findingIndex, message: message, skipped: isRecord ? 1 : 0)
    if element.isEmpty {
      complete(rejection)
    } else {
      frames.append(Frame(role: role, line: element.line, sequence: sequence, rejection: rejection))
      rejectingFrame = frames.count - 1
    }
  }

  /// Completes a rejection's message once its subtree is known.
  mutating func complete(_ rejection: (finding: Int?, message: String, skipped: Int)) {
    guard let index = rejection.finding else { return }
    let count = rejection.skipped
    findings[index].message = rejection.message + "; element skipped (\(count) record\(count == 1 ? "" : "s") not read)"
  }

  mutating func report(_ severity: Severity, _ rule: FindingRule, line: Int?, _ message: String) {
    findings.append(Finding(severity, rule, at: Provenance(file: path, line: line), message))
  }

  /// Reads the root's attributes: `reportingYear` and attributes to keep on the discloser.
  mutating func readRoot(_ root: XMLStartElement) {
    rootLine = root.line
    for attribute in root.attributes {
      if !attribute.isNamespaced && attribute.name == "reportingYear" {
        if let year = DisclosureValues.year(attribute.value) {
          reportingYear = year
        } else if !(validatesSchema && schemaViolationLines.contains(root.line)) {
          report(
            .warning, .invalidReportingYear, line: root.line,
            "reportingYear '\(attribute.value)' is not a year; edges carry no reporting year")
        }
      } else {
        rootAttributes.append(Attribute(attribute.name, DisclosureValues.trimmed(attribute.value)))
      }
    }
  }

  /// The root closed: a disclosure without a discloser is an error.
  mutating func finishRoot() {
    if !sawRootChild && !reportedMissingDiscloser {
      reportedMissingDiscloser = true
      if !(validatesSchema && findings.contains { $0.rule == .schemaViolation }) {
        report(.error, .missingDiscloser, line: rootLine, "<disclosure> has no <discloser>")
      }
    }
  }

  /// Reading stopped at a fatal problem: the file is not well-formed, so none of its records
  /// are used (the same outcome whatever the file size or libxml2's read-ahead); elements still
  /// open count as read and rejected too.
  mutating func abandonFile() {
    for frame in frames where frame.rejection == nil && frame.role?.isRecord == true {
      if rejectingFrame == nil || frame.sequence < frames[rejectingFrame!].sequence { summary.recordsRead += 1 }
    }
    if let rejecting = rejectingFrame, let rejection = frames[rejecting].rejection { complete(rejection) }
    frames.removeAll()
    rejectingFrame = nil
    entities.removeAll()
    edges.removeAll()
    summary.recordsAccepted = 0
    summary.recordsRejected = summary.recordsRead
    if summary.recordsRead > 0 {
      let count = summary.recordsRead
      report(
        .error, .xmlFileNotRead, line: nil,
        "the file is not well-formed XML; none of the \(count) record\(count == 1 ? "" : "s") read before the error are used")
    }
  }

  /// Puts records back into document order and appends everything to `result`.
  mutating func finish(into result: inout IngestedInputs) {
    // Elements close in post-order; their start tags give document order.
    entities.sort { $0.sequence < $1.sequence }
    let edgeOrder = edges.indices.sorted { edges[$0].sequence < edges[$1].sequence || (edges[$0].sequence == edges[$1].sequence && $0 < $1) }
    result.entities.append(contentsOf: entities.map(\.record))
    result.relationships.append(contentsOf: edgeOrder.map { edges[$0].record })
    result.findings.append(contentsOf: findings)
    result.files.append(summary)
  }
}
