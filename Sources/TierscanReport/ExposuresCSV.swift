import TierscanCore
import TierscanRisk

/// `exposures.csv` (SPEC §4): one row per entity and category with score > 0, sorted by entity
/// id then category bytes.
public enum ExposuresCSV {
  /// The exact header.
  public static let header = ["entity_id", "name", "kind", "country", "tier", "category", "score", "level", "hops", "source_id"]

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis) -> String {
    var csv = CSVWriter(header: header)
    let graph = analysis.graph
    for exposure in analysis.exposures {
      let entity = graph[exposure.entity]
      csv.writeRow([
        entity.id, entity.name, entity.kind.rawValue, entity.country ?? "",
        analysis.tiers[Int(exposure.entity)].map(String.init) ?? "", exposure.category,
        CSVWriter.score(exposure.score), exposure.level.rawValue, String(exposure.hops), graph[exposure.source].id,
      ])
    }
    return csv.text
  }
}
