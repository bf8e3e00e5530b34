import TierscanCore

/// How much of the focus's chain is mapped, and which reference data was missing (model §3).
/// An unmapped branch is a gap, never a clean result.
public struct Coverage: Sendable, Equatable {
  /// Figures for one tier.
  public struct Tier: Sendable, Equatable {
    public var tier: Int
    /// Entities with this tier.
    public var entities: Int
    /// Entities with no upstream `supplies`/`subcontracts` edge that are not smelters, mines or
    /// raw-material producers (tier ≥ 1 only; always 0 for tier 0).
    public var unmapped: [EntityIndex]
    /// Entities with at least one upstream `supplies`/`subcontracts` edge (disclosed sub-tiers).
    public var disclosed: Int
    /// Unmapped entities whose own supply edge declares `visibility_depth` 0: the discloser says
    /// it sees nothing beyond them ("declared opaque", as opposed to not known).
    public var unmappedDeclaredOpaque: Int = 0
    /// Unmapped entities whose supply edge declares `visibility_depth` ≥ 1 although no sub-tier
    /// of theirs is given ("mapped, none found" by the discloser's account; still unmapped here).
    public var unmappedDeclaredVisible: Int = 0

    /// `disclosed / entities` (0 when the tier is empty).
    public var disclosedShare: Double { entities == 0 ? 0 : Double(disclosed) / Double(entities) }
  }

  /// Tiers 0, 1, … up to the deepest.
  public var tiers: [Tier]
  /// Entities without a tier (outside the focus's chain).
  public var untiered: Int
  /// Whether any risk-list row was given.
  public var hasRiskList: Bool
  /// Whether any country-commodity row was given.
  public var hasCountryRisk: Bool
  /// Whether a smelter status reference was given; without one smelter status is unassessed.
  public var hasSmelterStatus: Bool
  /// Whether any unmapped entity's supply edge carries a `visibility_depth` attribute (OMTS
  /// `supplies.visibility_depth`, or a relationships CSV column of that name).
  public var hasVisibilityDeclarations = false

  /// Computes coverage from tiers.
  ///
  /// - Complexity: O(V + E).
  public init(graph: SupplyGraph, tiers: [Int?], hasRiskList: Bool, hasCountryRisk: Bool, hasSmelterStatus: Bool) {
    let deepest = tiers.compactMap { $0 }.max() ?? -1
    var result = (0...max(deepest, 0)).map { Tier(tier: $0, entities: 0, unmapped: [], disclosed: 0) }
    if deepest < 0 { result = [] }
    var untiered = 0
    var hasAnyDeclaration = false
    let types = graph.relationships.type
    let entities = graph.entities
    for v in 0..<graph.entityCount {
      guard let tier = tiers[v] else {
        untiered += 1
        continue
      }
      result[tier].entities += 1
      let incoming = graph.incoming.edges(of: EntityIndex(v))
      let hasUpstream = incoming.contains { types[Int($0)].isSupplyFlow }
      if hasUpstream { result[tier].disclosed += 1 }
      // Fields read in place: binding the `Entity` would retain and release all its strings.
      if tier >= 1, !hasUpstream, entities.kind(of: v) != .smelter, entities.kind(of: v) != .mine, !entities.rawMaterial(of: v) {
        result[tier].unmapped.append(EntityIndex(v))
        switch Self.declaredVisibility(of: EntityIndex(v), in: graph) {
        case .some(0):
          result[tier].unmappedDeclaredOpaque += 1
          hasAnyDeclaration = true
        case .some:
          result[tier].unmappedDeclaredVisible += 1
          hasAnyDeclaration = true
        case nil: break
        }
      }
    }
    self.tiers = result
    self.untiered = untiered
    self.hasRiskList = hasRiskList
    self.hasCountryRisk = hasCountryRisk
    self.hasSmelterStatus = hasSmelterStatus
    self.hasVisibilityDeclarations = hasAnyDeclaration
  }

  /// The `visibility_depth` an entity's outgoing `supplies`/`subcontracts` edges declare: 0 when
  /// any says 0 (the cautious reading), else the largest; `nil` when none declares a
  /// non-negative integer.
  ///
  /// - Complexity: O(out-degree).
  static func declaredVisibility(of v: EntityIndex, in graph: SupplyGraph) -> Int? {
    var declared: Int?
    for r in graph.outgoing.edges(of: v) where graph.relationships.type[Int(r)].isSupplyFlow {
      // Attributes live only in the relationships' side table: reading it alone skips building
      // the edge's strings and provenance (`values(_:)`), which at 1M unmapped entities cost 1.3 %
      // of a scan's CPU.
      guard let attributes = graph.relationships.columns.extra(Int(r))?.attributes,
        let text = attributes.first(where: { $0.key == "visibility_depth" })?.value, let depth = Int(text), depth >= 0
      else { continue }
      if depth == 0 { return 0 }
      declared = max(declared ?? 0, depth)
    }
    return declared
  }
}
