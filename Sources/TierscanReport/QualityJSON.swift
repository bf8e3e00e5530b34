import TierscanCore

/// `quality.json`: every finding in the order reported.
public enum QualityJSON {
  /// One finding: `severity`, `rule`, `file`, `line`, `column`, `sheet`, `cell`, `pointer` (JSON inputs only), `message`,
  /// `evidence` (an object; a repeated evidence key becomes `key#2`, `key#3`, … so nothing is lost).
  public static func object(_ finding: Finding) -> JSONValue {
    var evidence: [(String, JSONValue)] = []
    for attribute in finding.evidence {
      var key = attribute.key
      var n = 1
      while evidence.contains(where: { $0.0 == key }) {
        n += 1
        key = "\(attribute.key)#\(n)"
      }
      evidence.append((key, .string(attribute.value)))
    }
    let at = finding.location
    var pairs: [(String, JSONValue)] = [
      ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule.id)),
      ("file", .optional(at?.file)), ("line", .optional(at?.line)), ("column", .optional(at?.column)),
      ("sheet", .optional(at?.sheet)), ("cell", .optional(at?.cell)),
    ]
    // Only JSON inputs give a pointer; other findings keep their shape byte for byte.
    if let pointer = at?.pointer { pairs.append(("pointer", .string(pointer))) }
    pairs.append(contentsOf: [("message", .string(finding.message)), ("evidence", .object(evidence))])
    return .object(pairs)
  }
}
