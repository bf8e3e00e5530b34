import TierscanCore

/// Which entities of the focus's chain no inherent-risk input of a category could apply to, and
/// why (SPEC §6: unassessed is not clean).
///
/// An entity with a tier counts as *assessed* in a category when at least one inherent-risk rule
/// applies to it there: a risk-list match, a country-commodity row (even one scoring 0), a
/// smelter status, aggregate ownership. Risk-list screening without a match does not make an
/// entity assessed: a list names known cases, and not being on it says nothing about the
/// entity's country or goods. Every other entity with a tier is *unassessed* with the first
/// ``UnassessedReason`` that holds.
public struct Unassessed: Sendable {
  /// The figures of one category.
  public struct Category: Sendable, Equatable {
    /// The category's name.
    public var name: String
    /// Entities with a tier (the focus included): the entities that could be assessed.
    public var entities: Int
    /// Unassessed entities per reason, indexed like ``UnassessedReason/allCases``.
    public var counts: [Int]

    /// Unassessed entities in all.
    public var total: Int { counts.reduce(0, +) }
    /// `total / entities` in percent (0 for an empty chain).
    public var percent: Double { entities == 0 ? 0 : Double(total) * 100 / Double(entities) }
    /// Unassessed entities with `reason`.
    public func count(of reason: UnassessedReason) -> Int { counts[UnassessedReason.allCases.firstIndex(of: reason)!] }
    /// The reasons that occur, with their counts, in reason order.
    public var reasons: [(reason: UnassessedReason, count: Int)] {
      zip(UnassessedReason.allCases, counts).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    }
  }

  /// Per category, in configuration order.
  public let categories: [Category]
  /// `reasons[c][v]`: the index in ``UnassessedReason/allCases`` of entity v's reason in category
  /// c, or -1 (assessed, or without a tier).
  private let reasons: [[Int8]]

  /// Decides, for every entity with a tier and every category, whether it is assessed.
  ///
  /// - Parameters:
  ///   - inherent: the inherent risk (its rules decide what is assessed).
  ///   - countryRisk: the country-commodity rows given (CSV and ILAB), for the reasons.
  ///   - hasSmelterStatus: whether a smelter status reference (with statuses) was given.
  /// - Complexity: O(C · (V + E)) plus a hash look-up per entity's country and commodity.
  public init(
    graph: SupplyGraph, tiers: [Int?], inherent: InherentRisk, countryRisk: [CountryRiskEntry], hasSmelterStatus: Bool
  ) {
    let entities = graph.entities
    let hasCommodity = Self.hasCommodity(graph)
    var categories: [Category] = []
    var reasons: [[Int8]] = []
    for (c, name) in inherent.categories.enumerated() {
      let table = CountryTable(rows: countryRisk.filter { $0.category.utf8Equals(name) })
      // Whether the table covers each distinct country of the graph (by country id - 1): one
      // look-up per distinct value instead of a string per entity.
      let covered = table.isEmpty ? [] : entities.countryValues.map { table.covers($0) }
      let isMinerals = name == "conflict_minerals"
      var counts = [Int](repeating: 0, count: UnassessedReason.allCases.count)
      var column = [Int8](repeating: -1, count: graph.entityCount)
      var inChain = 0
      for v in entities.indices where tiers[v] != nil {
        inChain += 1
        guard inherent.rules(of: EntityIndex(v), in: c).isEmpty else { continue }
        let isSmelter = entities.kind(of: v) == .smelter || entities.cid(of: v) != nil
        let reason: UnassessedReason
        if isMinerals && isSmelter && !hasSmelterStatus {
          reason = .noStatusReference
        } else if table.isEmpty {
          reason = .noCountryTable
        } else if case let country = entities.countryID(of: v), country != 0 {
          if !covered[country - 1] {
            reason = .countryNotCovered
          } else {
            reason = hasCommodity[v] ? .commodityNotCovered : .noCommodity
          }
        } else {
          let unresolved = entities.attributes(of: v).contains { 
            $0.key == UnassessedReason.unresolvedCountryAttribute && !$0.value.isEmpty
          }
          reason = unresolved ? .unknownCountry : .noCountry
        }
        let r = UnassessedReason.allCases.firstIndex(of: reason)!
        counts[r] += 1
        column[v] = Int8(r)
      }
      categories.append(Category(name: name, entities: inChain, counts: counts))
      reasons.append(column)
    }
    self.categories = categories
    self.reasons = reasons
  }

  /// Why `entity` is unassessed in category index `category`, or `nil` when it is assessed or
  /// has no tier.
  public func reason(of entity: EntityIndex, in category: Int) -> UnassessedReason? {
    let r = reasons[category][Int(entity)]
    return r < 0 ? nil : UnassessedReason.allCases[Int(r)]
  }

  /// Whether `entity` is assessed in at least one category (always `true` without a tier).
  public func isAssessedAnywhere(_ entity: EntityIndex) -> Bool {
    reasons.contains { $0[Int(entity)] < 0 }
  }

  /// The categories (configuration order) whose unassessed share exceeds `percent` (for
  /// `--fail-on-unassessed`).
  public func categories(over percent: Double) -> [Category] { categories.filter { $0.percent > percent } }

  /// The figures of the category named `name`.
  public func category(named name: String) -> Category? { categories.first { $0.name.utf8Equals(name) } }

  /// Whether each entity has a commodity: its own, or on a `supplies` edge from it.
  private static func hasCommodity(_ graph: SupplyGraph) -> [Bool] {
    var has = graph.entities.indices.map { graph.entities.commodityListID(of: $0) != 0 }
    let columns = graph.relationships.columns
    let from = graph.relationships.from
    for r in columns.type.indices where columns.type[r] == .supplies && columns.commodity[r] >= 0 {
      has[Int(from[r])] = true
    }
    return has
  }

  /// The countries a category's rows name.
  private struct CountryTable {
    private let countries: Set<String>
    init(rows: [CountryRiskEntry]) { countries = Set(rows.map(\.country)) }
    var isEmpty: Bool { countries.isEmpty }
    func covers(_ country: String) -> Bool { countries.contains(country) }
  }
}
