import TierscanCore
import TierscanRisk

/// What the entities below the focus are (tier ≥ 1), so that "suppliers" never silently
/// includes smelters and mines, and what "unmapped" is a share of.
///
/// - *Suppliers* are companies and facilities (raw-material producers among them counted too,
///   and also shown apart); smelters and refiners, mines and any other kind are counted apart.
/// - *Can be unmapped*: a supplier that is not a raw-material producer — the entities from which
///   upstream disclosure is expected (model §3: smelters, mines and raw-material producers have
///   no sub-tiers to disclose, so they are never unmapped; a person with a tier counts here as
///   coverage counts it).
public struct ChainComposition: Sendable, Hashable {
  /// Entities with tier ≥ 1.
  public var entities: Int
  public var companies: Int
  public var facilities: Int
  /// Companies and facilities marked as raw-material producers (included in ``suppliers``).
  public var rawMaterialProducers: Int
  /// Smelters and refiners (kind `smelter`).
  public var smelters: Int
  public var mines: Int
  /// Any other kind (persons with a tier).
  public var other: Int
  /// Suppliers that can be unmapped (see the type's summary).
  public var canBeUnmapped: Int
  /// Of ``canBeUnmapped``, those that disclosed no upstream supplier.
  public var unmapped: Int

  /// Companies and facilities.
  public var suppliers: Int { companies + facilities }
  /// `unmapped / canBeUnmapped` (0 when nothing can be unmapped).
  public var unmappedShare: Double { canBeUnmapped == 0 ? 0 : Double(unmapped) / Double(canBeUnmapped) }

  /// Counts the composition of `analysis`'s chain.
  ///
  /// - Complexity: O(V + T) for T unmapped entities.
  public init(analysis: RiskAnalysis) {
    let entities = analysis.graph.entities
    var (all, companies, facilities, raw, smelters, mines, other, mappable) = (0, 0, 0, 0, 0, 0, 0, 0)
    for v in entities.indices {
      guard let tier = analysis.tiers[v], tier >= 1 else { continue }
      all += 1
      let entity = entities[v]
      switch entity.kind {
      case .company: companies += 1
      case .facility: facilities += 1
      case .smelter: smelters += 1
      case .mine: mines += 1
      case .person: other += 1
      }
      if (entity.kind == .company || entity.kind == .facility) && entity.rawMaterial { raw += 1 }
      // Coverage's rule (model §3), so that the unmapped entities are a subset of these.
      if entity.kind != .smelter && entity.kind != .mine && !entity.rawMaterial { mappable += 1 }
    }
    self.entities = all
    self.companies = companies
    self.facilities = facilities
    self.rawMaterialProducers = raw
    self.smelters = smelters
    self.mines = mines
    self.other = other
    self.canBeUnmapped = mappable
    self.unmapped = analysis.coverage.tiers.reduce(0) { $0 + ($1.tier >= 1 ? $1.unmapped.count : 0) }
  }
}
