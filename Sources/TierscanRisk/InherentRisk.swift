import TierscanCore

/// Inherent risk r₀(v, c) of every entity in every configured category, with every rule that
/// contributed (SPEC §3). r₀ is the maximum of the rules' scores, 0 without rules.
public struct InherentRisk: Sendable {
  /// Categories in config order; `category` arguments below index this array.
  public let categories: [String]
  /// `scores[c][v]` = r₀(v, categories[c]).
  public private(set) var scores: [[Double]]
  private var rulesByCategory: [[EntityIndex: [RiskRule]]]

  /// An empty table for `entityCount` entities.
  public init(categories: [String], entityCount: Int) {
    self.categories = categories
    self.scores = Array(repeating: [Double](repeating: 0, count: entityCount), count: categories.count)
    self.rulesByCategory = Array(repeating: [:], count: categories.count)
  }

  /// The rules that apply to `entity` in category index `category`, in the order they were found:
  /// risk-list rows (input order), country rows (input order), smelter status, ownership.
  public func rules(of entity: EntityIndex, in category: Int) -> [RiskRule] {
    rulesByCategory[category][entity] ?? []
  }

  /// Records a rule and raises r₀ to its score when higher.
  public mutating func add(_ rule: RiskRule, to entity: EntityIndex, in category: Int) {
    rulesByCategory[category][entity, default: []].append(rule)
    if rule.score > scores[category][Int(entity)] { scores[category][Int(entity)] = rule.score }
  }

  /// The index of a category name, compared as bytes.
  public func index(of category: String) -> Int? { categories.firstIndex { $0.utf8Equals(category) } }
}
