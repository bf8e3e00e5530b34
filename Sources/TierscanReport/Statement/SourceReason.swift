import TierscanCore
import TierscanRisk

/// Why a risk source behind a flagged exposure is a source: one inherent-risk rule that applies
/// to it, in words an auditor can check against the reference row (the list's name, the ILAB or
/// country row, the smelter's status with the reference's as-of date).
public struct SourceReason: Sendable, Hashable {
  public var sourceID: String
  public var name: String
  /// The source's tier (nil outside the chain).
  public var tier: Int?
  public var category: String
  /// The rule (`identifier`, `name-country`, `country-commodity`, `smelter-status`, …).
  public var rule: RiskRuleID
  /// The score the rule gives (r₀ is the highest of the source's rules).
  public var score: Double
  /// What the rule rests on, e.g. `list Sample WRO list`, `US DOL ILAB …: cotton, China, forced
  /// labour`, `status non-conformant (reference as of 2025-06-30)`.
  public var detail: String
  /// The row the rule comes from (`file:line`, with sheet and cell for workbooks).
  public var row: String

  /// One reason per (source, category, rule row) behind `selection`, sorted by source id,
  /// category, rule and row.
  ///
  /// - Complexity: O(X · r) for X exposures with r rules per source, plus sorting.
  public static func reasons(_ selection: [Exposure], in analysis: RiskAnalysis) -> [SourceReason] {
    let graph = analysis.graph
    var seen = Set<[RawKey]>()
    var reasons: [SourceReason] = []
    for exposure in selection {
      let source = graph[exposure.source]
      for rule in exposure.rules {
        let row = rule.provenance?.description ?? ""
        guard seen.insert([RawKey(source.id), RawKey(rule.category), RawKey(rule.rule.id), RawKey(row)]).inserted else {
          continue
        }
        reasons.append(
          SourceReason(
            sourceID: source.id, name: source.name, tier: analysis.tiers[Int(exposure.source)],
            category: rule.category, rule: rule.rule, score: rule.score, detail: detail(of: rule), row: row))
      }
    }
    return reasons.sorted { a, b in
      if !a.sourceID.utf8Equals(b.sourceID) { return a.sourceID.utf8Precedes(b.sourceID) }
      if !a.category.utf8Equals(b.category) { return a.category.utf8Precedes(b.category) }
      if a.rule != b.rule { return a.rule < b.rule }
      return a.row.utf8Precedes(b.row)
    }
  }

  /// The rule's evidence in words.
  static func detail(of rule: RuleHit) -> String {
    let evidence = JSONValue.object(rule.evidence)
    func text(_ key: String) -> String? { evidence[key]?.stringValue }
    switch rule.rule {
    case .countryCommodity:
      let row = [text("country"), text("commodity")].compactMap { $0 }.joined(separator: " × ")
      return row + (text("source").map { ": \($0)" } ?? "")
    case .smelterStatus:
      let status = "status \(text("status") ?? "unknown")"
      switch text("status_from") {
      case "no-cid": return status + " (no CID, so no status reference row applies)"
      case "cid-not-in-reference": return status + " (\(text("cid") ?? "the CID") is not in the status reference)"
      default:
        let raw = text("reference_status").map { " ('\($0)')" } ?? ""
        return status + raw + " in the status reference, " + (text("as_of").map { "as of \($0)" } ?? "which gives no as-of date")
      }
    case .ownershipAggregate:
      let owners = evidence["owners"]?.arrayValue?.compactMap { owner -> String? in
        guard let id = owner["id"]?.stringValue, let share = owner["share"]?.numberValue else { return nil }
        return "\(id) \(JSONWriter.formatNumber(share))%"
      } ?? []
      return "owned ≥ the control share by listed owners: " + owners.joined(separator: ", ")
    case .auditFinding:
      let state = text("state_at_period_end") ?? ""
      return "audit finding \(text("finding") ?? "") (\(text("scheme") ?? "") \(text("severity_raw") ?? text("severity") ?? ""), \(state))"
    case .identifier, .nameCountry, .nameOnly, .nameFuzzy:
      var out = "list \(text("list") ?? "")"
      if let name = text("name") { out += ": \(name)" }
      if let matched = text("matched_on"), matched != text("name") { out += " (matched on \(matched))" }
      return out
    }
  }
}
