import TierscanCore
import TierscanIngest

/// Which companies of the focus's chain are expected to return a CMRT (docs/cmrt-rollup.md).
///
/// A company (kind `company`) with tier ≥ 1 is expected when at least one holds:
/// - `commodity:` one of its commodities names a 3TG term;
/// - `supplies:` one of its outgoing `supplies`/`subcontracts` edges carries such a commodity;
/// - `buys:` one of its incoming `supplies` edges carries such a commodity (e.g. smelters it
///   declared in a disclosure);
/// - `cmrt-q1:` one of its CMRTs answers question 1 Yes for a metal.
///
/// A commodity names a 3TG term when one of its words (split at every character that is not a
/// letter or digit, lower-cased) is a metal (`tantalum`, `tin`, `gold`, `tungsten`) or an ore
/// of one (`coltan`, `columbite`, `tantalite`, `cassiterite`, `wolframite`).
public enum CMRTReportingRule {
  /// The words that make a commodity a 3TG commodity.
  public static let terms: Set<String> = [
    "tantalum", "tin", "gold", "tungsten", "coltan", "columbite", "tantalite", "cassiterite", "wolframite",
  ]

  /// Whether a commodity names a 3TG metal or ore.
  public static func is3TG(_ commodity: String) -> Bool {
    var word = ""
    for character in commodity.lowercased() {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else {
        if terms.contains(word) { return true }
        word = ""
      }
    }
    return terms.contains(word)
  }

  /// The reasons `entity` is expected to report (empty: not expected), without the tier test.
  ///
  /// - Parameter q1Metals: metals answered Yes in question 1 by the entity's CMRTs.
  /// - Complexity: O(commodities + degree of the entity).
  public static func reasons(for entity: EntityIndex, in graph: SupplyGraph, q1Metals: [String]) -> [String] {
    guard graph.entities.kind(of: entity) == .company else { return [] }
    var reasons: Set<String> = []
    for commodity in graph.entities.commodities(of: entity) where is3TG(commodity) { reasons.insert("commodity:" + commodity) }
    for edge in graph.outgoing.edges(of: entity) {
      let relationship = graph.relationships[Int(edge)]
      guard relationship.type == .supplies || relationship.type == .subcontracts,
        let commodity = relationship.commodity, is3TG(commodity)
      else { continue }
      reasons.insert("supplies:" + commodity)
    }
    for edge in graph.incoming.edges(of: entity) {
      let relationship = graph.relationships[Int(edge)]
      guard relationship.type == .supplies, let commodity = relationship.commodity, is3TG(commodity) else { continue }
      reasons.insert("buys:" + commodity)
    }
    for metal in q1Metals { reasons.insert("cmrt-q1:" + metal) }
    return reasons.sorted { $0.utf8Precedes($1) }
  }
}
