import TierscanCore
import TierscanRisk

/// Small graphs for risk tests, built through ``GraphBuilder`` like real inputs.
struct GraphFixture {
  var entities: [EntityRecord] = []
  var relationships: [RelationshipRecord] = []
  private var line = 1

  mutating func entity(
    _ id: String, name: String? = nil, kind: EntityKind? = nil, country: String? = nil, commodities: [String] = [],
    lei: String? = nil, cid: String? = nil, aliases: [String] = [], rawMaterial: Bool? = nil
  ) {
    line += 1
    entities.append(
      EntityRecord(
        id: id, name: name ?? id, kind: kind, country: country, commodities: commodities,
        identifiers: Identifiers(lei: lei, cid: cid), aliases: aliases, rawMaterial: rawMaterial,
        provenance: Provenance(file: "entities.csv", line: line)))
  }

  mutating func edge(
    _ from: String, _ to: String, _ type: RelationshipType = .supplies, commodity: String? = nil,
    share: Double? = nil, basis: Basis? = nil, confidence: Double? = nil
  ) {
    relationships.append(
      RelationshipRecord(
        from: from, to: to, type: type, commodity: commodity, share: share, basis: basis, confidence: confidence,
        provenance: Provenance(file: "rel.csv", line: relationships.count + 2)))
  }

  func build() -> SupplyGraph {
    var findings = FindingLog()
    return GraphBuilder().build(entityRecords: entities, relationshipRecords: relationships, findings: &findings)
  }
}

func listRow(
  _ name: String, category: String = "forced_labour", country: String? = nil, lei: String? = nil,
  cid: String? = nil, aliases: [String] = [], line: Int = 2
) -> RiskListEntry {
  RiskListEntry(
    list: "Test List", name: name, category: category, country: country, aliases: aliases,
    identifiers: Identifiers(lei: lei, cid: cid), reference: "REF-\(line)",
    provenance: Provenance(file: "list.csv", line: line))
}

func config(_ json: String = "{}") throws -> RiskConfig { try RiskConfig.parse(json) }

func analyze(
  _ graph: SupplyGraph, focus: String, config: RiskConfig = .defaults, riskList: [RiskListEntry] = [],
  countryRisk: [CountryRiskEntry] = [], smelters: [SmelterReference] = []
) -> RiskAnalysis {
  RiskEngine(config: config).analyze(
    graph: graph, riskList: riskList, countryRisk: countryRisk, smelterReferences: smelters,
    focus: graph.index(of: focus)!)
}

extension RiskAnalysis {
  func exposure(_ id: String, _ category: String = "forced_labour") -> Exposure? {
    exposure(of: graph.index(of: id)!, in: category)
  }

  func score(_ id: String, _ category: String = "forced_labour") -> Double {
    exposure(id, category)?.score ?? 0
  }

  func ids(_ path: ExposurePath) -> [String] {
    [graph[path.source].id] + path.hops.map { graph[$0.to].id }
  }
}

/// |a − b| ≤ 1e-12.
func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 }
