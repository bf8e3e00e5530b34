import TierscanCore

/// The exposure of one entity in one category, with its explanation.
///
/// The path and the rules are rebuilt on demand from the propagation results the analysis
/// keeps (``ExplanationSource``), so a scan with millions of exposures holds no path arrays.
///
/// Stored in 40 bytes (widest first, no padding; hops and category index as `Int32`) instead of
/// 56: a realistic 1M scan holds 2.3M exposures.
public struct Exposure: Sendable, Hashable {
  /// E(v, c) > 0.
  public let score: Double
  let explanations: ExplanationSource
  public let entity: EntityIndex
  /// The risk source (the entity whose inherent risk this is).
  public let source: EntityIndex
  private let storedHops: Int32
  private let storedCategoryIndex: Int32
  public let level: RiskLevel

  /// Path length.
  public var hops: Int { Int(storedHops) }
  /// The index of ``category`` in the configuration's categories.
  public var categoryIndex: Int { Int(storedCategoryIndex) }

  init(
    entity: EntityIndex, categoryIndex: Int, score: Double, level: RiskLevel, hops: Int, source: EntityIndex,
    explanations: ExplanationSource
  ) {
    self.entity = entity
    self.storedCategoryIndex = Int32(categoryIndex)
    self.score = score
    self.level = level
    self.storedHops = Int32(hops)
    self.source = source
    self.explanations = explanations
  }

  /// The category's name.
  public var category: String { explanations.categories[categoryIndex] }

  /// The argmax path (hops from the source to the entity; empty for inherent risk).
  ///
  /// - Complexity: O(``hops``); ``path(maxHops:)`` bounds it.
  public var path: ExposurePath { explanations.path(to: entity, in: categoryIndex) }

  /// The argmax path's last `maxHops` hops (those nearest the entity), with the number of hops
  /// from the source left out before them in ``ExposurePath/omittedHops``.
  ///
  /// - Complexity: O(min(``hops``, `maxHops`)).
  public func path(maxHops: Int) -> ExposurePath { explanations.path(to: entity, in: categoryIndex, maxHops: maxHops) }

  /// The inherent-risk rules of the path's source in this category.
  public var rules: [RuleHit] { explanations.inherent.rules(of: source, in: categoryIndex) }

  /// Which stored rule list ``rules`` is (``InherentRisk/ruleListIndex(of:in:)``): exposures with
  /// the same index have the same rules.
  public var rulesIndex: Int { explanations.inherent.ruleListIndex(of: source, in: categoryIndex) }

  public static func == (a: Exposure, b: Exposure) -> Bool {
    a.entity == b.entity && a.category == b.category && a.score == b.score && a.level == b.level
      && a.hops == b.hops && a.source == b.source && a.path == b.path && a.rules == b.rules
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entity)
    hasher.combine(category)
    hasher.combine(score)
    hasher.combine(source)
  }
}

/// What explains an analysis's exposures: each category's propagation result (a tree of path
/// labels), the transmissions and the inherent risk, shared by every ``Exposure``.
final class ExplanationSource: Sendable {
  /// The configured categories; the indices below follow them.
  let categories: [String]
  /// Propagation results by category index (configuration order).
  let results: [RiskPropagator.Result]
  let transmission: Transmission
  let inherent: InherentRisk

  init(categories: [String], results: [RiskPropagator.Result], transmission: Transmission, inherent: InherentRisk) {
    self.categories = categories
    self.results = results
    self.transmission = transmission
    self.inherent = inherent
  }

  /// The argmax path of an exposed entity.
  func path(to entity: EntityIndex, in category: Int, maxHops: Int = .max) -> ExposurePath {
    results[category].path(to: entity, transmission: transmission, maxHops: maxHops)!
  }
}

/// Everything a scan computes: the graph, exposures, tiers, coverage and findings.
public struct RiskAnalysis: Sendable {
  public let graph: SupplyGraph
  public let config: RiskConfig
  /// The focus entity.
  public let focus: EntityIndex
  /// Every exposure with score > 0, sorted by entity id (= index) then category bytes.
  public let exposures: [Exposure]
  /// Tier of every entity relative to the focus, `nil` outside its chain.
  public let tiers: [Int?]
  public let coverage: Coverage
  /// Which entities of the chain no inherent-risk input could apply to, per category and reason.
  public let unassessed: Unassessed
  /// Transmission and confidence of every edge, as used.
  public let transmission: Transmission
  /// Findings of the risk stage (unknown categories, ownership over 100 %), in order. They do not
  /// depend on the focus (`validate` reports them too).
  public let findings: FindingLog
  /// Assessments and audit findings linked to the graph at the period end (empty without them).
  public let audits: AuditEvidence
  /// Findings about the focus's chain (`nothing-assessable`, declared tiers), which depend on the focus.
  public let chainFindings: [Finding]
  /// Supplier lists' declared tiers against the computed ones.
  public let declaredTiers: DeclaredTierComparison
  /// The focus's ``ExposureAttribution`` when the risk stage computed it (``RiskEngine`` with
  /// `withAttribution`, from the propagation's own arcs); `nil` otherwise, and
  /// ``ExposureAttribution/init(analysis:)`` computes the same rows from the graph.
  public let attribution: ExposureAttribution?

  /// ``findings`` followed by ``chainFindings``: what a scan reports after the ingest findings.
  public var allFindings: [Finding] { findings.findings + chainFindings }

  /// Creates an analysis (``RiskEngine`` does this).
  public init(
    graph: SupplyGraph, config: RiskConfig, focus: EntityIndex, exposures: [Exposure], tiers: [Int?],
    coverage: Coverage, unassessed: Unassessed, transmission: Transmission, findings: FindingLog,
    audits: AuditEvidence = AuditEvidence(), chainFindings: [Finding] = [],
    declaredTiers: DeclaredTierComparison = DeclaredTierComparison(), attribution: ExposureAttribution? = nil
  ) {
    self.declaredTiers = declaredTiers
    self.attribution = attribution
    self.audits = audits
    self.graph = graph
    self.config = config
    self.focus = focus
    self.exposures = exposures
    self.tiers = tiers
    self.coverage = coverage
    self.unassessed = unassessed
    self.transmission = transmission
    self.findings = findings
    self.chainFindings = chainFindings
  }

  /// The exposures of `entity`, by category bytes.
  ///
  /// - Complexity: O(log n) to find them.
  public func exposures(of entity: EntityIndex) -> ArraySlice<Exposure> {
    var low = 0
    var high = exposures.count
    while low < high {
      let mid = (low + high) / 2
      if exposures[mid].entity < entity { low = mid + 1 } else { high = mid }
    }
    var end = low
    while end < exposures.count, exposures[end].entity == entity { end += 1 }
    return exposures[low..<end]
  }

  /// The exposure of `entity` in `category`, if its score is > 0.
  public func exposure(of entity: EntityIndex, in category: String) -> Exposure? {
    exposures(of: entity).first { $0.category.utf8Equals(category) }
  }

  /// The highest level among exposures of entities with a tier (for `--fail-on`).
  public var highestTieredLevel: RiskLevel? {
    var highest: RiskLevel?
    for i in exposures.indices where tiers[Int(exposures[i].entity)] != nil {
      highest = max(highest ?? exposures[i].level, exposures[i].level)
    }
    return highest
  }
}
