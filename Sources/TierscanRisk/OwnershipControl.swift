import TierscanCore

/// Aggregate ownership, the "50 % rule" (model §3, OFAC FAQ 398–401): an entity is listed by
/// control in a category when the shares held in it by entities listed in that category (by an
/// `identifier` or `name-country` match, or by control) sum to ≥ `control_share`; iterated to a
/// fixpoint. Each distinct owner counts once, with its largest `owns` share in that entity.
/// Independent of the `edges` settings.
public struct OwnershipControl: Sendable {
  public let config: RiskConfig

  /// Creates the rule.
  public init(config: RiskConfig) { self.config = config }

  /// Adds `ownership-aggregate` rules (score 1.0) to `risk` and warns once per entity whose
  /// owners' shares sum over 100.
  ///
  /// - Complexity: O(C · (V + E)); each entity enters the work queue at most once per category.
  public func apply(graph: SupplyGraph, to risk: inout InherentRisk, findings: inout FindingLog) {
    let stakes = OwnershipStakes(graph: graph)
    guard !stakes.isEmpty else { return }
    for x in 0..<graph.entityCount {
      let list = stakes.stakes(in: EntityIndex(x))
      let total = list.reduce(0) { $0 + $1.share }
      if total > 100 + 1e-9 {
        // Cite the stake (in input order) with which the running sum first passes 100 %.
        var running = 0.0
        let first = list.sorted { $0.edge < $1.edge }.first { stake in
          running += stake.share
          return running > 100 + 1e-9
        }!.edge
        findings.add(
          .warning, .ownershipOver100, at: graph.relationships.provenance(Int(first)),
          "shares held in '\(graph.entities.id(of: x))' sum to \(total)%",
          evidence: [Attribute("entity", graph.entities.id(of: x)), Attribute("total", "\(total)")])
      }
    }
    let threshold = config.controlShare - 1e-9
    for c in risk.categories.indices {
      var queue = risk.entities(in: c) { $0.rule == .identifier || $0.rule == .nameCountry }
      guard !queue.isEmpty else { continue }
      var listed = [Bool](repeating: false, count: graph.entityCount)
      for v in queue { listed[Int(v)] = true }
      var held = [Double](repeating: 0, count: graph.entityCount)
      var head = 0
      while head < queue.count {
        let o = queue[head]
        head += 1
        for x in stakes.entities(heldBy: o) {
          held[Int(x)] += stakes.stakes(in: x).first { $0.owner == o }!.share
          if !listed[Int(x)], held[Int(x)] >= threshold {
            listed[Int(x)] = true
            queue.append(x)
          }
        }
      }
      for x in 0..<graph.entityCount where held[x] >= threshold {
        let holders = stakes.stakes(in: EntityIndex(x)).filter { listed[Int($0.owner)] }
        let first = holders.map(\.edge).min()!
        let owners: [JSONValue] = holders.map {
          .object([("id", .string(graph.entities.id(of: Int($0.owner)))), ("share", .number($0.share))])
        }
        risk.add(
          RuleHit(
            rule: .ownershipAggregate, category: risk.categories[c], score: 1.0,
            provenance: graph.relationships.provenance(Int(first)),
            evidence: [("owners", .array(owners)), ("total_share", .number(held[x]))]),
          to: EntityIndex(x), in: c)
      }
    }
  }
}
