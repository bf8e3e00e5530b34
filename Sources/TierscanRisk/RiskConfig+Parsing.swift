import TierscanCore
import TierscanMatch

extension RiskConfig {
  /// Parses a configuration file's text; see ``parse(bytes:)``.
  public static func parse(_ text: String) throws(RiskConfigError) -> RiskConfig {
    try parse(bytes: Array(text.utf8))
  }

  /// Parses a (partial) configuration over the defaults: objects merge recursively, arrays and
  /// scalars replace. Every key must be known and every value in range (model §3).
  ///
  /// - Throws: ``RiskConfigError`` naming the position (syntax) or key path (everything else).
  public static func parse(bytes: [UInt8]) throws(RiskConfigError) -> RiskConfig {
    let user = try json(bytes)
    return try decode(merge(base(), user, path: ""))
  }

  /// The effective configuration (defaults merged with `bytes`) as canonical JSON text: default
  /// key order, two-space indent, shortest numbers. Useful to show what a run used.
  public static func effectiveJSON(bytes: [UInt8]) throws(RiskConfigError) -> String {
    let merged = try merge(base(), json(bytes), path: "")
    _ = try decode(merged)
    return JSONWriter.string(merged)
  }

  static func parse(_ text: String, overDefaults: Bool) throws(RiskConfigError) -> RiskConfig {
    overDefaults ? try parse(text) : try decode(json(Array(text.utf8)))
  }

  /// The defaults: the shipped config plus the `audit` section (``AuditConfig/defaultJSON``),
  /// which is kept out of the shipped file so that its SHA-256 stays what it was.
  private static func base() throws(RiskConfigError) -> JSONValue {
    guard case .object(var pairs) = try json(Array(DefaultRiskConfig.json.utf8)) else { return .null }
    if !pairs.contains(where: { $0.0 == "audit" }) { pairs.append(("audit", try json(Array(AuditConfig.defaultJSON.utf8)))) }
    // Settings added after the shipped file was fixed join their sections here, so that its
    // SHA-256 (in every manifest) stays what it was.
    if let m = pairs.firstIndex(where: { $0.0 == "matching" }), case .object(var matching) = pairs[m].1,
      !matching.contains(where: { $0.0 == "max_list_matches_per_entity" })
    {
      matching.append(("max_list_matches_per_entity", .number(20)))
      pairs[m].1 = .object(matching)
    }
    if !pairs.contains(where: { $0.0 == "ftm_topics" }) {
      pairs.append(("ftm_topics", try json(Array(FtMTopicMapping.defaultJSON.utf8))))
    }
    return .object(pairs)
  }

  private static func json(_ bytes: [UInt8]) throws(RiskConfigError) -> JSONValue {
    do {
      return try JSONParser.parse(bytes: bytes, maxDepth: 32)
    } catch {
      throw .syntax(line: error.line, column: error.column, message: error.message)
    }
  }

  private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// Recursive merge; the user's objects may only name keys the defaults have.
  private static func merge(_ base: JSONValue, _ user: JSONValue, path: String) throws(RiskConfigError) -> JSONValue {
    guard case .object(let basePairs) = base else { return user }
    guard case .object(let userPairs) = user else {
      throw .wrongType(path: path.isEmpty ? "(root)" : path, expected: "an object")
    }
    var merged = basePairs
    for (key, value) in userPairs {
      guard let index = merged.firstIndex(where: { $0.0 == key }) else {
        // The severity table and the FtM topic table are open: a user may add entries.
        guard path == "audit.severity_map" || path.hasPrefix("audit.severity_map.") || path == "ftm_topics" else {
          throw .unknownKey(path: join(path, key))
        }
        merged.append((key, value))
        continue
      }
      merged[index].1 = try merge(merged[index].1, value, path: join(path, key))
    }
    return .object(merged)
  }

