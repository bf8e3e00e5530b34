import TierscanCore

/// Entities that only changed id between two runs (a supplier list re-exported with new ids):
/// an entity present only on the old side and one present only on the new side are one entity
/// when exactly one link ties them (docs/entity-resolution.md §10):
///
/// - **identifier** — they share an LEI, DUNS or CID (the identifiers the graph merges by;
///   SPEC §1 "Merging");
/// - **alias** — one side lists the other's id among its aliases (the new run merged the old id in);
/// - **judgement** — a `same` judgement given to `diff` names one id (or alias) of each.
///
/// A link is one-to-one or nothing: an old entity tied to two new ones (or the reverse) stays
/// removed and added, and the tie is listed as ambiguous. A `not_same` judgement between the two
/// vetoes alias and judgement links; an identifier link stands (as in the graph, where a shared
/// identifier merges whatever a judgement says) and notes the judgement.
public struct EntityRenames: Sendable {
  /// One entity whose id changed.
  public struct Rename: Sendable, Hashable {
    public var oldID: String
    public var newID: String
    public var oldName: String
    public var name: String
    public var kind: String
    /// What ties them: `lei 5493…`, `duns …`, `cid …`, `alias`, or `judgement FILE:LINE`
    /// (several joined by `; `).
    public var via: String
  }

  /// Old or new entities tied to more than one entity on the other side: not renamed.
  public struct Ambiguity: Sendable, Hashable {
    /// The entity (on the side named by `isOld`) and the entities it is tied to on the other.
    public var id: String
    public var isOld: Bool
    public var others: [String]
  }

  /// Renames by old id (bytes).
  public var renames: [Rename] = []
  public var ambiguities: [Ambiguity] = []

  /// No renames.
  public init() {}

  /// Ties `removed` (old-only) entities to `added` (new-only) ones.
  ///
  /// - Complexity: O((R + A + J) log(R + A)) hash look-ups for R removed, A added entities and J
  ///   judgements.
  public init(removed: [ScanSnapshot.EntityRow], added: [ScanSnapshot.EntityRow], judgements: [Judgement]) {
    guard !removed.isEmpty, !added.isEmpty else { return }
    // Links (old index, new index) → reasons, in a deterministic order.
    var reasons: [[Int]: [String]] = [:]
    var vetoes: [[Int]: String] = [:]
    func link(_ o: Int, _ n: Int, _ why: String) {
      if reasons[[o, n], default: []].contains(why) { return }
      reasons[[o, n], default: []].append(why)
    }
    var oldByIdentifier: [String: [Int]] = [:]
    for (o, row) in removed.enumerated() {
      for key in Self.identifierKeys(row.identifiers) { oldByIdentifier[key, default: []].append(o) }
    }
    for (n, row) in added.enumerated() {
      for key in Self.identifierKeys(row.identifiers) {
        for o in oldByIdentifier[key] ?? [] { link(o, n, key) }
      }
    }
    // Names (ids and aliases) of each side.
    var oldByName: [RawKey: [Int]] = [:]
    for (o, row) in removed.enumerated() {
      for name in Set([row.id] + row.aliases) { oldByName[RawKey(name), default: []].append(o) }
    }
    var newByName: [RawKey: [Int]] = [:]
    for (n, row) in added.enumerated() {
      for name in Set([row.id] + row.aliases) { newByName[RawKey(name), default: []].append(n) }
    }
    for (n, row) in added.enumerated() {
      for alias in row.aliases { for o in oldByName[RawKey(alias)] ?? [] where removed[o].id == alias { link(o, n, "alias") } }
    }
    for (o, row) in removed.enumerated() {
      for alias in row.aliases { for n in newByName[RawKey(alias)] ?? [] where added[n].id == alias { link(o, n, "alias") } }
    }
    for judgement in judgements where judgement.decision != .unsure {
      let location = judgement.provenance.description
      for (a, b) in [(judgement.left, judgement.right), (judgement.right, judgement.left)] {
        for o in oldByName[RawKey(a)] ?? [] {
          for n in newByName[RawKey(b)] ?? [] {
            if judgement.decision == .same { link(o, n, "judgement \(location)") } else { vetoes[[o, n]] = location }
          }
        }
      }
    }
    var byOld: [Int: [Int]] = [:]
    var byNew: [Int: [Int]] = [:]
    var kept: [[Int]: [String]] = [:]
    for (pair, why) in reasons {
      var why = why
      if let veto = vetoes[pair] {
        why = why.filter { $0 != "alias" && !$0.hasPrefix("judgement ") }
        if why.isEmpty { continue }
        why.append("judged not_same at \(veto), but the identifier agrees")
      }
      kept[pair] = why
      byOld[pair[0], default: []].append(pair[1])
      byNew[pair[1], default: []].append(pair[0])
    }
    for (pair, why) in kept where byOld[pair[0]]!.count == 1 && byNew[pair[1]]!.count == 1 {
      let (a, b) = (removed[pair[0]], added[pair[1]])
      renames.append(Rename(oldID: a.id, newID: b.id, oldName: a.name, name: b.name, kind: b.kind, via: why.joined(separator: "; ")))
    }
    renames.sort { $0.oldID.utf8Precedes($1.oldID) }
    for (o, list) in byOld where list.count > 1 {
      ambiguities.append(Ambiguity(id: removed[o].id, isOld: true, others: list.map { added[$0].id }.sorted { $0.utf8Precedes($1) }))
    }
    for (n, list) in byNew where list.count > 1 {
      ambiguities.append(Ambiguity(id: added[n].id, isOld: false, others: list.map { removed[$0].id }.sorted { $0.utf8Precedes($1) }))
    }
    ambiguities.sort { $0.isOld != $1.isOld ? $0.isOld : $0.id.utf8Precedes($1.id) }
  }

  /// The merge-capable identifiers of an entity as keys (`lei X`, `duns X`, `cid X`; VAT never merges).
  static func identifierKeys(_ identifiers: Identifiers) -> [String] {
    var keys: [String] = []
    if let lei = identifiers.lei, !lei.isEmpty { keys.append("lei " + lei) }
    if let duns = identifiers.duns, !duns.isEmpty { keys.append("duns " + duns) }
    if let cid = identifiers.cid, !cid.isEmpty { keys.append("cid " + cid) }
    return keys
  }

  /// Old id → new id of every rename.
  public var newIDs: [RawKey: String] {
    var map: [RawKey: String] = [:]
    for r in renames { map[RawKey(r.oldID)] = r.newID }
    return map
  }
}
