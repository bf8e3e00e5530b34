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

    /// The argmax path of `entity`, or `nil` when its exposure is 0.
    public func path(to entity: EntityIndex, transmission: Transmission) -> ExposurePath? {
      var l = label[Int(entity)]
      guard l >= 0 else { return nil }
      var hops: [PathHop] = []
      while labels.edge[Int(l)] >= 0 {
        let e = labels.edge[Int(l)]
        let parent = labels.parent[Int(l)]
        let reversed = labels.reversed[Int(l)]
        hops.append(
          PathHop(
            edge: e, isReversed: reversed, from: labels.node[Int(parent)], to: labels.node[Int(l)],
            transmission: reversed ? transmission.backward[Int(e)] : transmission.forward[Int(e)]))
        l = parent
      }
      return ExposurePath(score: scores[Int(entity)], source: labels.node[Int(l)], hops: hops.reversed())
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
  public func propagate(arcs: RiskArcs, inherent: [Double], maxDepth: Int) -> Result {
    let n = arcs.entityCount
    /// The previous layer's value of one entity, kept together so a candidate costs one load.
    struct State {
      var score: Double
      /// Label of the argmax path, -1 when unexposed.
      var label: Int32
      /// Hops of that path.
      var hops: Int32
    }
    var state = inherent.map { State(score: $0, label: -1, hops: 0) }
    var tree = LabelTree()
    var changed: [EntityIndex] = []
    for v in 0..<n where inherent[v] > 0 {
      state[v].label = tree.add(node: EntityIndex(v), edge: -1, parent: -1, reversed: false)
      changed.append(EntityIndex(v))
    }
    var stamp = [Int32](repeating: 0, count: n)
    var dirty: [EntityIndex] = []
    struct Update {
      var entity: EntityIndex
      var score: Double
      var hops: Int32
      var edge: RelationshipIndex
      var parent: Int32
      var reversed: Bool
    }
    var updates: [Update] = []
    struct Best {
      var score: Double
      var hops: Int32
      var edge: RelationshipIndex
      var parent: Int32
      var reversed: Bool
    }
    var unstable: [EntityIndex] = []
    var relaxations = 0
    var layer: Int32 = 0
    arcs.arcs.withUnsafeBufferPointer { arcList in
      let inOffsets = arcs.inOffsets
      let outOffsets = arcs.outOffsets
      let targets = arcs.targets
      while !changed.isEmpty, Int(layer) < maxDepth {
        layer += 1
        dirty.removeAll(keepingCapacity: true)
        for v in unstable where stamp[Int(v)] != layer {
          stamp[Int(v)] = layer
          dirty.append(v)
        }
        for u in changed {
          for slot in Int(outOffsets[Int(u)])..<Int(outOffsets[Int(u) + 1]) {
            let v = targets[slot]
            if stamp[Int(v)] != layer {
              stamp[Int(v)] = layer
              dirty.append(v)
            }
          }
        }
        updates.removeAll(keepingCapacity: true)
        unstable.removeAll(keepingCapacity: true)
        for v in dirty {
          let candidates = Int(inOffsets[Int(v)])..<Int(inOffsets[Int(v) + 1])
          relaxations += candidates.count
          // Incumbent: the previous layer's label of v (no label: any candidate wins).
          let incumbent = state[Int(v)].label
          var best = Best(
            score: state[Int(v)].score, hops: incumbent < 0 ? -1 : state[Int(v)].hops,
            edge: incumbent < 0 ? -1 : tree.edge[Int(incumbent)], parent: incumbent < 0 ? -1 : tree.parent[Int(incumbent)],
            reversed: incumbent < 0 ? false : tree.reversed[Int(incumbent)])
          // Whether a candidate scored within the tolerance of the best so far. Without such a
          // tie every replacement raised the best by more than the tolerance, so no candidate
          // can beat the final best and the check below is skipped.
          var sawTie = false
          // Whether `arc` beats `best` (and, unless `verify`, makes it the best).
          func visit(_ arc: RiskArcs.Arc, verify: Bool) -> Bool {
            let from = state[Int(arc.source)]
            guard from.label >= 0 else { return false }
            let score = from.score * arc.transmission
            guard score > 0 else { return false }
            let hops = from.hops + 1
            if best.hops >= 0 {
              if score < best.score - PathOrder.tolerance { return false }
              if score <= best.score + PathOrder.tolerance {
                sawTie = true
                if hops != best.hops {
                  if hops > best.hops { return false }
                } else if !tree.precedes(arc.edge, from.label, best.edge, best.parent) {
                  return false
                }
              }
            }
            if !verify {
              best = Best(score: score, hops: hops, edge: arc.edge, parent: from.label, reversed: arc.isReversed)
            }
            return true
          }
          for slot in candidates { _ = visit(arcList[slot], verify: false) }
          // Re-folding the same candidates from `best` returns `best` unless one beats it (possible
          // only when ties within 1e-12 are not transitive); such an entity is re-folded next layer
          // even if no arc source changes, exactly as the reference re-folds every entity.
          if sawTie, candidates.contains(where: { visit(arcList[$0], verify: true) }) { unstable.append(v) }
          let same = incumbent >= 0 && best.hops == state[Int(v)].hops && best.edge == tree.edge[Int(incumbent)]
            && best.parent == tree.parent[Int(incumbent)] && best.reversed == tree.reversed[Int(incumbent)]
          if best.hops >= 0, !same {
            updates.append(
              Update(
                entity: v, score: best.score, hops: best.hops, edge: best.edge, parent: best.parent,
                reversed: best.reversed))
          }
        }
        changed.removeAll(keepingCapacity: true)
        for update in updates {
          let label = tree.add(node: update.entity, edge: update.edge, parent: update.parent, reversed: update.reversed)
          state[Int(update.entity)] = State(score: update.score, label: label, hops: update.hops)
          changed.append(update.entity)
        }
      }
    }
    return Result(scores: state.map(\.score), label: state.map(\.label), labels: tree, relaxations: relaxations)
  }
}
