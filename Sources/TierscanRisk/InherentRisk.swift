import TierscanCore

/// Inherent risk r₀(v, c) of every entity in every configured category, with every rule that
/// contributed (model §3). r₀ is the maximum of the rules' scores, 0 without rules.
///
/// Rules are stored as lists shared between entities: every entity refers, per category, to one
/// list in ``ruleLists``. A rule added to many entities at once (a country-commodity row,
/// ``add(_:toEach:in:)``) extends each distinct list once, so the hundreds of thousands of
/// entities of one country share a handful of lists; ``rules(of:in:)`` returns a stored list
/// without copying its rules.
public struct InherentRisk: Sendable {
  /// Categories in config order; `category` arguments below index this array.
  public let categories: [String]
  /// `scores[c][v]` = r₀(v, categories[c]).
  public private(set) var scores: [[Double]]
  /// Distinct rule lists; list 0 is the empty list.
  private var ruleLists: [[RuleHit]] = [[]]
  /// Whether a list may be referred to more than once: adding to it for one entity copies it.
  private var isShared: [Bool] = [true]
  /// `listOf[c][v]` is the index in ``ruleLists`` of the rules of entity v in category c.
  private var listOf: [[Int32]]

  /// An empty table for `entityCount` entities.
  public init(categories: [String], entityCount: Int) {
    self.categories = categories
    self.scores = Array(repeating: [Double](repeating: 0, count: entityCount), count: categories.count)
    self.listOf = Array(repeating: [Int32](repeating: 0, count: entityCount), count: categories.count)
  }

  /// The rules that apply to `entity` in category index `category`, in the order they were found:
  /// risk-list rows (input order), country rows (input order), smelter status, ownership.
  ///
  /// - Complexity: O(1); the list is shared, not copied.
  public func rules(of entity: EntityIndex, in category: Int) -> [RuleHit] {
    ruleLists[Int(listOf[category][Int(entity)])]
  }

  /// The index of the stored list ``rules(of:in:)`` returns: entities with the same index have
  /// the same rules (a country row's entities share a handful of lists), so a renderer can render
  /// each list once.
  public func ruleListIndex(of entity: EntityIndex, in category: Int) -> Int {
    Int(listOf[category][Int(entity)])
  }

  /// Records a rule and raises r₀ to its score when higher.
  public mutating func add(_ rule: RuleHit, to entity: EntityIndex, in category: Int) {
    let v = Int(entity)
    let list = Int(listOf[category][v])
    if isShared[list] {
      listOf[category][v] = appendList(ruleLists[list] + [rule], shared: false)
    } else {
      ruleLists[list].append(rule)
    }
    raise(v, in: category, to: rule.score)
  }

  /// Raises r₀ of `entity` in `category` to `score` when higher, without recording a rule (a
  /// match counted but not listed, see ``RiskConfig/maxListMatchesPerEntity``).
  public mutating func raise(_ entity: EntityIndex, in category: Int, to score: Double) {
    raise(Int(entity), in: category, to: score)
  }

  /// The number of rules recorded for `entity` in `category`.
  public func ruleCount(of entity: EntityIndex, in category: Int) -> Int {
    ruleLists[Int(listOf[category][Int(entity)])].count
  }

  /// Records one rule for each of `entities` and raises their r₀ to its score when higher,
  /// storing the rule once per distinct list it extends (the same as ``add(_:to:in:)`` for each
  /// entity in turn).
  ///
  /// - Complexity: O(n + k) for n entities and k lists.
  public mutating func add(_ rule: RuleHit, toEach entities: [EntityIndex], in category: Int) {
    // The extended list of each shared list, made on first use.
    var extended = [Int32](repeating: -1, count: ruleLists.count)
    // The category's columns are taken out while they change, so that they are not copied.
    var lists = listOf[category]
    var categoryScores = scores[category]
    (listOf[category], scores[category]) = ([], [])
    for entity in entities {
      let v = Int(entity)
      let list = Int(lists[v])
      if !isShared[list] {
        ruleLists[list].append(rule)
      } else {
        if extended[list] < 0 {
          extended[list] = appendList(ruleLists[list] + [rule], shared: true)
          extended.append(-1)
        }
        lists[v] = extended[list]
      }
      if rule.score > categoryScores[v] { categoryScores[v] = rule.score }
    }
    (listOf[category], scores[category]) = (lists, categoryScores)
  }

  /// The entities, in index order, with at least one rule in `category` for which `test` holds;
  /// `test` is asked once per distinct rule list.
  public func entities(in category: Int, withRule test: (RuleHit) -> Bool) -> [EntityIndex] {
    let passes = ruleLists.map { $0.contains(where: test) }
    var found: [EntityIndex] = []
    for (v, list) in listOf[category].enumerated() where passes[Int(list)] { found.append(EntityIndex(v)) }
    return found
  }

  /// The index of a category name, compared as bytes.
  public func index(of category: String) -> Int? { categories.firstIndex { $0.utf8Equals(category) } }

  private mutating func appendList(_ rules: [RuleHit], shared: Bool) -> Int32 {
    ruleLists.append(rules)
    isShared.append(shared)
    return Int32(ruleLists.count - 1)
  }

  private mutating func raise(_ v: Int, in category: Int, to score: Double) {
    if score > scores[category][v] { scores[category][v] = score }
  }
}
