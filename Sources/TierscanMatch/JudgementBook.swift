import TierscanCore

/// Reviewer judgements checked against each other and against the inputs, ready to apply
/// (SPEC v3 §6; docs/entity-resolution.md).
///
/// Built in two steps: ``init(judgements:findings:)`` before the graph (contradictions; which
/// `same` judgements merge entities), then ``resolve(graph:riskList:findings:)`` once the graph
/// exists (stale judgements; look-ups by entity index and risk-list row).
///
/// - Contradictions (error `contradictory-judgement`): `same` and `not_same` for one pair (both
///   void), or `not_same` for two records that `same` judgements join transitively (the
///   `not_same` is void). Repeated identical judgements are fine; `unsure` never contradicts.
/// - Stale (warning `stale-judgement`): a side that names no entity id and no risk-list row of
///   the inputs; the judgement is not applied, and nothing is dropped silently.
public struct JudgementBook: Sendable {
  /// Every judgement, in input order.
  public let judgements: [Judgement]
  /// Whether each judgement is void (contradicted).
  public let isVoid: [Bool]
  private var entityPairs: [EntityPair: Int] = [:]
  private var rowPairs: [EntityRowPair: Int] = [:]

  /// An unordered pair of entities.
  private struct EntityPair: Hashable {
    let low: EntityIndex
    let high: EntityIndex
    init(_ a: EntityIndex, _ b: EntityIndex) { (low, high) = a < b ? (a, b) : (b, a) }
  }

  private struct EntityRowPair: Hashable {
    let entity: EntityIndex
    let row: String
  }

  /// An empty book.
  public init() {
    judgements = []
    isVoid = []
  }

  /// Checks the judgements against each other.
  ///
  /// - Complexity: O(n α(n)) for n judgements.
  public init(judgements: [Judgement], findings: inout FindingLog) {
    self.judgements = judgements
    var void = [Bool](repeating: false, count: judgements.count)
    // Direct contradictions: one pair, `same` and `not_same`.
    var firstDecision: [[String]: (index: Int, decision: Judgement.Decision)] = [:]
    for (i, judgement) in judgements.enumerated() where judgement.decision != .unsure {
      let key = [judgement.left, judgement.right].sorted()
      guard let first = firstDecision[key] else {
        firstDecision[key] = (i, judgement.decision)
        continue
      }
      if first.decision != judgement.decision {
        void[i] = true
        void[first.index] = true
        findings.add(
          .error, .contradictoryJudgement, at: judgement.provenance,
          "'\(judgement.left)' and '\(judgement.right)' are judged \(judgement.decision.rawValue) here and "
            + "\(first.decision.rawValue) at \(judgements[first.index].provenance.description); neither is applied",
          evidence: [Attribute("other", judgements[first.index].provenance.description)])
      }
    }
    // Transitive: `not_same` inside a set joined by (non-void) `same` judgements.
    var ids: [String: Int32] = [:]
    var sets = UnionFind()
    // The judgement that last joined into each root (sets keep their smallest element as root).
    var joinedBy: [Int] = []
    func node(_ key: String) -> Int32 {
      if let n = ids[key] { return n }
      let n = sets.makeSet()
      ids[key] = n
      joinedBy.append(-1)
      return n
    }
    for (i, judgement) in judgements.enumerated() where judgement.decision == .same && !void[i] {
      let (a, b) = (sets.find(node(judgement.left)), sets.find(node(judgement.right)))
      if a != b {
        sets.union(a, b)
        joinedBy[Int(min(a, b))] = i
      }
    }
    for (i, judgement) in judgements.enumerated() where judgement.decision == .notSame && !void[i] {
      guard let a = ids[judgement.left], let b = ids[judgement.right], sets.find(a) == sets.find(b) else { continue }
      void[i] = true
      let via = joinedBy[Int(sets.find(a))]
      findings.add(
        .error, .contradictoryJudgement, at: judgement.provenance,
        "'\(judgement.left)' and '\(judgement.right)' are judged not_same, but same judgements join them"
          + (via >= 0 ? " (e.g. \(judgements[via].provenance.description))" : "") + "; the not_same is not applied")
    }
    isVoid = void
  }

