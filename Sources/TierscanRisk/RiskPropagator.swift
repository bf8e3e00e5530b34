import CTierscanPrefetch
import TierscanCore

/// Production propagation (model §3): the same layered relaxation as ``ReferencePropagator``,
/// but each layer pushes only the candidates of the entities that changed in the previous layer
/// along the transmitting arcs (``RiskArcs``), and paths are kept as a shared tree of compact
/// labels (entity, edge, parent) instead of copied arrays.
///
/// Why it gives exactly the reference's result: comparing two label chains node by node, then
/// edge by edge, is comparing the reference's whole paths (chains stop early where they share a
/// label). Where scores are equal or more than 1e-12 apart the order is transitive, so the best
/// of the pushed candidates and the incumbent is the reference's fold result. Near ties (within
/// 1e-12 but not equal: 0, 0.6e-12 and 1.2e-12 apart) are not transitive; an entity that meets
/// one is folded over all its arcs in the reference's order, checked once more against the
/// winner, and re-folded next layer when a candidate beats it, as the reference would.
/// `docs/risk-model.md` has the argument; tests compare both on random graphs, on graphs of
/// near-tied scores and on a constructed non-transitive case.
public struct RiskPropagator: Sendable {
  /// The propagated exposure of one category.
  public struct Result: Sendable {
    /// E(v) for every entity (0 when unexposed).
    public let scores: [Double]
    /// The label of each entity's argmax path, -1 when unexposed.
    let label: [Int32]
    let labels: LabelTree
    /// `layerEnds[k]`: how many labels exist after layer k (k = 0: the sources' own); labels are
    /// created layer by layer, so an entity's incumbent after layer k is its last label below
    /// this bound (``ExposureWithout`` reads earlier layers so). Layers after the last one run
    /// created none.
    let layerEnds: [Int32]
    /// Arcs examined by the folds (for benchmark rates only).
    var relaxations = 0

    /// Number of hops of the argmax path of `entity` (0 for its own inherent risk).
    public func hops(of entity: EntityIndex) -> Int {
      let l = label[Int(entity)]
      return l < 0 ? 0 : Int(labels.hops[Int(l)])
    }

    /// The risk source of the argmax path of an exposed `entity` (the root of its label chain).
    ///
    /// - Complexity: O(1): each label records its root when made (walking the chain made a
    ///   1,000,000-deep chain quadratic, issue #14).
    public func source(of entity: EntityIndex) -> EntityIndex {
      labels.root[Int(label[Int(entity)])]
    }

    /// The argmax path of `entity`, or `nil` when its exposure is 0: its last `maxHops` hops
    /// (those nearest the entity) and how many hops from the source are left out before them.
    ///
    /// - Complexity: O(min(length, maxHops)): the chain is walked from the entity only as far
    ///   as the hops listed (listing whole paths made a 1,000,000-deep chain quadratic, #14).
    public func path(to entity: EntityIndex, transmission: Transmission, maxHops: Int = .max) -> ExposurePath? {
      let last = label[Int(entity)]
      guard last >= 0 else { return nil }
      // Filled from the entity back towards the source into an array of the exact length.
      let length = Int(labels.hops[Int(last)])
      let count = min(length, max(maxHops, 0))
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
      return ExposurePath(
        score: scores[Int(entity)], source: labels.root[Int(last)], hops: hops, omittedHops: length - count)
    }
  }

  /// Path tree: label i is "entity `node[i]`, reached over `edge[i]` from label `parent[i]`".
  struct LabelTree: Sendable, LabelChains {
    var node: [EntityIndex] = []
    var edge: [RelationshipIndex] = []
    var parent: [Int32] = []
    var reversed: [Bool] = []
    var hops: [Int32] = []
    /// The entity at the root of each label's chain (the risk source).
    var root: [EntityIndex] = []

    mutating func add(node v: EntityIndex, edge e: RelationshipIndex, parent p: Int32, reversed r: Bool) -> Int32 {
      node.append(v)
      edge.append(e)
      parent.append(p)
      reversed.append(r)
      hops.append(p < 0 ? 0 : hops[Int(p)] + 1)
      root.append(p < 0 ? v : root[Int(p)])
      return Int32(node.count - 1)
    }

