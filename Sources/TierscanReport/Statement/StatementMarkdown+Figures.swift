import TierscanCore
import TierscanRisk

/// The figures whose definitions a reader must see next to the number: the chain's composition,
/// the focus's exposure with its ties and unassessed counts, exposures counted two ways.
extension StatementMarkdown {
  static func structure(_ f: StatementFigures) -> String {
    let c = f.composition
    var out = "Entities in the mapped chain below the reporting entity (tier 1 and below): **\(c.entities)**, of which "
    out += "**\(c.suppliers) suppliers** (companies \(c.companies), facilities \(c.facilities)"
    out += c.rawMaterialProducers > 0 ? "; \(c.rawMaterialProducers) of them raw-material producers)" : ")"
    out += ", **\(c.smelters) smelters and refiners** and **\(c.mines) mines**"
    out += c.other > 0 ? ", and \(c.other) of other kinds" : ""
    out += "; related entities outside the chain (owners, operators): \(f.untiered).\n\n"
    out += table(["tier", "entities", "by kind"], f.byTier.map { t in [String(t.tier), String(t.entities), t.byKind.map { "\($0.key) \($0.count)" }.joined(separator: ", ")] })
    out += table(["country", "entities (tier ≥ 1)"], f.byCountry.map { [$0.key, String($0.count)] })
    out += table(["sector", "entities (tier ≥ 1)"], f.bySector.map { [$0.key, String($0.count)] })
    return out
  }

  /// "62 of 76 (82%)" for a category's unassessed entities.
  static func unassessedCell(_ category: Unassessed.Category?) -> String {
    guard let category else { return "-" }
    return "\(category.total) of \(category.entities) (\(Int(category.percent.rounded()))%)"
  }

  /// A source cell naming the ties: "PCB-GZ — and 2 other sources with the same score".
  static func sourceWithTies(_ source: String, ties: Int) -> String {
    ties == 0 ? source : "\(source) — and \(ties) other source\(ties == 1 ? "" : "s") with the same score"
  }

  static func focusExposure(_ f: StatementFigures) -> String {
    var out = "Exposure of the reporting entity per category (the strongest path; see paths.json). "
    out += "Where other risk sources reach it with the same score, the source shown is the tie-break (fewest hops, then "
    out += "the smaller entity ids along the path; docs/risk-model.md), not the only one. \"Unassessed\" counts the chain's entities (the reporting "
    out += "entity included) that no inherent-risk input of the category could apply to: not a clean result.\n\n"
    let rows = f.focusTies.sorted { $0.name.utf8Precedes($1.name) }.map { tie -> [String] in
      let unassessed = unassessedCell(f.unassessed.first { $0.name.utf8Equals(tie.name) })
      guard let e = f.focusExposures.first(where: { $0.category.utf8Equals(tie.name) }) else {
        return [tie.name, "none found", score(0), "-", "-", unassessed]
      }
      return [e.category, e.level.rawValue, score(e.score), sourceWithTies(e.sourceID, ties: tie.otherTiedSources), String(e.hops), unassessed]
    }
    return out + table(["category", "level", "score", "source", "hops", "unassessed in the chain"], rows)
  }

  static func unassessed(_ f: StatementFigures) -> String {
    var out = "Unassessed (SPEC §6): entities of the chain, the reporting entity included, that no inherent-risk input "
    out += "of the category could apply to, by the first reason that holds. An unassessed entity is a gap in the "
    out += "reference data or in the entity's own data, never a clean result.\n\n"
    return out + table(["category", "entities in the chain", "unassessed", "by reason"], f.unassessed.map { c in
      [c.name, String(c.entities), unassessedCell(c), c.reasons.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", ")]
    })
  }

  static func flagged(_ f: StatementFigures) -> String {
    let counts = f.exposureCounts
    var out = "Exposures of entities below the reporting entity (tier ≥ 1), counted two ways: **\(counts.entities) distinct entities** "
    out += "are exposed; they carry **\(counts.pairs) entity × category exposures** (an entity exposed in three categories "
    out += "counts once as an entity and three times as entity × category). The reporting entity's own exposure is above.\n\n"
    out += table(["level", "distinct entities (at their highest level)", "entity × category"], counts.levels.map {
      [$0.level.rawValue, String($0.entities), String($0.pairs)]
    })
    let chain = f.flags.filter { $0.tier >= 1 }
    out += "Entity × category exposures by category and level, with the category's unassessed entities:\n\n"
    out += table(["category"] + RiskLevel.allCases.reversed().map(\.rawValue) + ["unassessed in the chain"], f.unassessed.map { c in
      [c.name] + RiskLevel.allCases.reversed().map { level in String(chain.filter { $0.level == level && $0.category.utf8Equals(c.name) }.count) }
        + [unassessedCell(c)]
    })
    let ranked = StatementFigures.ranked(f.flags).filter { $0.level >= .medium }
    let same = StatementFigures.sameScoreCounts(ranked)
    out += "Medium and above, by level, then tier (nearest first), then score, then id (path = index into paths.json; "
    out += "\"same score\" = how many other rows of this table have exactly this score — tied rows are in id order, not ranked):\n\n"
    out += table(["entity", "name", "tier", "category", "level", "score", "same score", "source", "path"], zip(ranked, same).map { flag, same in
      [flag.entityID, flag.name, String(flag.tier), flag.category, flag.level.rawValue, score(flag.score), same == 0 ? "" : String(same), flag.sourceID, "paths.json[\(flag.pathIndex)]"]
    })
    return out
  }
}
