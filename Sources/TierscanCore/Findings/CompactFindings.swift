/// The storage behind ``FindingLog``: findings as fixed 32-byte records, with rules, files and
/// evidence interned and every message's UTF-8 bytes appended to one buffer.
///
/// A finding in the common shape (a file and a line, a message of some 60 bytes, no evidence)
/// costs its record plus its message bytes, about 90 bytes, against about 250 as a ``Finding``
/// value (144 inline, the message's own heap allocation, the array's growth). Everything a
/// finding holds comes back exactly (``finding(at:)``): messages are stored as the UTF-8 of the
/// `String`, which is lossless; a location with a column, sheet, cell or JSON pointer is kept
/// whole in a side table.
struct CompactFindings: Sendable {
  /// One finding. `none` (`UInt32.max`) marks an absent location, extra location or evidence.
  private struct Record: Sendable {
    /// Line of the location; `Int.min` when the location has no line.
    var line: Int
    /// End of the message in ``messageBytes`` (it starts where the previous record's ends).
    var messageEnd: Int
    /// Index into ``files``, or `none` for a finding without a location.
    var file: UInt32
    /// Index into ``fullLocations`` when the location has more than a file and a line.
    var fullLocation: UInt32
    /// Index into ``evidence``.
    var evidence: UInt32
    /// Index into ``rules``.
    var rule: UInt16
    var severity: Severity
  }

  private static let none = UInt32.max

  private var records: [Record] = []
  private var messageBytes: [UInt8] = []
  private var rules: [FindingRule] = []
  private var ruleIndex: [FindingRule: UInt16] = [:]
  private var files: [String] = []
  private var fileIndex: [String: UInt32] = [:]
  private var fullLocations: [Provenance] = []
  private var evidence: [[Attribute]] = []
  /// Findings by severity (info, warning, error), kept as they are added.
  private var severityCounts = [0, 0, 0]
  /// The rule and file interned last: consecutive findings mostly share both.
  private var lastRule: UInt16?
  private var lastFile: UInt32?

  var count: Int { records.count }

  mutating func append(
    _ severity: Severity, _ rule: FindingRule, at location: Provenance?, message: String, evidence attributes: [Attribute]
  ) {
    var message = message
    message.withUTF8 { messageBytes.append(contentsOf: $0) }
    var record = Record(
      line: Int.min, messageEnd: messageBytes.count, file: Self.none, fullLocation: Self.none, evidence: Self.none,
      rule: intern(rule), severity: severity)
    if let location {
      record.file = intern(file: location.file)
      record.line = location.line ?? Int.min
      if location.column != nil || location.sheet != nil || location.cell != nil || location.pointer != nil {
        record.fullLocation = UInt32(fullLocations.count)
        fullLocations.append(location)
      }
    }
    if !attributes.isEmpty {
      record.evidence = UInt32(evidence.count)
      evidence.append(attributes)
    }
    records.append(record)
    severityCounts[Self.slot(severity)] += 1
  }

  /// The finding at `index`, as it was added.
  func finding(at index: Int) -> Finding {
    let record = records[index]
    let start = index == 0 ? 0 : records[index - 1].messageEnd
    let message = messageBytes.withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<record.messageEnd]), as: UTF8.self)
    }
    var location: Provenance?
    if record.fullLocation != Self.none {
      location = fullLocations[Int(record.fullLocation)]
    } else if record.file != Self.none {
      location = Provenance(file: files[Int(record.file)], line: record.line == Int.min ? nil : record.line)
    }
    return Finding(
      record.severity, rules[Int(record.rule)], at: location, message,
      evidence: record.evidence == Self.none ? [] : evidence[Int(record.evidence)])
  }

  func severityAndRule(at index: Int) -> (severity: Severity, rule: FindingRule) {
    (records[index].severity, rules[Int(records[index].rule)])
  }

  func file(at index: Int) -> String? {
    let file = records[index].file
    return file == Self.none ? nil : files[Int(file)]
  }

  func count(of severity: Severity) -> Int { severityCounts[Self.slot(severity)] }

  mutating func promoteWarningsToErrors() {
    for index in records.indices where records[index].severity == .warning { records[index].severity = .error }
    severityCounts[Self.slot(.error)] += severityCounts[Self.slot(.warning)]
    severityCounts[Self.slot(.warning)] = 0
  }

  private static func slot(_ severity: Severity) -> Int {
    switch severity {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  private mutating func intern(_ rule: FindingRule) -> UInt16 {
    if let last = lastRule, rules[Int(last)] == rule { return last }
    // Rules come from the registry (`FindingRule.init(id:)` is internal): a few hundred.
    let index = ruleIndex[rule] ?? UInt16(rules.count)
    if index == rules.count {
      rules.append(rule)
      ruleIndex[rule] = index
    }
    lastRule = index
    return index
  }

  private mutating func intern(file: String) -> UInt32 {
    if let last = lastFile, files[Int(last)] == file { return last }
    let index = fileIndex[file] ?? UInt32(files.count)
    if index == files.count {
      files.append(file)
      fileIndex[file] = index
    }
    lastFile = index
    return index
  }
}