    func node(_ label: Int32) -> EntityIndex { node[Int(label)] }
    func parent(_ label: Int32) -> Int32 { parent[Int(label)] }
    func edge(_ label: Int32) -> RelationshipIndex { edge[Int(label)] }
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
  ///
  /// - Parameter removed: an entity to propagate without, as if it and every arc into or out of
  ///   it were not there (its inherent risk is taken as 0 and no arc reaches it, so it never
  ///   gets a path and its arcs carry nothing): the "without u" propagation of `attribution.csv`,
  ///   over the scan's own arcs instead of a copy of them without u's. Every other entity sees
  ///   the same candidates in the same fold order as over the copied arcs (docs/risk-model.md).
  public func propagate(arcs: RiskArcs, inherent: [Double], maxDepth: Int, removing removed: EntityIndex? = nil) -> Result {
    var tree = LabelTree()
    var nodes = inherent.map { Node(score: $0) }
    // -1 (no entity) when nothing is removed.
    let skip = removed.map { Int($0) } ?? -1
    if nodes.indices.contains(skip) { nodes[skip].score = 0 }
    var changed: [EntityIndex] = []
    for v in nodes.indices where inherent[v] > 0 && v != skip {
      nodes[v].label = tree.add(node: EntityIndex(v), edge: -1, parent: -1, reversed: false)
      changed.append(EntityIndex(v))
    }
    var layerEnds = [Int32(tree.node.count)]
    var touched: [EntityIndex] = []
    var refold: [EntityIndex] = []
    var unstable: [EntityIndex] = []
    var relaxations = 0
    var layer: Int32 = 0
    // Raw buffers: the loops below make millions of random accesses, which bounds and
    // exclusivity checks would slow down; every index comes from the arc table.
    nodes.withUnsafeMutableBufferPointer { node in
      arcs.arcs.withUnsafeBufferPointer { arcList in
        arcs.outArcs.withUnsafeBufferPointer { outArcs in
          let inOffsets = arcs.inOffsets
          let outOffsets = arcs.outOffsets
          /// Adds `v` to this layer's touched entities (its best starts as its incumbent).
          func touch(_ v: Int) {
            guard node[v].layer != layer else { return }
            node[v].layer = layer
            node[v].best = node[v].incumbent
            node[v].refold = node[v].nearTied
            touched.append(EntityIndex(v))
            if node[v].refold { refold.append(EntityIndex(v)) }
          }
          /// The candidate over the arc at `slot` of ``RiskArcs/arcs``.
          func candidate(_ slot: Int) -> Candidate? {
            Candidate(from: node[Int(arcList[slot].entity)], over: arcList[slot])
          }
          while !changed.isEmpty, Int(layer) < maxDepth {
            layer += 1
            touched.removeAll(keepingCapacity: true)
            refold.removeAll(keepingCapacity: true)
            for v in unstable {
              touch(Int(v))
              if !node[Int(v)].refold {
                node[Int(v)].refold = true
                refold.append(v)
              }
            }
            unstable.removeAll(keepingCapacity: true)
            // Push the changed entities' candidates (from the previous layer's values). The
            // targets' nodes are read at random (a node is ~56 bytes, a million of them per
            // category), so their loads are asked for a few changed entities ahead
            // (``PushPrefetch``): a hint only, the pushes and their order are unchanged.
            changed.withUnsafeBufferPointer { changedList in
              outOffsets.withUnsafeBufferPointer { offsetList in
                let pipeline = PushPrefetch(changed: changedList, outOffsets: offsetList, outArcs: outArcs, nodes: node)
                for position in changedList.indices {
                  let u = changedList[position]
                  pipeline.prefetch(ahead: position)
                  let from = node[Int(u)]
                  for k in Int(offsetList[Int(u)])..<Int(offsetList[Int(u) + 1]) {
                    let arc = outArcs[k]
                    let v = Int(arc.entity)
                    // An arc into the removed entity is not there.
                    guard v != skip else { continue }
                    touch(v)
                    guard !node[v].refold else { continue }
                    relaxations += 1
                    guard let candidate = Candidate(from: from, over: arc) else { continue }
                    let verdict = candidate.compare(with: node[v].best, in: tree)
                    if verdict.nearTie {
                      node[v].refold = true
                      refold.append(EntityIndex(v))
                    } else if verdict.beats {
                      node[v].best = candidate
                    }
                  }
                }
              }
            }
            // Fold the others over all their arcs, in the reference's order.
            for v in refold.map({ Int($0) }) {
              let candidates = Int(inOffsets[v])..<Int(inOffsets[v + 1])
              relaxations += candidates.count
              var best = node[v].incumbent
              var sawNearTie = false
              for slot in candidates {
                guard let candidate = candidate(slot) else { continue }
                let verdict = candidate.compare(with: best, in: tree)
                sawNearTie = sawNearTie || verdict.nearTie
                if verdict.beats { best = candidate }
              }
              // Re-folding the same candidates from `best` returns `best` unless one beats it
              // (possible only after a near tie); such an entity is re-folded next layer even if
              // no arc source changes, exactly as the reference re-folds every entity.
              if sawNearTie, candidates.contains(where: { candidate($0)?.compare(with: best, in: tree).beats ?? false }) {
                unstable.append(EntityIndex(v))
              }
              node[v].nearTied = sawNearTie
              node[v].best = best
            }
            // Apply the layer: every entity whose best is a new path gets a label.
            changed.removeAll(keepingCapacity: true)
            // The touched nodes are read again in touch order, at random: asked for 8 ahead.
            for position in touched.indices {
              if position &+ 8 < touched.count, let base = node.baseAddress {
                let ahead = UnsafeRawPointer(base + Int(touched[position &+ 8]))
                tierscan_prefetch(ahead)
                tierscan_prefetch(ahead + (MemoryLayout<Node>.size - 1))
              }
              let v = Int(touched[position])
              let best = node[v].best
              guard best.hops >= 0, !best.isSamePath(as: node[v].incumbent) else { continue }
              node[v].adopt(best, label: tree.add(node: EntityIndex(v), edge: best.edge, parent: best.parent, reversed: best.reversed))
              changed.append(EntityIndex(v))
            }
            layerEnds.append(Int32(tree.node.count))
          }
        }
      }
    }
    return Result(scores: nodes.map(\.score), label: nodes.map(\.label), labels: tree, layerEnds: layerEnds, relaxations: relaxations)
  }

