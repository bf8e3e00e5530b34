import TierscanCore

/// The `ftm_topics` section of the risk config: which FollowTheMoney topic (as OpenSanctions
/// publishes it) is which tierscan category, and the step that applies it to FtM risk-list rows.
///
/// Defaults (``defaultJSON``, merged in before a user's file so the shipped
/// `default-config.json` is unchanged): `forced.labor` and `crime.traffick.human` →
/// `forced_labour`; `sanction`, `sanction.linked` → `sanctions`; `export.control`,
/// `export.risk` → `export_control`; `debarment` → `debarment`; `reg.warn`, `reg.action` →
/// `regulatory`. Only `forced_labour` is a default category: a list's sanctions rows are used
/// once the config adds `sanctions` to `categories`. A user's `ftm_topics` adds or replaces
/// entries; mapping a topic to `""` switches it off.
public enum FtMTopicMapping {
  /// The default section.
  public static let defaultJSON = #"""
    {
      "forced.labor": "forced_labour", "crime.traffick.human": "forced_labour",
      "sanction": "sanctions", "sanction.linked": "sanctions",
      "export.control": "export_control", "export.risk": "export_control",
      "debarment": "debarment", "reg.warn": "regulatory", "reg.action": "regulatory"
    }
    """#

  static func decode(_ value: JSONValue?) throws(RiskConfigError) -> [String: String] {
    // A config without the section (the shipped defaults) uses the default table.
    guard let value = value ?? (try? JSONParser.parse(defaultJSON)) else { return [:] }
    guard let pairs = value.objectValue else { throw .wrongType(path: "ftm_topics", expected: "an object") }
    var mapping: [String: String] = [:]
    for (topic, category) in pairs {
      guard let text = category.stringValue else { throw .wrongType(path: "ftm_topics.\(topic)", expected: "a string") }
      mapping[topic] = text
    }
    return mapping
  }

  /// The rows to score: every row without a topic as it is; an FtM row with its category
  /// replaced by the mapped one, or left out. Left-out rows are summarised per file and topic:
  /// an info `ftm-topic-unmapped` (topic not in `ftm_topics`) or a warning `ftm-topic-unused`
  /// (mapped to a category the config does not have), each with the number of rows. Rows of one
  /// FtM entity that map to the same category twice (`sanction`, `sanction.linked`) count once.
  ///
  /// - Complexity: O(R).
  public static func apply(_ rows: [RiskListEntry], config: RiskConfig, findings: inout FindingLog) -> [RiskListEntry] {
    guard rows.contains(where: { $0.topic != nil }) else { return rows }
    var kept: [RiskListEntry] = []
    kept.reserveCapacity(rows.count)
    var dropped: [String: (first: Provenance, count: Int, category: String?)] = [:]
    var droppedOrder: [String] = []
    var seen = Set<String>()
    for var row in rows {
      guard let topic = row.topic else {
        kept.append(row)
        continue
      }
      let category = config.ftmTopics[topic].flatMap { $0.isEmpty ? nil : $0 }
      guard let category, config.hasCategory(category) else {
        let key = row.provenance.file + "\u{0}" + topic
        if dropped[key] == nil {
          droppedOrder.append(key)
          dropped[key] = (row.provenance, 0, category)
        }
        dropped[key]!.count += 1
        continue
      }
      let identity = "\(row.provenance.file)\u{0}\(row.provenance.line ?? 0)\u{0}\(row.country ?? "")\u{0}\(category)"
      guard seen.insert(identity).inserted else { continue }
      row.category = category
      row.attributes.append(Attribute("ftm_topic", topic))
      kept.append(row)
    }
    for key in droppedOrder {
      let entry = dropped[key]!
      let topic = String(key.split(separator: "\u{0}", omittingEmptySubsequences: false).last ?? "")
      let at = Provenance(file: entry.first.file)
      if let category = entry.category {
        findings.add(
          .warning, .ftmTopicUnused, at: at,
          "\(entry.count) row(s) with FtM topic '\(topic)' map to category '\(category)', which is not in the config's categories; not used",
          evidence: [Attribute("topic", topic), Attribute("category", category)])
      } else {
        findings.add(
          .info, .ftmTopicUnmapped, at: at,
          "\(entry.count) row(s) with FtM topic '\(topic)' have no category in ftm_topics; not used",
          evidence: [Attribute("topic", topic)])
      }
    }
    return kept
  }
}
