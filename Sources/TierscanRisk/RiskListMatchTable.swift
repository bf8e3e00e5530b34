import TierscanCore

/// The exact matches (model §2.4) of a risk list's rows, walked in bounded time however many
/// rows and entities share a normalised name.
///
/// Entities are grouped into *units* that any row reaching them matches by one rule: the
/// entities of one identifier value, or the entities of one normalised name that give the same
/// identifier schemes and the same country (the name rules' guards look only at which schemes
/// both sides give and at the countries; an entity whose identifier equals the row's is matched
/// by the identifier rule first). A row reaches a *view* per identifier and per distinct name:
/// the units of that value or name it matches, with their rules, which depend only on the row's
/// identifier schemes and country.
///
/// Every row that reaches a unit by one rule gives each of its entities the same score, so once
/// `limit` rows have been applied in full to a unit (every entity lists `limit` matches with at
/// least that score), later rows only count it; once `limit` rows have been applied in full to
/// a whole view, later rows skip the view in one step. Five thousand rows whose names all collide
/// with five thousand entities cost about `limit` × 5,000 visits, not 25 million.
///
/// ``checks`` (entities classified into units) and ``visits`` (entities handed to the caller)
/// count the work done, for tests that bound it.
public struct RiskListMatchTable {
  /// A unit reached by a row, with the rule the row matches its entities by.
  public struct Step: Sendable, Hashable {
    /// Index of the unit (``entities(of:)``).
    public var unit: Int
    public var rule: ListMatchRule
  }

  /// One view a row reaches, and where in the row it came from.
  public struct Reach: Sendable, Hashable {
    /// Index of the view.
    public var view: Int
    /// The identifier scheme or the position of the row's name (0) or alias (1 + i).
    public var source: RiskListMatcher.Source
  }

  /// What the caller did with one entity (``apply(_:row:category:limit:_:)``).
  public enum Outcome: Sendable {
    /// The match is listed (a rule recorded).
    case listed
    /// The match raised r₀ but is only counted (the entity lists `limit` matches already).
    case counted
    /// A judgement suppressed the match.
    case suppressed
  }

  private struct ClassKey: Hashable {
    let mask: UInt8
    /// The country's bytes (countries compare as bytes, as the name rule does).
    let country: [UInt8]?
  }

  private struct NameClass {
    let unit: Int
    let mask: UInt8
    let country: String?
  }

  private enum ViewKey: Hashable {
    case identifier(scheme: Int, slot: Int)
    case name(slot: Int, rowMask: UInt8, rowCountry: [UInt8]?)
  }

  private struct Applied: Hashable {
    let item: Int
    let category: Int
  }

  private let matcher: RiskListMatcher
  private let normalizer: NameNormalizer
  private var units: [[EntityIndex]] = []
  private var classesOfSlot: [Int: [NameClass]] = [:]
  private var viewOfKey: [ViewKey: Int] = [:]
  /// The steps of each view and the number of entities they hold.
  private var views: [(steps: [Step], size: Int)] = []
  /// Rows applied in full to a step (item = unit × 4 + rule) or a view, per category.
  private var unitRows: [Applied: Int] = [:]
  private var viewRows: [Applied: Int] = [:]
  /// The last row that matched each entity, so that a row matches an entity once.
  private var lastRow: [Int32]
  /// Entities classified into units so far.
  public private(set) var checks = 0
  /// Entities handed to ``apply(_:row:category:limit:_:)``'s body so far.
  public private(set) var visits = 0

  /// A table over `matcher`'s indexes for a graph of `entityCount` entities.
  public init(matcher: RiskListMatcher, normalizer: NameNormalizer, entityCount: Int) {
    self.matcher = matcher
    self.normalizer = normalizer
    lastRow = [Int32](repeating: -1, count: entityCount)
  }

  /// The normalised names of `entry` (its name, then its aliases; empty where nothing is left).
  public func keys(of entry: RiskListEntry) -> [String] {
    var cache = NameKeyCache(normalizer: normalizer)
    return ([entry.name] + entry.aliases).map { cache.key($0) }
  }

