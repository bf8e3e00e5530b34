import TierscanCore
import TierscanRisk

/// `exposures.csv` (model §4): one row per entity and category with score > 0, sorted by entity
/// id then category bytes.
public enum ExposuresCSV {
  /// The exact header.
  public static let header = ["entity_id", "name", "kind", "country", "tier", "category", "score", "level", "hops", "source_id"]

  /// The file's text.
  public static func render(_ analysis: RiskAnalysis) -> String {
    String(decoding: bytes(analysis), as: UTF8.self)
  }

  /// The file's bytes: the same as ``renderWithCSVWriter(_:)``, written straight into a buffer.
  ///
  /// Rows are sorted by entity, so the entity's cells (`entity_id` to `tier`) are rendered once
  /// per entity and copied for its other rows; category, level and each distinct score (scores
  /// are products of a few factors: a large scan has a few thousand distinct values across
  /// millions of rows) are rendered once. Exposures are read in place, without copying them, and
  /// ids and names straight from the entity table's string columns (no `String` per cell).
  static func bytes(_ analysis: RiskAnalysis) -> [UInt8] {
    bytes(analysis, rows: analysis.exposures.indices, withHeader: true)
  }

  /// The header (when asked) and the rows of `analysis.exposures[rows]`: concatenating the
  /// parts of consecutive ranges, the first with the header, gives ``bytes(_:)``.
  static func bytes(_ analysis: RiskAnalysis, rows: Range<Int>, withHeader: Bool) -> [UInt8] {
    let entities = analysis.graph.entities
    let tiers = analysis.tiers
    let categoryCells = analysis.config.categories.map(cell)
    let levels = RiskLevel.allCases
    let levelCells = levels.map { cell($0.rawValue) }
    var scoreCells: [UInt64: [UInt8]] = [:]
    var out = OutputBytes(capacity: 64 + rows.count * 96)
    if withHeader {
      for (i, field) in header.enumerated() {
        if i > 0 { out.append(",") }
        out.appendCSVCell(field)
      }
      out.append("\n")
    }
    var prefix = OutputBytes(capacity: 256)
    var prefixEntity: EntityIndex = -1
    let ids = entities.ids
    analysis.exposures.withUnsafeBufferPointer { exposures in
      for i in rows {
        // `source_id` is read at random from the id column: its offset is asked for 16 rows
        // ahead and its bytes 8 rows ahead (the loads of both were most of this loop's time).
        if i &+ Self.prefetchRows < rows.upperBound { ids.prefetchOffset(Int(exposures[i &+ Self.prefetchRows].source)) }
        if i &+ Self.prefetchRows / 2 < rows.upperBound {
          ids.prefetchBytes(Int(exposures[i &+ Self.prefetchRows / 2].source))
        }
        let v = exposures[i].entity
        if v != prefixEntity {
          prefixEntity = v
          prefix.removeAll()
          prefix.appendCSVCell(entities.ids, Int(v))
          prefix.append(",")
          prefix.appendCSVCell(entities.names, Int(v))
          prefix.append(",")
          prefix.appendCSVCell(entities.kind(of: Int(v)).rawValue)
          prefix.append(",")
          prefix.appendCSVCell(entities.country(of: Int(v)) ?? "")
          prefix.append(",")
          if let tier = tiers[Int(v)] { prefix.append(integer: tier) }
          prefix.append(",")
        }
        out.append(contentsOf: prefix)
        out.append(bytes: categoryCells[exposures[i].categoryIndex])
        out.append(",")
        let score = exposures[i].score
        if let known = scoreCells[score.bitPattern] {
          out.append(bytes: known)
        } else {
          let rendered = cell(CSVWriter.score(score))
          scoreCells[score.bitPattern] = rendered
          out.append(bytes: rendered)
        }
        out.append(",")
        out.append(bytes: levelCells[levels.firstIndex(of: exposures[i].level)!])
        out.append(",")
        out.append(integer: exposures[i].hops)
        out.append(",")
        out.appendCSVCell(ids, Int(exposures[i].source))
        out.append("\n")
      }
    }
    return out.bytes
  }

  /// How many rows ahead the source id's offset is prefetched (its bytes: half as far). Only
  /// speed depends on it.
  static let prefetchRows = 16

  /// One cell's bytes.
  private static func cell(_ value: String) -> [UInt8] {
    var bytes = OutputBytes()
    bytes.appendCSVCell(value)
    return bytes.bytes
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
        CSVWriter.score(exposure.score), exposure.level.rawValue, String(exposure.hops), graph.entities.id(of: exposure.source),
      ])
    }
    return csv.text
  }
}
