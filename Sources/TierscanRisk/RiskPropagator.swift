import TierscanCore

/// Production propagation (SPEC §3): the same layered relaxation as ``ReferencePropagator``,
/// but each layer re-folds only the entities with an arc from an entity that changed in the
/// previous layer, and paths are kept as a shared tree of compact labels (entity, edge, parent)
/// instead of copied arrays.
///
/// Why it gives exactly the reference's result: a re-folded entity folds the same candidates in
/// the same order as the reference, and comparing two label chains node by node, then edge by
/// edge, is comparing the reference's whole paths (chains stop early where they share a label).
/// After each fold the candidates are checked once more against the winner; when none beats it,
/// the reference's re-fold of the same candidates in a later layer returns the winner again, so
/// the entity can be skipped until an arc source changes. When one does beat it (ties within
/// 1e-12 are not transitive: 0, 0.6e-12 and 1.2e-12 apart), the entity is re-folded next layer
/// like the reference would. Tests compare both on 400 random graphs and on that case.
public struct RiskPropagator: Sendable {
  /// The propagated exposure of one category.
  public struct Result: Sendable {
    /// E(v) for every entity (0 when unexposed).
    public let scores: [Double]
    /// The label of each entity's argmax path, -1 when unexposed.
    let label: [Int32]
    let labels: LabelTree
    /// Arcs examined by the folds (for benchmark rates only).
    var relaxations = 0

    /// Number of hops of the argmax path of `entity` (0 for its own inherent risk).
    public func hops(of entity: EntityIndex) -> Int {
      let l = label[Int(entity)]
      return l < 0 ? 0 : Int(labels.hops[Int(l)])
    }

    /// The risk source of the argmax path of an exposed `entity` (the root of its label chain).
    public func source(of entity: EntityIndex) -> EntityIndex {
      var l = label[Int(entity)]
      while labels.parent[Int(l)] >= 0 { l = labels.parent[Int(l)] }
      return labels.node[Int(l)]
    }

    /// The argmax path of `entity`, or `nil` when its exposure is 0.
    public func path(to entity: EntityIndex, transmission: Transmission) -> ExposurePath? {
      let last = label[Int(entity)]
      guard last >= 0 else { return nil }
      // Filled from the entity back to the source into an array of the exact length.
      let count = Int(labels.hops[Int(last)])
      var l = last
      let hops = [PathHop](unsafeUninitializedCapacity: count) { buffer, initialized in
        for i in stride(from: count - 1, through: 0, by: -1) {
          let e = labels.edge[Int(l)]
          let parent = labels.parent[Int(l)]
          let reversed = labels.reversed[Int(l)]
          (buffer.baseAddress! + i).initialize(
            to: PathHop(
              edge: e, isReversed: reversed, from: labels.node[Int(parent)], to: labels.node[Int(l)],
              transmission: transmission.along(Int(e), reversed: reversed)))
          l = parent
        }
        initialized = count
      }
      return ExposurePath(score: scores[Int(entity)], source: labels.node[Int(l)], hops: hops)
    }
  }

  /// Path tree: label i is "entity `node[i]`, reached over `edge[i]` from label `parent[i]`".
  struct LabelTree: Sendable {
    var node: [EntityIndex] = []
    var edge: [RelationshipIndex] = []
    var parent: [Int32] = []
    var reversed: [Bool] = []
    var hops: [Int32] = []

    mutating func add(node v: EntityIndex, edge e: RelationshipIndex, parent p: Int32, reversed r: Bool) -> Int32 {
      node.append(v)
      edge.append(e)
      parent.append(p)
      reversed.append(r)
      hops.append(p < 0 ? 0 : hops[Int(p)] + 1)
      return Int32(node.count - 1)
    }

    /// Compares the paths `(e1 from p1)` and `(e2 from p2)` into the same entity, of equal length:
    /// entity sequences first, then edge sequences. Returns whether the first precedes.
    func precedes(_ e1: RelationshipIndex, _ p1: Int32, _ e2: RelationshipIndex, _ p2: Int32) -> Bool {
      var a = p1
      var b = p2
      while a != b, a >= 0, b >= 0 {
        if node[Int(a)] != node[Int(b)] { return node[Int(a)] < node[Int(b)] }
        a = parent[Int(a)]
        b = parent[Int(b)]
      }
      if e1 != e2 { return e1 < e2 }
      a = p1
      b = p2
      while a != b, a >= 0, b >= 0 {
        if edge[Int(a)] != edge[Int(b)] { return edge[Int(a)] < edge[Int(b)] }
        a = parent[Int(a)]
        b = parent[Int(b)]
      }
      return false
    }
  }

