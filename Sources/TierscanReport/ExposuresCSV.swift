import TierscanCore
import TierscanRisk

/// `exposures.csv` (SPEC §4): one row per entity and category with score > 0, sorted by entity
/// id then category bytes.
public enum ExposuresCSV {
  /// The exact header.
  public static let header = ["entity_id", "name", "kind", "country", "tier", "category", "score", "level", "hops", "source_id"]

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis) -> String {
    String(decoding: bytes(analysis), as: UTF8.self)
  }

  /// The file's bytes: the same as ``render(_:)`` through ``CSVWriter``, written straight into
  /// a buffer.
  static func bytes(_ analysis: RiskAnalysis) -> [UInt8] {
    let graph = analysis.graph
    var out = OutputBytes(capacity: 64 + analysis.exposures.count * 96)
    for (i, field) in header.enumerated() {
      if i > 0 { out.append(",") }
      out.appendCSVCell(field)
    }
    out.append("\n")
    // Entity fields are read in place (binding an `Entity` would retain all its strings), and
    // each distinct score is formatted once: scores are products of a few factors, so a large
    // scan has a few thousand distinct values across millions of rows.
    let entities = graph.entities
    var scoreCells: [UInt64: String] = [:]
    for exposure in analysis.exposures {
      let v = Int(exposure.entity)
      out.appendCSVCell(entities[v].id)
      out.append(",")
      out.appendCSVCell(entities[v].name)
      out.append(",")
      out.appendCSVCell(entities[v].kind.rawValue)
      out.append(",")
      out.appendCSVCell(entities[v].country ?? "")
      out.append(",")
      if let tier = analysis.tiers[v] { out.append(integer: tier) }
      out.append(",")
      out.appendCSVCell(exposure.category)
      out.append(",")
      if let cell = scoreCells[exposure.score.bitPattern] {
        out.appendCSVCell(cell)
      } else {
        let cell = CSVWriter.score(exposure.score)
        scoreCells[exposure.score.bitPattern] = cell
        out.appendCSVCell(cell)
      }
      out.append(",")
      out.appendCSVCell(exposure.level.rawValue)
      out.append(",")
      out.append(integer: exposure.hops)
      out.append(",")
      out.appendCSVCell(entities[Int(exposure.source)].id)
      out.append("\n")
    }
    return out.bytes
  }

  /// The reference rendering through ``CSVWriter`` (kept for tests of ``bytes(_:)``).
  static func renderWithCSVWriter(_ analysis: RiskAnalysis) -> String {
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