  private static func decode(_ root: JSONValue) throws(RiskConfigError) -> RiskConfig {
    let reader = ConfigReader(root: root)
    let categories = try reader.strings("categories")
    if categories.isEmpty { throw .invalid(path: "categories", message: "needs at least one category") }
    for (i, category) in categories.enumerated() {
      if category.isEmpty { throw .invalid(path: "categories[\(i)]", message: "empty category") }
      if categories[..<i].contains(where: { $0.utf8Equals(category) }) {
        throw .invalid(path: "categories[\(i)]", message: "duplicate category '\(category)'")
      }
    }
    func edge(_ name: String) throws(RiskConfigError) -> EdgeRule {
      let path = "edges." + name
      let text = try reader.string(path + ".direction")
      guard let direction = Direction(rawValue: text) else {
        throw .invalid(path: path + ".direction", message: "'\(text)' is not forward, backward, both or none")
      }
      return EdgeRule(direction: direction, factor: try reader.unit(path + ".factor"))
    }
    let maxDepthValue = try reader.number("max_depth")
    guard maxDepthValue >= 0, maxDepthValue == maxDepthValue.rounded(), maxDepthValue <= 1_000_000 else {
      throw .outOfRange(path: "max_depth", value: maxDepthValue, range: "integers 0 ... 1000000")
    }
    let controlShare = try reader.number("control_share")
    guard controlShare > 0, controlShare <= 100 else {
      throw .outOfRange(path: "control_share", value: controlShare, range: "(0, 100]")
    }
    let hopDecay = try reader.number("hop_decay")
    guard hopDecay > 0, hopDecay <= 1 else { throw .outOfRange(path: "hop_decay", value: hopDecay, range: "(0, 1]") }
    let levels = Levels(
      critical: try reader.unit("levels.critical"), high: try reader.unit("levels.high"),
      medium: try reader.unit("levels.medium"))
    guard levels.medium > 0 else { throw .outOfRange(path: "levels.medium", value: levels.medium, range: "(0, 1]") }
    guard levels.medium <= levels.high else {
      throw .invalid(path: "levels.medium", message: "\(levels.medium) is above levels.high \(levels.high)")
    }
    guard levels.high <= levels.critical else {
      throw .invalid(path: "levels.high", message: "\(levels.high) is above levels.critical \(levels.critical)")
    }
    let legalForms = try reader.strings("legal_forms")
    let matching = try matchConfig(reader)
    var config = RiskConfig(
      categories: categories, supplies: try edge("supplies"), subcontracts: try edge("subcontracts"),
      operates: try edge("operates"), owns: try edge("owns"), controlShare: controlShare,
      observedConfidence: try reader.unit("basis_confidence.observed"),
      declaredConfidence: try reader.unit("basis_confidence.declared"),
      inferredConfidence: try reader.unit("basis_confidence.inferred"), hopDecay: hopDecay,
      maxDepth: Int(maxDepthValue), levels: levels,
      identifierMatchScore: try reader.unit("list_match_score.identifier"),
      nameCountryMatchScore: try reader.unit("list_match_score.name-country"),
      nameOnlyMatchScore: try reader.unit("list_match_score.name-only"),
      nameFuzzyMatchScore: try reader.unit("list_match_score.name-fuzzy"),
      conformantScore: try reader.unit("smelter_status_score.conformant"),
      activeScore: try reader.unit("smelter_status_score.active"),
      nonConformantScore: try reader.unit("smelter_status_score.non-conformant"),
      unknownStatusScore: try reader.unit("smelter_status_score.unknown"),
      ilabChildLabourScore: try reader.unit("ilab_scores.child_labour"),
      ilabForcedLabourScore: try reader.unit("ilab_scores.forced_labour"), legalForms: legalForms,
      audit: try root["audit"].map { value throws(RiskConfigError) in try AuditConfig.decode(value) } ?? .defaults,
      matching: matching, screensFuzzy: try reader.bool("matching.fuzzy_screening"),
      findsDuplicates: try reader.bool("matching.duplicates"),
      duplicatesMaxEntities: try Self.count(reader, "matching.duplicates_max_entities"))
    if root["matching"]?["max_list_matches_per_entity"] != nil {
      config.maxListMatchesPerEntity = try Self.count(reader, "matching.max_list_matches_per_entity")
    }
    config.ftmTopics = try FtMTopicMapping.decode(root["ftm_topics"])
    return config
  }

  /// An integer setting in 1 … 1 000 000 000.
  private static func count(_ reader: ConfigReader, _ path: String) throws(RiskConfigError) -> Int {
    let value = try reader.number(path)
    guard value >= 1, value <= 1_000_000_000, value == value.rounded() else {
      throw .outOfRange(path: path, value: value, range: "integers 1 ... 1000000000")
    }
    return Int(value)
  }

  /// The `matching` section: thresholds in [0, 1] with address_conflict ≤ address_agree and
  /// possible ≤ same; block and candidate limits integers ≥ 1.
  private static func matchConfig(_ reader: ConfigReader) throws(RiskConfigError) -> MatchConfig {
    func count(_ path: String) throws(RiskConfigError) -> Int { try Self.count(reader, path) }
    let config = MatchConfig(
      possible: try reader.unit("matching.possible"), same: try reader.unit("matching.same"),
      addressAgree: try reader.unit("matching.address_agree"),
      addressConflict: try reader.unit("matching.address_conflict"), screening: try reader.unit("matching.screening"),
      maxBlock: try count("matching.max_block"), maxCandidates: try count("matching.max_candidates"),
      duplicatesMaxBlock: try count("matching.duplicates_max_block"))
    guard config.possible <= config.same else {
      throw .invalid(path: "matching.possible", message: "\(config.possible) is above matching.same \(config.same)")
    }
    guard config.addressConflict <= config.addressAgree else {
      throw .invalid(
        path: "matching.address_conflict",
        message: "\(config.addressConflict) is above matching.address_agree \(config.addressAgree)")
    }
    return config
  }
}

/// Typed access to the merged configuration by dotted key path.
private struct ConfigReader {
  let root: JSONValue

  func value(_ path: String) throws(RiskConfigError) -> JSONValue {
    var current = root
    for key in path.split(separator: ".") {
      guard let next = current[String(key)] else { throw .invalid(path: path, message: "missing") }
      current = next
    }
    return current
  }

  func number(_ path: String) throws(RiskConfigError) -> Double {
    guard let number = try value(path).numberValue else { throw .wrongType(path: path, expected: "a number") }
    return number
  }

  func unit(_ path: String) throws(RiskConfigError) -> Double {
    let number = try number(path)
    guard number >= 0, number <= 1 else { throw .outOfRange(path: path, value: number, range: "[0, 1]") }
    return number
  }

  func bool(_ path: String) throws(RiskConfigError) -> Bool {
    guard case .bool(let value) = try value(path) else { throw .wrongType(path: path, expected: "true or false") }
    return value
  }

  func string(_ path: String) throws(RiskConfigError) -> String {
    guard let text = try value(path).stringValue else { throw .wrongType(path: path, expected: "a string") }
    return text
  }

  func strings(_ path: String) throws(RiskConfigError) -> [String] {
    guard let items = try value(path).arrayValue else { throw .wrongType(path: path, expected: "an array of strings") }
    var result: [String] = []
    for (i, item) in items.enumerated() {
      guard let text = item.stringValue else { throw .wrongType(path: "\(path)[\(i)]", expected: "a string") }
      result.append(text)
    }
    return result
  }
}
