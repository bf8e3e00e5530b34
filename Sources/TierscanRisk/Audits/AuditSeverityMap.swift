import TierscanCore

/// The versioned, editable table that maps a scheme's severities as issued (`Business
/// Critical`, `Priority`, `ZT`) onto the neutral severities (docs/audit-severity-map.json).
///
/// A scheme such as `smeta-6.1` uses the table of the longest key that equals it or is followed
/// in it by `-` (`smeta`), else the `default` table. Severities are compared case-insensitively
/// with `_`, `-` and runs of spaces read as one space. A config's `audit.severity_map` adds
/// schemes and entries or replaces entries (`{"rba": {"priority": "critical"}}`).
public struct AuditSeverityMap: Sendable, Equatable {
  /// The table's version, cited in the evidence of every mapped finding.
  public var version: String
  /// Scheme key → normalised severity text → neutral severity.
  public var schemes: [String: [String: AuditSeverity]]

  /// The shipped table's JSON text (byte for byte `docs/audit-severity-map.json`; a test checks).
  public static let defaultJSON = #"""
    {
      "version": "tierscan-audit-severity-2026.1",
      "about": "Scheme severity as issued -> neutral severity (critical, major, minor, observation). Keys are scheme families: a scheme 'smeta-6.1' uses 'smeta'; unknown schemes use 'default'. Edit through the config's audit.severity_map.",
      "schemes": {
        "default": {"critical": "critical", "zero tolerance": "critical", "major": "major", "minor": "minor", "observation": "observation"},
        "smeta": {"business critical": "critical", "critical": "critical", "major": "major", "minor": "minor",
                  "observation": "observation", "improvement": "observation"},
        "rba": {"priority": "critical", "major": "major", "minor": "minor", "risk of non conformance": "observation"},
        "amfori": {"zero tolerance": "critical", "zt": "critical", "e": "major", "d": "major", "c": "minor",
                   "b": "observation", "a": "observation"},
        "sa8000": {"critical": "critical", "major": "major", "minor": "minor", "observation": "observation"},
        "sedex": {"critical": "critical", "major": "major", "minor": "minor", "observation": "observation"}
      }
    }

    """#

  /// The shipped table.
  public static let defaults: AuditSeverityMap = {
    do {
      let json = try JSONParser.parse(bytes: Array(defaultJSON.utf8), maxDepth: 8)
      var map = AuditSeverityMap(version: json["version"]?.stringValue ?? "", schemes: [:])
      map = try map.overridden(by: json["schemes"], path: "schemes")
      return map
    } catch {
      fatalError("the shipped severity map is invalid: \(error)")
    }
  }()

  /// This table with `json`'s schemes and entries added or replacing its own.
  func overridden(by json: JSONValue?, path: String) throws(RiskConfigError) -> AuditSeverityMap {
    guard let json else { return self }
    guard let schemes = json.objectValue else { throw .wrongType(path: path, expected: "an object") }
    var copy = self
    for (scheme, entries) in schemes {
      guard let entries = entries.objectValue else { throw .wrongType(path: path + "." + scheme, expected: "an object") }
      for (raw, target) in entries {
        guard let text = target.stringValue, let severity = AuditSeverity(rawValue: text) else {
          throw .invalid(path: path + "." + scheme + "." + raw, message: "not critical, major, minor or observation")
        }
        copy.schemes[scheme.lowercased(), default: [:]][Self.normalise(raw)] = severity
      }
    }
    return copy
  }

  /// The neutral severity of `raw` in `scheme`, or `nil` when the table has no entry.
  public func severity(of raw: String, scheme: String) -> AuditSeverity? {
    table(for: scheme)[Self.normalise(raw)]
  }

  /// The key of the table `scheme` uses.
  public func tableKey(for scheme: String) -> String {
    let lower = scheme.lowercased()
    var best = "default"
    for key in schemes.keys where key != "default" && (lower == key || lower.hasPrefix(key + "-")) {
      if best == "default" || key.count > best.count { best = key }
    }
    return best
  }

  private func table(for scheme: String) -> [String: AuditSeverity] { schemes[tableKey(for: scheme)] ?? [:] }

  /// Lower case, `_` and `-` as spaces, runs of spaces collapsed, trimmed.
  static func normalise(_ raw: String) -> String {
    raw.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" }.joined(separator: " ")
  }
}