  /// The views `entry` (whose normalised names are `keys`) reaches, identifiers first, then
  /// its names in order (a name seen before in the row is skipped).
  ///
  /// - Complexity: O(n) look-ups for n names and identifiers; the first row to reach a name also
  ///   classifies its m entities, O(m), and the first row of a view lists its units.
  public mutating func reaches(of entry: RiskListEntry, keys: [String]) -> [Reach] {
    var reaches: [Reach] = []
    let values = RiskListMatcher.identifierValues(entry.identifiers)
    var rowMask: UInt8 = 0
    for (s, value) in values.enumerated() {
      guard let value else { continue }
      rowMask |= 1 << s
      guard let slot = matcher.identifierSlot(s, of: value) else { continue }
      let key = ViewKey.identifier(scheme: s, slot: slot)
      let view: Int
      if let known = viewOfKey[key] {
        view = known
      } else {
        let entities = matcher.entities(scheme: s, slot: slot)
        checks += entities.count
        units.append(entities)
        view = addView(key, [Step(unit: units.count - 1, rule: .identifier)])
      }
      reaches.append(Reach(view: view, source: .identifier(scheme: s)))
    }
    let rowCountry = entry.country.map { Array($0.utf8) }
    var seen = Set<Int>()
    for (position, key) in keys.enumerated() where !key.isEmpty {
      guard let slot = matcher.nameSlot(of: key), seen.insert(slot).inserted else { continue }
      let key = ViewKey.name(slot: slot, rowMask: rowMask, rowCountry: rowCountry)
      let view: Int
      if let known = viewOfKey[key] {
        view = known
      } else {
        let steps = classes(ofSlot: slot).compactMap { nameClass -> Step? in
          guard nameClass.mask & rowMask == 0 else { return nil }
          guard let rowCountry = entry.country, let country = nameClass.country else {
            return Step(unit: nameClass.unit, rule: .nameOnly)
          }
          return rowCountry.utf8Equals(country) ? Step(unit: nameClass.unit, rule: .nameCountry) : nil
        }
        view = addView(key, steps)
      }
      reaches.append(Reach(view: view, source: .name(position: position)))
    }
    return reaches
  }

  /// Applies `reach` of row `row` (rows in ascending order) in category `category`: calls
  /// `body` with each entity of the view's units and the unit's rule, skipping entities an
  /// earlier view of the row matched (by the same rule), units to which `limit` rows were already applied in full
  /// by that rule in the category, and the whole view when `limit` rows were applied to all of it.
  ///
  /// - Returns: the number of matches counted but not listed (``Outcome/counted`` and the
  ///   entities of skipped units).
  /// - Complexity: O(1) for a skipped view, else O(u + m) for u units and m entities not skipped.
  public mutating func apply(
    _ reach: Reach, row: Int, category: Int, limit: Int, _ body: (EntityIndex, ListMatchRule) -> Outcome
  ) -> Int {
    let (steps, size) = views[reach.view]
    let viewKey = Applied(item: reach.view, category: category)
    if viewRows[viewKey, default: 0] >= limit { return size }
    var counted = 0
    var isViewFull = true
    for step in steps {
      let entities = units[step.unit]
      let unitKey = Applied(item: step.unit * 4 + Self.rank(step.rule), category: category)
      if unitRows[unitKey, default: 0] >= limit {
        counted += entities.count
        continue
      }
      var isFull = true
      for entity in entities {
        // An entity an earlier view of this row matched got this row's match by the same rule
        // (name rules do not depend on the name; an identifier match shares a scheme with the
        // row, which keeps the entity out of every name view).
        guard lastRow[Int(entity)] != Int32(row) else { continue }
        lastRow[Int(entity)] = Int32(row)
        visits += 1
        switch body(entity, step.rule) {
        case .listed: break
        case .counted: counted += 1
        case .suppressed: isFull = false
        }
      }
      if isFull { unitRows[unitKey, default: 0] += 1 } else { isViewFull = false }
    }
    if isViewFull { viewRows[viewKey, default: 0] += 1 }
    return counted
  }

  private static func rank(_ rule: ListMatchRule) -> Int {
    switch rule {
    case .identifier: 0
    case .nameCountry: 1
    case .nameOnly: 2
    case .nameFuzzy: 3
    }
  }

  private mutating func addView(_ key: ViewKey, _ steps: [Step]) -> Int {
    views.append((steps, steps.reduce(0) { $0 + units[$1.unit].count }))
    viewOfKey[key] = views.count - 1
    return views.count - 1
  }

  private mutating func classes(ofSlot slot: Int) -> [NameClass] {
    if let classes = classesOfSlot[slot] { return classes }
    var members: [[EntityIndex]] = []
    var keys: [ClassKey] = []
    var indexOfKey: [ClassKey: Int] = [:]
    for entity in matcher.entities(scheme: nil, slot: slot) {
      checks += 1
      var mask: UInt8 = 0
      let identifiers = matcher.entities.identifiers(of: entity)
      for (s, value) in RiskListMatcher.identifierValues(identifiers).enumerated() where value != nil {
        mask |= 1 << s
      }
      let key = ClassKey(mask: mask, country: matcher.entities.country(of: entity).map { Array($0.utf8) })
      if let index = indexOfKey[key] {
        members[index].append(entity)
      } else {
        indexOfKey[key] = members.count
        members.append([entity])
        keys.append(key)
      }
    }
    var classes: [NameClass] = []
    for (key, entities) in zip(keys, members) {
      units.append(entities)
      classes.append(
        NameClass(
          unit: units.count - 1, mask: key.mask, country: key.country.map { String(decoding: $0, as: UTF8.self) }))
    }
    classesOfSlot[slot] = classes
    return classes
  }
}