  /// Software prefetching for a layer's pushes: while the arcs of `changed[i]` are pushed, the
  /// offsets of `changed[i + 4]`, the arc list of `changed[i + 2]` and the target nodes of
  /// `changed[i + 1]` are asked for, so that the random loads of several entities overlap
  /// instead of each waiting in turn. It reads only what the loop reads later and changes no
  /// value (``tierscan_prefetch`` is a hint that never faults).
  struct PushPrefetch {
    let changed: UnsafeBufferPointer<EntityIndex>
    let outOffsets: UnsafeBufferPointer<Int32>
    let outArcs: UnsafeBufferPointer<RiskArcs.Arc>
    let nodes: UnsafeMutableBufferPointer<Node>

    /// The most target nodes of one entity prefetched (the rest load as the loop reaches them).
    static let maxTargets = 16

    @inline(__always)
    func prefetch(ahead position: Int) {
      let count = changed.count
      if position &+ 4 < count { tierscan_prefetch(outOffsets.baseAddress! + Int(changed[position &+ 4])) }
      if position &+ 2 < count, let arcs = outArcs.baseAddress {
        tierscan_prefetch(arcs + Int(outOffsets[Int(changed[position &+ 2])]))
      }
      if position &+ 1 < count, let base = nodes.baseAddress {
        let u = Int(changed[position &+ 1])
        let start = Int(outOffsets[u])
        let end = min(Int(outOffsets[u &+ 1]), start &+ Self.maxTargets)
        var k = start
        while k < end {
          // A node may straddle two cache lines: both are asked for.
          let target = UnsafeRawPointer(base + Int(outArcs[k].entity))
          tierscan_prefetch(target)
          tierscan_prefetch(target + (MemoryLayout<Node>.size - 1))
          k &+= 1
        }
      }
    }
  }

  /// One entity's propagation state, kept in one record so that reaching an entity costs one
  /// memory access: the previous layer's best path (the incumbent) and this layer's best so far.
  struct Node {
    /// The incumbent's score (r₀ before any layer).
    var score: Double
    /// The incumbent's label, -1 when unexposed.
    var label: Int32 = -1
    var hops: Int32 = 0
    var edge: RelationshipIndex = -1
    var parent: Int32 = -1
    var reversed = false
    /// Whether the last full fold met a near tie (then every touch re-folds all arcs).
    var nearTied = false
    /// Whether this layer folds the entity over all its arcs.
    var refold = false
    /// The layer in which the entity was last touched; ``best`` belongs to it.
    var layer: Int32 = 0
    /// This layer's best candidate so far.
    var best = Candidate.none

    init(score: Double) { self.score = score }

    /// The incumbent as a candidate (``Candidate/none`` when unexposed).
    var incumbent: Candidate {
      label < 0 ? .none : Candidate(score: score, hops: hops, edge: edge, parent: parent, reversed: reversed)
    }

    /// Makes `best`, labelled `label`, the incumbent.
    mutating func adopt(_ best: Candidate, label: Int32) {
      (score, self.label, hops, edge, parent, reversed) = (best.score, label, best.hops, best.edge, best.parent, best.reversed)
    }
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

    /// The candidate over `arc` from the incumbent of `from`; `nil` when it carries no risk.
    @inline(__always)
    init?(from: Node, over arc: RiskArcs.Arc) {
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

    /// Whether this is the same path as `other` (the same last edge, direction and parent label).
    func isSamePath(as other: Candidate) -> Bool {
      hops == other.hops && edge == other.edge && parent == other.parent && reversed == other.reversed
    }

    /// Whether this candidate beats `best` (``PathOrder``), and whether their scores are a near
    /// tie (within the tolerance but not equal).
    @inline(__always)
    func compare<Tree: LabelChains>(with best: Candidate, in tree: Tree) -> (beats: Bool, nearTie: Bool) {
      guard best.hops >= 0 else { return (true, false) }
      if score < best.score - PathOrder.tolerance { return (false, false) }
      if score > best.score + PathOrder.tolerance { return (true, false) }
      let nearTie = score != best.score
      if hops != best.hops { return (hops < best.hops, nearTie) }
      return (tree.precedes(edge, parent, best.edge, best.parent), nearTie)
    }
  }
}