  /// The `same` judgements between two entity ids that merge entities: (left, right, provenance).
  public var merges: [(left: String, right: String, provenance: Provenance)] {
    judgements.indices.compactMap { i in
      let j = judgements[i]
      guard j.decision == .same, !isVoid[i], !Judgement.isRiskListKey(j.left), !Judgement.isRiskListKey(j.right) else {
        return nil
      }
      return (j.left, j.right, j.provenance)
    }
  }

  /// Resolves the judgements' sides against the graph and the risk list; reports stale ones.
  /// A `not_same` between two ids that are one entity (merged by id or identifier) is reported
  /// as `contradictory-judgement` (error) and not applied.
  ///
  /// - Complexity: O(n + R) hash look-ups.
  public mutating func resolve(graph: SupplyGraph, riskList: [RiskListEntry], findings: inout FindingLog) {
    let rows = Set(riskList.map { MatchRecord.key(list: $0.list, name: $0.name) })
    for (i, judgement) in judgements.enumerated() where !isVoid[i] {
      var unknown: [String] = []
      func side(_ key: String) -> Side? {
        if Judgement.isRiskListKey(key) {
          if rows.contains(key) { return .row(key) }
        } else if let entity = graph.index(of: key) {
          return .entity(entity)
        }
        unknown.append(key)
        return nil
      }
      let left = side(judgement.left)
      let right = side(judgement.right)
      guard let left, let right else {
        findings.add(
          .warning, .staleJudgement, at: judgement.provenance,
          "judgement names \(unknown.map { "'\($0)'" }.joined(separator: " and ")), not in the inputs; not applied",
          evidence: unknown.map { Attribute("unknown", $0) })
        continue
      }
      switch (left, right) {
      case (.entity(let a), .entity(let b)):
        if a == b {
          if judgement.decision == .notSame {
            findings.add(
              .error, .contradictoryJudgement, at: judgement.provenance,
              "'\(judgement.left)' and '\(judgement.right)' are judged not_same, but they are one entity "
                + "'\(graph.entities.id(of: a))' (shared id, identifier or a same judgement); not applied")
          }
          continue
        }
        if entityPairs[EntityPair(a, b)] == nil { entityPairs[EntityPair(a, b)] = i }
      case (.entity(let e), .row(let r)), (.row(let r), .entity(let e)):
        let key = EntityRowPair(entity: e, row: r)
        if rowPairs[key] == nil { rowPairs[key] = i }
      case (.row, .row):
        findings.add(
          .warning, .staleJudgement, at: judgement.provenance,
          "judgement compares two risk-list rows; judgements compare an entity with an entity or a row; not applied")
      }
    }
  }

  private enum Side {
    case entity(EntityIndex)
    case row(String)
  }

  /// The judgement about two entities, if any (after ``resolve(graph:riskList:findings:)``).
  public func judgement(_ a: EntityIndex, _ b: EntityIndex) -> Judgement? {
    entityPairs[EntityPair(a, b)].map { judgements[$0] }
  }

  /// The judgement about an entity and a risk-list row (key `list:<list>|<name>`), if any.
  public func judgement(entity: EntityIndex, row: String) -> Judgement? {
    rowPairs[EntityRowPair(entity: entity, row: row)].map { judgements[$0] }
  }

  /// The entity–row judgements with decision `same` (a reviewer confirmed the match), sorted by entity.
  public var confirmedRowMatches: [(entity: EntityIndex, row: String, judgement: Judgement)] {
    rowPairs.compactMap { key, i in
      judgements[i].decision == .same ? (key.entity, key.row, judgements[i]) : nil
    }.sorted { $0.entity != $1.entity ? $0.entity < $1.entity : $0.row < $1.row }
  }

  /// Whether the book holds any judgement at all.
  public var isEmpty: Bool { judgements.isEmpty }
}
