import TierscanCore

/// The `audit` section of the risk configuration (docs/audits.md): how audit findings score,
/// how long a verified-closed finding keeps a reduced score, when an assessment is too old to
/// count, and the scheme severity table.
///
/// The section is optional in a config file; its defaults (``defaultJSON``) are merged in before
/// a user's file, so the shipped `default-config.json` (and its SHA-256) is unchanged.
public struct AuditConfig: Sendable, Equatable {
  /// r₀ of an open or unverified finding, by neutral severity.
  public var findingScores: [AuditSeverity: Double]
  /// The factor a verified-closed finding's score is multiplied by while in its window.
  public var verifiedFactor: Double
  /// How many months after `closed_date` a verified-closed finding keeps its reduced score,
  /// measured to the period end.
  public var verifiedWindowMonths: Int
  /// An assessment older than this many months at the period end counts as not assessed (as one
  /// past its `valid_until`).
  public var maxAgeMonths: Int
  /// The risk category a finding's neutral category raises (neutral category → risk category).
  public var categories: [AuditFindingCategory: String]
  /// The risk category any ILO indicator on a finding raises.
  public var iloIndicatorCategory: String
  /// Scheme severities → neutral severity.
  public var severityMap: AuditSeverityMap

  /// The defaults' JSON text (documented in docs/audits.md; a test checks they agree).
  public static let defaultJSON = #"""
    {
      "finding_scores": {"critical": 1.0, "major": 0.6, "minor": 0.3, "observation": 0.0},
      "verified_factor": 0.5,
      "verified_window_months": 24,
      "max_age_months": 36,
      "categories": {"forced_labour": "forced_labour", "child_labour": "child_labour"},
      "ilo_indicator_category": "forced_labour",
      "severity_map": {}
    }
    """#

  /// The defaults.
  public static let defaults: AuditConfig = {
    do {
      return try decode(JSONParser.parse(bytes: Array(defaultJSON.utf8), maxDepth: 8))
    } catch {
      fatalError("the shipped audit config is invalid: \(error)")
    }
  }()

  /// Reads a merged `audit` object.
  ///
  /// A mapping to a risk category the config does not have never applies (a config with other
  /// categories stays valid); such findings are counted as raising no risk category.
  static func decode(_ value: JSONValue) throws(RiskConfigError) -> AuditConfig {
    func number(_ key: String) throws(RiskConfigError) -> Double {
      guard let n = value[key]?.numberValue else { throw .wrongType(path: "audit." + key, expected: "a number") }
      return n
    }
    func unit(_ path: String, _ n: Double) throws(RiskConfigError) -> Double {
      guard n >= 0, n <= 1 else { throw .outOfRange(path: path, value: n, range: "[0, 1]") }
      return n
    }
    func months(_ key: String) throws(RiskConfigError) -> Int {
      let n = try number(key)
      guard n >= 0, n == n.rounded(), n <= 1200 else { throw .outOfRange(path: "audit." + key, value: n, range: "integers 0 ... 1200") }
      return Int(n)
    }
    func category(_ path: String, _ json: JSONValue?) throws(RiskConfigError) -> String {
      guard let text = json?.stringValue else { throw .wrongType(path: path, expected: "a string") }
      return text
    }
    var scores: [AuditSeverity: Double] = [:]
    for severity in AuditSeverity.allCases {
      let path = "audit.finding_scores." + severity.rawValue
      guard let n = value["finding_scores"]?[severity.rawValue]?.numberValue else { throw .wrongType(path: path, expected: "a number") }
      scores[severity] = try unit(path, n)
    }
    var mapped: [AuditFindingCategory: String] = [:]
    for (key, target) in value["categories"]?.objectValue ?? [] {
      guard let neutral = AuditFindingCategory(rawValue: key) else {
        throw .invalid(path: "audit.categories." + key, message: "not a finding category")
      }
      mapped[neutral] = try category("audit.categories." + key, target)
    }
    return AuditConfig(
      findingScores: scores, verifiedFactor: try unit("audit.verified_factor", number("verified_factor")),
      verifiedWindowMonths: try months("verified_window_months"), maxAgeMonths: try months("max_age_months"),
      categories: mapped, iloIndicatorCategory: try category("audit.ilo_indicator_category", value["ilo_indicator_category"]),
      severityMap: try AuditSeverityMap.defaults.overridden(by: value["severity_map"], path: "audit.severity_map"))
  }

  /// The score of a finding of `severity`.
  public func score(of severity: AuditSeverity) -> Double { findingScores[severity] ?? 0 }
}
