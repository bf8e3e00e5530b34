import Foundation
import TierscanCore
import TierscanRisk

/// A short human summary of a scan for the terminal: the focus's exposure per category with the
/// tier-1 supplier it arrives through, counts per level, and coverage per tier.
public enum ScanSummary {
  /// The summary text (deterministic; ends with a newline).
  public static func text(_ analysis: RiskAnalysis) -> String {
    let graph = analysis.graph
    let focus = graph[analysis.focus]
    var out = "focus \(focus.id) (\(focus.name)): \(graph.entityCount) entities, \(graph.relationshipCount) relationships\n"
    let focusExposures = analysis.exposures(of: analysis.focus)
    if focusExposures.isEmpty {  // never "no exposure" alone while something is unassessed
      out += "  no exposure reaches the focus"
      let gaps = analysis.unassessed.categories.filter { $0.total > 0 }.map(\.name).sorted { $0.utf8Precedes($1) }
      if !gaps.isEmpty { out += " (not a clean result: entities are unassessed in \(gaps.joined(separator: ", ")))" }
      out += "\n"
    }
    for exposure in focusExposures {
      out += "  \(exposure.category): \(String(format: "%.3f", exposure.score)) \(exposure.level.rawValue)"
      out += ", source \(graph.entities.id(of: exposure.source)), \(exposure.hops) hop(s)"
      if let last = exposure.path.hops.last, last.to == analysis.focus, analysis.tiers[Int(last.from)] == 1 {
        out += ", via tier-1 supplier \(graph.entities.id(of: last.from))"
      }
      out += "\n"
    }
    // Counted in place: filtering would copy every exposure (and retain its path and rules). By
    // the level's position in `allCases`: a dictionary keyed by the level hashed its raw string
    // for each of the 2.3M exposures at 1M (0.13 s on one core at the end of the scan).
    let levels = RiskLevel.allCases
    var perLevel = [Int](repeating: 0, count: levels.count)
    for i in analysis.exposures.indices where analysis.tiers[Int(analysis.exposures[i].entity)] != nil {
      let level = analysis.exposures[i].level
      perLevel[levels.firstIndex(of: level)!] += 1
    }
    let counts = levels.indices.reversed().map { k in "\(levels[k].rawValue) \(perLevel[k])" }
    out += "exposures in the chain: " + counts.joined(separator: ", ") + "\n"
    for tier in analysis.coverage.tiers where tier.tier >= 1 {
      let percent = Int((tier.disclosedShare * 100).rounded())
      var unmapped = "\(tier.unmapped.count) unmapped"
      if analysis.coverage.hasVisibilityDeclarations, tier.unmappedDeclaredOpaque + tier.unmappedDeclaredVisible > 0 {
        unmapped += " (\(tier.unmappedDeclaredOpaque) declared opaque, \(tier.unmappedDeclaredVisible) declared visible)"
      }
      out += "  tier \(tier.tier): \(tier.entities) entities, \(unmapped), \(percent)% disclosed sub-tiers\n"
    }
    out += declaredTierLine(analysis.declaredTiers)
    out += unassessedLines(analysis.unassessed)
    var missing: [String] = []
    if !analysis.coverage.hasRiskList { missing.append("risk list") }
    if !analysis.coverage.hasCountryRisk { missing.append("country risk") }
    if !analysis.coverage.hasSmelterStatus { missing.append("smelter status reference (smelter status unassessed)") }
    if !missing.isEmpty { out += "missing reference data: " + missing.joined(separator: ", ") + "\n" }
    return out
  }

  /// `declared tiers: …` when a supplier list declared any (docs/formats.md#declared-tiers):
  /// how many were compared with the computed tiers, how many disagree, and why the rest were not.
  static func declaredTierLine(_ comparison: DeclaredTierComparison) -> String {
    guard comparison.declared + comparison.invalid > 0 else { return "" }
    let disagree = comparison.disagreements.count
    var out = "declared tiers: \(comparison.agree + disagree) compared with the computed tiers, \(comparison.agree) agree"
    out += ", \(disagree) disagree" + (disagree > 0 ? " (declared-tier-mismatch)" : "")
    var notCompared: [String] = []
    if comparison.discloserNotFocus > 0 { notCompared.append("\(comparison.discloserNotFocus) from another discloser") }
    if comparison.noPath > 0 { notCompared.append("\(comparison.noPath) with no path to the focus") }
    if comparison.noDiscloser > 0 { notCompared.append("\(comparison.noDiscloser) in looping lists") }
    if comparison.invalid > 0 { notCompared.append("\(comparison.invalid) refused (invalid-tier)") }
    if !notCompared.isEmpty { out += "; not compared: " + notCompared.joined(separator: ", ") }
    return out + "\n"
  }

  /// A heading, then one line per category (byte order): `C: K of N entities unassessed (P%)`
  /// and the reasons with their counts.
  static func unassessedLines(_ unassessed: Unassessed) -> String {
    var out = "unassessed (no inherent-risk input could apply; not a clean result):\n"
    for category in unassessed.categories.sorted(by: { $0.name.utf8Precedes($1.name) }) {
      out += "  \(category.name): \(category.total) of \(category.entities) entities unassessed"
      out += " (\(String(format: "%.0f", category.percent))%)"
      if !category.reasons.isEmpty {
        out += ": " + category.reasons.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", ")
      }
      out += "\n"
    }
    return out
  }
}
