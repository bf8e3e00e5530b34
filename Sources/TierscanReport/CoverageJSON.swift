import TierscanCore
import TierscanRisk

/// `coverage.json`: per tier entities, unmapped entities and disclosure share, plus which
/// reference data was missing, and per category the entities of the chain no inherent-risk input
/// could apply to, by reason.
public enum CoverageJSON {
  /// `unassessed`: per category (byte order) the chain's entity count, the unassessed count and
  /// the count of every reason (zeros included, so the keys never change).
  static func unassessed(_ unassessed: Unassessed) -> JSONValue {
    let categories = unassessed.categories.sorted { $0.name.utf8Precedes($1.name) }
    return .object(
      categories.map { category in
        let reasons = zip(UnassessedReason.allCases, category.counts).map { ($0.0.rawValue, JSONValue.number(Double($0.1))) }
        return (
          category.name,
          .object([
            ("entities", .number(Double(category.entities))), ("unassessed", .number(Double(category.total))),
            ("by_reason", .object(reasons)),
          ])
        )
      })
  }

  /// `declared_tiers`: supplier lists' declared tiers against the computed ones (every key always
  /// present; docs/outputs.md#declared-tiers).
  static func declaredTiers(_ comparison: DeclaredTierComparison, graph: SupplyGraph) -> JSONValue {
    let number = { (value: Int) in JSONValue.number(Double(value)) }
    let compared = comparison.agree + comparison.disagreements.count
    return .object([
      ("declared", number(comparison.declared)),
      ("invalid", number(comparison.invalid)),
      ("compared", number(compared)),
      ("agree", number(comparison.agree)),
      ("disagree", number(comparison.disagreements.count)),
      (
        "not_compared",
        .object([
          ("discloser_not_focus", number(comparison.discloserNotFocus)),
          ("no_path_to_focus", number(comparison.noPath)),
          ("no_discloser", number(comparison.noDiscloser)),
        ])
      ),
      (
        "declared_vs_computed",
        .array(
          comparison.cells.map { cell in
            .object([("declared", number(cell.declared)), ("computed", number(cell.computed)), ("rows", number(cell.rows))])
          })
      ),
      (
        "disagreements",
        .array(
          comparison.disagreements.map { item in
            var fields: [(String, JSONValue)] = [
              ("entity_id", .string(graph.entities.id(of: item.entity))), ("declared", number(item.declared)),
              ("computed", number(item.computed)), ("file", .string(item.provenance.file)),
              ("line", item.provenance.line.map(number) ?? .null),
            ]
            if let sheet = item.provenance.sheet { fields.append(("sheet", .string(sheet))) }
            return .object(fields)
          })
      ),
    ])
  }

  /// The coverage object.
  public static func object(_ analysis: RiskAnalysis) -> JSONValue {
    let coverage = analysis.coverage
    let graph = analysis.graph
    let tiers: [JSONValue] = coverage.tiers.map { tier in
      var pairs: [(String, JSONValue)] = [
        ("tier", .number(Double(tier.tier))), ("entities", .number(Double(tier.entities))),
        ("unmapped", .number(Double(tier.unmapped.count))), ("disclosed", .number(Double(tier.disclosed))),
        ("disclosed_share", .number(tier.disclosedShare)),
        ("unmapped_ids", .array(tier.unmapped.map { .string(graph.entities.id(of: $0)) })),
      ]
      // Only when an input declares visibility (OMTS visibility_depth), so other outputs keep their bytes.
      if coverage.hasVisibilityDeclarations {
        let unknown = tier.unmapped.count - tier.unmappedDeclaredOpaque - tier.unmappedDeclaredVisible
        pairs.append(
          (
            "unmapped_visibility",
            .object([
              ("declared_opaque", .number(Double(tier.unmappedDeclaredOpaque))),
              ("declared_visible", .number(Double(tier.unmappedDeclaredVisible))), ("unknown", .number(Double(unknown))),
            ])
          ))
      }
      return .object(pairs)
    }
    return .object([
      ("focus", .string(graph.entities.id(of: analysis.focus))),
      ("tiers", .array(tiers)),
      ("entities_in_chain", .number(Double(coverage.tiers.reduce(0) { $0 + $1.entities }))),
      ("untiered_entities", .number(Double(coverage.untiered))),
      ("unmapped_total", .number(Double(coverage.tiers.reduce(0) { $0 + $1.unmapped.count }))),
      (
        "reference_data",
        .object([
          ("risk_list", .string(coverage.hasRiskList ? "present" : "missing")),
          ("country_risk", .string(coverage.hasCountryRisk ? "present" : "missing")),
          ("smelter_status", .string(coverage.hasSmelterStatus ? "assessed" : "unassessed")),
        ])
      ),
      ("unassessed", unassessed(analysis.unassessed)),
      ("declared_tiers", declaredTiers(analysis.declaredTiers, graph: graph)),
    ])
  }
}
