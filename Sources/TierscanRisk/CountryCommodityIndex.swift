import Dispatch
import TierscanCore

/// The entities each country-commodity row applies to (SPEC §2.5): the entities in the row's
/// country, and for a row with a commodity only those that have it among their `commodities` or
/// are the `from` of a `supplies` edge with it.
///
/// Built in one pass over the entities (two halves concurrently, joined in entity order) on small
/// integers: the countries and commodities the rows name are interned, and an edge's commodity
/// is read from the relationship columns through a table over their interned strings.
struct CountryCommodityIndex: Sendable {
  /// The countries and the commodities the rows name.
  private let countries: ByteInterner
  private let commodities: ByteInterner
  /// Entities in country k, ascending.
  private var byCountry: [[EntityIndex]]
  /// Entities in country k with commodity j at `k * commodities.count + j`, ascending.
  private var byCountryCommodity: [[EntityIndex]]

  /// Indexes the entities of `graph` for `rows`.
  ///
  /// - Complexity: O(V + E) hash look-ups of countries and commodities.
  init(graph: SupplyGraph, rows: [CountryRiskEntry]) {
    var countryKeys = ByteInterner()
    var commodityKeys = ByteInterner()
    for row in rows {
      _ = countryKeys.intern(row.country)
      if let commodity = row.commodity { _ = commodityKeys.intern(commodity) }
    }
    let (countries, commodities) = (countryKeys, commodityKeys)
    // The row commodity of each interned relationship commodity string, or -1.
    let edgeCommodity = graph.relationships.columns.strings.map { commodities.index(of: $0) ?? -1 }
    let entityCount = graph.entityCount
    let halves = Slots<Lists>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      let range = (entityCount * half / 2)..<(entityCount * (half + 1) / 2)
      halves.set(
        half,
        Self.collect(range, graph: graph, countries: countries, commodities: commodities, edgeCommodity: edgeCommodity))
    }
    let values = halves.values
    let (first, second) = (values[0], values[1])
    self.countries = countries
    self.commodities = commodities
    byCountry = zip(first.byCountry, second.byCountry).map { $0 + $1 }
    byCountryCommodity = zip(first.byCountryCommodity, second.byCountryCommodity).map { $0 + $1 }
  }

  /// The entities `row` (one of the rows the index was built for) applies to, ascending.
  func entities(of row: CountryRiskEntry) -> [EntityIndex] {
    let k = Int(countries.index(of: row.country)!)
    guard let commodity = row.commodity else { return byCountry[k] }
    return byCountryCommodity[k * commodities.count + Int(commodities.index(of: commodity)!)]
  }

  /// The lists of ``byCountry`` and ``byCountryCommodity`` for a range of entities.
  private struct Lists: Sendable {
    var byCountry: [[EntityIndex]]
    var byCountryCommodity: [[EntityIndex]]
  }

  private static func collect(
    _ range: Range<Int>, graph: SupplyGraph, countries: ByteInterner, commodities: ByteInterner, edgeCommodity: [Int32]
  ) -> Lists {
    let commodityCount = commodities.count
    var lists = Lists(
      byCountry: Array(repeating: [], count: countries.count),
      byCountryCommodity: Array(repeating: [], count: countries.count * commodityCount))
    var lastEntityOfCommodity = [EntityIndex](repeating: -1, count: commodityCount)
    // Fields and columns are read in place: binding an `Entity` or materialising a
    // `Relationship` would retain and release all their strings.
    let entities = graph.entities
    let type = graph.relationships.type
    let commodity = graph.relationships.columns.commodity
    let outgoing = graph.outgoing
    for i in range {
      guard let country = entities[i].country, let k = countries.index(of: country).map(Int.init) else { continue }
      let index = EntityIndex(i)
      lists.byCountry[k].append(index)
      guard commodityCount > 0 else { continue }
      func add(_ j: Int32) {
        guard j >= 0, lastEntityOfCommodity[Int(j)] != index else { return }
        lastEntityOfCommodity[Int(j)] = index
        lists.byCountryCommodity[k * commodityCount + Int(j)].append(index)
      }
      for name in entities[i].commodities { add(commodities.index(of: name) ?? -1) }
      for r in outgoing.edges(of: index) where type[Int(r)] == .supplies {
        let s = commodity[Int(r)]
        if s >= 0 { add(edgeCommodity[Int(s)]) }
      }
    }
    return lists
  }
}
