import TierscanCore
import TierscanMatch

/// Everything besides the graph that the risk stage reads, as one value (docs/model.md, "Risk
/// inputs"): risk lists, country-commodity rows and smelter status references.
///
/// This is the seam where a new kind of risk evidence (judgements, audit findings, …) joins the
/// risk stage: add a field here, fill it in the pipeline (`ScanPipeline`) and read it in
/// ``InherentRiskScorer``. Nothing else passes risk inputs around.
public struct RiskInputs: Sendable {
  /// Risk-list rows in input order (model §2.4).
  public var riskList: [RiskListEntry]
  /// Country-commodity rows in input order, CSV tables and the ILAB goods list alike.
  public var countryRisk: [CountryRiskEntry]
  /// Smelter status references and look-up entries; look-up entries (`status == nil`) never
  /// make smelter status "assessed".
  public var smelterReferences: [SmelterReference]
  /// Assessments and audit findings with the period end they are judged at (docs/audits.md).
  public var audits: AuditInputs
  /// Reviewer judgements, checked and resolved against the graph (docs/entity-resolution.md):
  /// `not_same` suppresses a name match of a row on an entity, `same` confirms one.
  public var judgements: JudgementBook
  /// Commodity words and HS codes → canonical commodities, applied before country-commodity
  /// matching (docs/commodities.md); empty: values match as written.
  public var commodityVocabulary = CommodityVocabulary()
  /// Tiers declared by supplier lists, compared with the computed tiers (docs/formats.md#declared-tiers).
  public var declaredTiers: [DeclaredTier] = []

  /// Creates risk inputs; every part defaults to none.
  public init(
    riskList: [RiskListEntry] = [], countryRisk: [CountryRiskEntry] = [], smelterReferences: [SmelterReference] = [],
    audits: AuditInputs = AuditInputs(),
    judgements: JudgementBook = JudgementBook()
  ) {
    self.audits = audits
    self.riskList = riskList
    self.countryRisk = countryRisk
    self.smelterReferences = smelterReferences
    self.judgements = judgements
  }

  /// Whether a smelter status reference file was among the inputs even if it held no usable row
  /// (model §3: an empty reference counts as given, with a warning `empty-reference`).
  public var isStatusReferenceGiven = false

  /// Whether smelters can be scored: a status reference was given (at least one reference row
  /// carries a status, or an empty reference file was given).
  public var hasSmelterStatus: Bool { isStatusReferenceGiven || smelterReferences.contains { $0.status != nil } }
}