  /// Creates the propagator.
  public init() {}

  /// Exposure of every entity for one category.
  ///
  /// - Complexity: O(Σₖ Σ_{v re-folded in layer k} deg(v)) ≤ O(D · (V + E)) time, plus
  ///   O(h) per score tie for chain walks of length h ≤ D; O(V + L) memory for L labels created.
  public func propagate(
    graph: SupplyGraph, transmission: Transmission, inherent: [Double], maxDepth: Int
  ) -> Result {
    propagate(arcs: RiskArcs(graph: graph, transmission: transmission), inherent: inherent, maxDepth: maxDepth)
  }

  /// Exposure of every entity for one category, over arcs built once for all categories.
  ///
  /// Each layer pushes the candidates of the entities that changed in the previous layer along
  /// their arcs. That equals the reference's full re-fold of a target as long as the target's
  /// best dominates every other candidate it has seen (a score more than 1e-12 lower, or an equal
  /// score that loses the tie-break — both transitive). Scores that differ by less than 1e-12 but
  /// are not equal ("near ties") are not transitive, so an entity whose comparisons meet one is
  /// re-folded over all its arcs in the reference's order instead, and stays so until a full
  /// fold meets no near tie.
  public func propagate(arcs: RiskArcs, inherent: [Double], maxDepth: Int) -> Result {
    let n = arcs.entityCount
    var state = inherent.map { State(score: $0, label: -1, hops: 0) }
    var tree = LabelTree()
    var changed: [EntityIndex] = []
    for v in 0..<n where inherent[v] > 0 {
      state[v].label = tree.add(node: EntityIndex(v), edge: -1, parent: -1, reversed: false)
      changed.append(EntityIndex(v))
    }
    // Whether the entity's last full fold met a near tie (it is re-folded whenever touched).
    var nearTied = [Bool](repeating: false, count: n)
    // The layer in which each entity was last touched, and its index in `touched` then.
    var mark = [TouchMark](repeating: TouchMark(layer: 0, index: 0), count: n)
    var touched: [Touched] = []
    var refold: [EntityIndex] = []
    var unstable: [EntityIndex] = []
    var relaxations = 0
    var layer: Int32 = 0

    func incumbent(_ v: EntityIndex) -> Candidate {
      let label = state[Int(v)].label
      guard label >= 0 else { return Candidate.none }
      return Candidate(
        score: state[Int(v)].score, hops: state[Int(v)].hops, edge: tree.edge[Int(label)], parent: tree.parent[Int(label)],
        reversed: tree.reversed[Int(label)])
    }
    /// `touched` index of `v` in this layer, adding it (from its incumbent) when new.
    func touch(_ v: EntityIndex) -> Int {
      if mark[Int(v)].layer == layer { return Int(mark[Int(v)].index) }
      mark[Int(v)] = TouchMark(layer: layer, index: Int32(touched.count))
      let full = nearTied[Int(v)]
      if full { refold.append(v) }
      touched.append(Touched(entity: v, best: incumbent(v), refold: full))
      return touched.count - 1
    }

    arcs.arcs.withUnsafeBufferPointer { arcList in
      let inOffsets = arcs.inOffsets
      let outOffsets = arcs.outOffsets
      let outArcs = arcs.outArcs
      while !changed.isEmpty, Int(layer) < maxDepth {
        layer += 1
        touched.removeAll(keepingCapacity: true)
        refold.removeAll(keepingCapacity: true)
        for v in unstable {
          let i = touch(v)
          if !touched[i].refold {
            touched[i].refold = true
            refold.append(v)
          }
        }
        unstable.removeAll(keepingCapacity: true)
        // Push the changed entities' candidates.
        for u in changed {
          let from = state[Int(u)]
          for k in Int(outOffsets[Int(u)])..<Int(outOffsets[Int(u) + 1]) {
            let arc = outArcs[k]
            let i = touch(arc.entity)
            guard !touched[i].refold else { continue }
            relaxations += 1
            guard let candidate = Candidate(from: from, over: arc) else { continue }
            let verdict = candidate.compare(with: touched[i].best, in: tree)
            if verdict.nearTie {
              touched[i].refold = true
              refold.append(touched[i].entity)
            } else if verdict.beats {
              touched[i].best = candidate
            }
          }
        }
        // Fold the others over all their arcs, in the reference's order.
        for v in refold {
          let candidates = Int(inOffsets[Int(v)])..<Int(inOffsets[Int(v) + 1])
          relaxations += candidates.count
          var best = incumbent(v)
          var sawNearTie = false
          for slot in candidates {
            guard let candidate = Candidate(from: state[Int(arcList[slot].entity)], over: arcList[slot]) else { continue }
            let verdict = candidate.compare(with: best, in: tree)
            sawNearTie = sawNearTie || verdict.nearTie
            if verdict.beats { best = candidate }
          }
          // Re-folding the same candidates from `best` returns `best` unless one beats it (possible
          // only after a near tie); such an entity is re-folded next layer even if no arc source
          // changes, exactly as the reference re-folds every entity.
          if sawNearTie,
            candidates.contains(where: { slot in
              Candidate(from: state[Int(arcList[slot].entity)], over: arcList[slot])?.compare(with: best, in: tree).beats
                ?? false
            })
          {
            unstable.append(v)
          }
          nearTied[Int(v)] = sawNearTie
          touched[Int(mark[Int(v)].index)].best = best
        }
        // Apply the layer: every entity whose best is a new path gets a label.
        changed.removeAll(keepingCapacity: true)
        for entry in touched {
          let best = entry.best
          let old = incumbent(entry.entity)
          guard best.hops >= 0,
            best.hops != old.hops || best.edge != old.edge || best.parent != old.parent || best.reversed != old.reversed
          else { continue }
          let label = tree.add(node: entry.entity, edge: best.edge, parent: best.parent, reversed: best.reversed)
          state[Int(entry.entity)] = State(score: best.score, label: label, hops: best.hops)
          changed.append(entry.entity)
        }
      }
    }
    return Result(scores: state.map(\.score), label: state.map(\.label), labels: tree, relaxations: relaxations)
  }

