import TierscanCore

/// The entities each country-commodity row applies to (model §2.5): the entities in the row's
/// country, and for a row with a commodity only those that have it among their `commodities` or
/// are the `from` of a `supplies` edge with it.
///
/// Built on small integers: the countries and commodities the rows name are interned; one
/// sequential pass over the relationship columns marks, per row commodity, the entities that
/// supply it (a bit set); one pass over the entities (two halves concurrently, joined in entity
/// order) lists them by country and by country × commodity, looking at an entity's own
/// commodities only when its country has a row with a commodity.
struct CountryCommodityIndex: Sendable {
  /// The countries and the commodities the rows name.
  private let countries: ByteInterner
  private let commodities: ByteInterner
  /// Entities in country k, ascending.
  private let byCountry: [[EntityIndex]]
  /// Entities in country k with commodity j at `k * commodities.count + j`, ascending.
  private let byCountryCommodity: [[EntityIndex]]
  private let vocabulary: CommodityVocabulary

  /// Indexes the entities of `graph` for `rows`.
  ///
  /// - Complexity: O(V + E) plus a hash look-up per entity and per commodity of an entity in a
  ///   country with a commodity row.
  init(graph: SupplyGraph, rows: [CountryRiskEntry], vocabulary: CommodityVocabulary = CommodityVocabulary()) {
    var countryKeys = ByteInterner()
    var commodityKeys = ByteInterner()
    var pairs: [(country: Int, commodity: Int)] = []
    for row in rows {
      let k = Int(countryKeys.intern(row.country).index)
      if let commodity = row.commodity {
        pairs.append((k, Int(commodityKeys.intern(vocabulary.canonical(commodity)?.commodity ?? commodity).index)))
      }
    }
    let (countries, commodities) = (countryKeys, commodityKeys)
    // The distinct row commodities of each country.
    var distinct = [[Int]](repeating: [], count: countries.count)
    for (k, j) in pairs where !distinct[k].contains(j) { distinct[k].append(j) }
    let commoditiesOf = distinct
    let suppliers = Suppliers(graph: graph, commodities: commodities, vocabulary: vocabulary)
    // Pieces of the entity range are listed concurrently and joined in entity order.
    let pieces = ParallelWork.map(count: graph.entityCount, minimumToSplit: 50_000) { range in
      Lists(
        range, graph: graph, countries: countries, commodities: commodities, commoditiesOf: commoditiesOf,
        suppliers: suppliers, vocabulary: vocabulary)
    }
    self.countries = countries
    self.commodities = commodities
    self.vocabulary = vocabulary
    byCountry = pieces.dropFirst().reduce(pieces[0].byCountry) { joined, piece in zip(joined, piece.byCountry).map { $0 + $1 } }
    byCountryCommodity = pieces.dropFirst().reduce(pieces[0].byCountryCommodity) { joined, piece in
      zip(joined, piece.byCountryCommodity).map { $0 + $1 }
    }
  }

  /// The entities `row` (one of the rows the index was built for) applies to, ascending.
  func entities(of row: CountryRiskEntry) -> [EntityIndex] {
    let k = Int(countries.index(of: row.country)!)
    guard let commodity = row.commodity else { return byCountry[k] }
    let canonical = vocabulary.canonical(commodity)?.commodity ?? commodity
    return byCountryCommodity[k * commodities.count + Int(commodities.index(of: canonical)!)]
  }

  /// Per row commodity, the entities that are the `from` of a `supplies` edge with it, as bits.
  private struct Suppliers: Sendable {
    private let words: Int
    private var bits: [UInt64]

    init(graph: SupplyGraph, commodities: ByteInterner, vocabulary: CommodityVocabulary) {
      words = (graph.entityCount + 63) / 64
      bits = [UInt64](repeating: 0, count: words * commodities.count)
      guard commodities.count > 0 else { return }
      // The row commodity of each interned relationship string read as a commodity word and as
      // an HS code (through the vocabulary), or -1. Columns are read in place: materialising
      // each `Relationship` would retain and release its strings.
      let columns = graph.relationships.columns
      let rowCommodity = columns.strings.map { text in
        commodities.index(of: vocabulary.canonical(text)?.commodity ?? text).map(Int.init) ?? -1
      }
      let rowCommodityOfHS = columns.strings.map { text in
        vocabulary.commodity(forHS: text).flatMap { commodities.index(of: $0.commodity) }.map(Int.init) ?? -1
      }
      let (type, commodity, hsCode, from) = (columns.type, columns.commodity, columns.hsCode, graph.relationships.from)
      for r in type.indices where type[r] == .supplies && (commodity[r] >= 0 || hsCode[r] >= 0) {
        let byWord = commodity[r] >= 0 ? rowCommodity[Int(commodity[r])] : -1
        let byCode = hsCode[r] >= 0 ? rowCommodityOfHS[Int(hsCode[r])] : -1
        if byWord >= 0 { bits[byWord * words + Int(from[r]) >> 6] |= 1 << (UInt64(from[r]) & 63) }
        if byCode >= 0 { bits[byCode * words + Int(from[r]) >> 6] |= 1 << (UInt64(from[r]) & 63) }
      }
    }

    /// Whether entity `v` supplies row commodity `j`.
    func contains(_ v: Int, _ j: Int) -> Bool { bits[j * words + v >> 6] & (1 << (UInt64(v) & 63)) != 0 }
  }

  /// ``byCountry`` and ``byCountryCommodity`` for a range of entities.
  private struct Lists: Sendable {
    var byCountry: [[EntityIndex]]
    var byCountryCommodity: [[EntityIndex]]

    init(
      _ range: Range<Int>, graph: SupplyGraph, countries: ByteInterner, commodities: ByteInterner,
      commoditiesOf: [[Int]], suppliers: Suppliers, vocabulary: CommodityVocabulary
    ) {
      let commodityCount = commodities.count
      byCountry = Array(repeating: [], count: countries.count)
      byCountryCommodity = Array(repeating: [], count: countries.count * commodityCount)
      // The last entity found to have each row commodity among its own.
      var ownedBy = [Int](repeating: -1, count: commodityCount)
      // Fields are read in place: binding each `Entity` would retain and release all its fields.
      let entities = graph.entities
      for v in range {
        guard let country = entities.country(of: v), let k = countries.index(of: country).map(Int.init) else { continue }
        byCountry[k].append(EntityIndex(v))
        guard !commoditiesOf[k].isEmpty else { continue }
        for name in entities.commodities(of: v) {
          // The name as written first (canonical names are their own canonical form), then mapped.
          if let j = commodities.index(of: name)
            ?? vocabulary.canonical(name).flatMap({ commodities.index(of: $0.commodity) })
          {
            ownedBy[Int(j)] = v
          }
        }
        for j in commoditiesOf[k] where ownedBy[j] == v || suppliers.contains(v, j) {
          byCountryCommodity[k * commodityCount + j].append(EntityIndex(v))
        }
      }
    }
  }
}