  /// The previous layer's value of one entity, kept together so a candidate costs one load.
  struct State {
    var score: Double
    /// Label of the argmax path, -1 when unexposed.
    var label: Int32
    /// Hops of that path.
    var hops: Int32
  }

  /// A path into an entity: `edge` from the path of label `parent`.
  struct Candidate {
    var score: Double
    /// -1 for no path.
    var hops: Int32
    var edge: RelationshipIndex
    var parent: Int32
    var reversed: Bool

    static let none = Candidate(score: 0, hops: -1, edge: -1, parent: -1, reversed: false)

    /// The candidate over `arc` from a source in state `from`; `nil` when it carries no risk.
    @inline(__always)
    init?(from: State, over arc: RiskArcs.Arc) {
      guard from.label >= 0 else { return nil }
      let score = from.score * arc.transmission
      guard score > 0 else { return nil }
      self.init(score: score, hops: from.hops + 1, edge: arc.edge, parent: from.label, reversed: arc.isReversed)
    }

    init(score: Double, hops: Int32, edge: RelationshipIndex, parent: Int32, reversed: Bool) {
      self.score = score
      self.hops = hops
      self.edge = edge
      self.parent = parent
      self.reversed = reversed
    }

    /// Whether this candidate beats `best` (``PathOrder``), and whether their scores are a near
    /// tie (within the tolerance but not equal).
    @inline(__always)
    func compare(with best: Candidate, in tree: LabelTree) -> (beats: Bool, nearTie: Bool) {
      guard best.hops >= 0 else { return (true, false) }
      if score < best.score - PathOrder.tolerance { return (false, false) }
      if score > best.score + PathOrder.tolerance { return (true, false) }
      let nearTie = score != best.score
      if hops != best.hops { return (hops < best.hops, nearTie) }
      return (tree.precedes(edge, parent, best.edge, best.parent), nearTie)
    }
  }

  /// The layer in which an entity was last touched and its index in that layer's touched list
  /// (one record, so checking and finding it costs one memory access).
  struct TouchMark {
    var layer: Int32
    var index: Int32
  }

  /// An entity touched in the current layer: its best candidate so far, and whether it is
  /// folded over all its arcs.
  struct Touched {
    var entity: EntityIndex
    var best: Candidate
    var refold: Bool
  }
}
