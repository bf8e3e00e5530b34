import TierscanCore

/// One entity's exposure in one category with another entity removed (`attribution.csv`'s
/// "without the best supplier"), recomputed only where the removal can change anything: the
/// entities downstream of the removed one along risk arcs, and of those only the ones that still
/// reach the target in time.
///
/// Why it equals propagating without u over all arcs (docs/risk-model.md, "Without one
/// entity"): write Eₖ for the scan's layered relaxation and E'ₖ for the one without u, and d(v)
/// for the fewest arcs from u to v. E'ₖ(v) = Eₖ(v) whenever d(v) > k: true at k = 0 (only u's
/// own risk differs), and Eₖ(v) folds Eₖ₋₁ of v and of v's arc sources, each with d > k − 1, in
/// the same order. So layer k recomputes only entities with d(v) ≤ k, folding exactly as the
/// reference does (the incumbent, then every arc in fold order, candidates from layer k − 1),
/// and reads every other value from the scan's own run: Eₖ(w) is w's last label created by the
/// end of layer k (the production propagator's incumbent after layer k is the reference's Eₖ,
/// and labels are created layer by layer). Its score is recomputed along the label chain from
/// the source, multiplying in the same order as the propagation did, so it is bit-identical.
/// Of the recomputed entities only those whose value can still reach the target within the
/// remaining layers are computed (a shortest path from v to the target of at most D − k arcs).
/// Every fold is the reference's full fold, so near ties need no extra care.
struct ExposureWithout {
  /// The target's exposure without the removed entity: score (0 when none), source and the
  /// entity of its last hop (`nil` for the target's own risk or no exposure).
  struct Outcome: Equatable {
    var score: Double
    var source: EntityIndex?
    var via: EntityIndex?
  }

  /// The target's exposure in `result` with `removed` taken out, or `nil` when the entities
  /// downstream of `removed` are too many to be worth it (more than `budget` arcs out of them
  /// within `maxDepth`, or more than `budget` arc visits over all layers' folds); the caller then
  /// propagates over all arcs with `removed` masked.
  ///
  /// - Parameters:
  ///   - result: the scan's propagation of the category over `arcs` with `inherent`.
  /// - Complexity: O(Σ over downstream entities of their in-degree × D) plus one pass over the
  ///   result's labels when some value is read from an earlier layer than the last.
  static func outcome(
    of target: EntityIndex, removing removed: EntityIndex, result: RiskPropagator.Result, arcs: some TransmittingArcs,
    inherent: [Double], transmission: Transmission, maxDepth: Int, budget: Int
  ) -> Outcome? {
    precondition(target != removed)
    guard maxDepth >= 1 else { return Outcome(result, target) }
    // d(v): fewest arcs from `removed`, for the entities within maxDepth arcs of it (one dense
    // array per call: dictionaries of the downstream entities cost most of the recomputation).
    var distance = Distances(entityCount: result.scores.count)
    distance[removed] = 0
    var frontier = [removed]
    var visits = 0
    for d in 1...maxDepth {
      var next: [EntityIndex] = []
      for w in frontier {
        visits += arcs.outDegree(w)
        if visits > budget { return nil }
        arcs.forEachTarget(outOf: w) { v in
          guard distance[v] == nil else { return }
          distance[v] = d
          next.append(v)
        }
      }
      frontier = next
    }
    guard distance[target] != nil else { return Outcome(result, target) }
    // f(v): fewest arcs from v to the target, for downstream entities (every path from one of
    // them stays downstream); `reaching` lists them in the order found.
    var toTarget = Distances(entityCount: result.scores.count)
    toTarget[target] = 0
    var reaching = [target]
    frontier = [target]
    for d in 1..<maxDepth {
      var next: [EntityIndex] = []
      for v in frontier {
        arcs.forEachSource(into: v) { w in
          guard w != removed, distance[w] != nil, toTarget[w] == nil else { return }
          toTarget[w] = d
          next.append(w)
        }
      }
      reaching.append(contentsOf: next)
      frontier = next
    }
    reaching.sort()
    // Layer k recomputes the entities with d(v) ≤ k and f(v) ≤ D − k (sorted: any order gives
    // the same values, this one is reproducible).
    let layers: [[EntityIndex]] = (0...maxDepth).map { k in
      guard k >= 1 else { return [] }
      return reaching.filter { v in
        guard let d = distance[v], d <= k, toTarget[v]! <= maxDepth - k else { return false }
        return true
      }
    }
    // The folds visit every arc into every recomputed entity once per layer.
    let work = layers.reduce(0) { sum, layer in
      layer.reduce(sum) { $0 + arcs.inDegree($1) }
    }
    if work > budget { return nil }
    var overlay = Overlay(base: result.labels)
    let history = History(result: result, layers: layers, distance: distance, arcs: arcs, removed: removed)
    // Scores of the scan's labels read so far (an entity with many arcs into recomputed
    // entities is read once per arc and layer).
    var scores: [Int32: Double] = [:]
    /// Eₖ(w) from the scan's run: its label and score.
    func scanned(_ w: EntityIndex, layer k: Int) -> Value? {
      guard let label = history.label(of: w, afterLayer: k, in: result) else { return nil }
      // w's last label carries the scan's own score of w (the same product, bit for bit).
      if label == result.label[Int(w)] { return Value(label: label, score: result.scores[Int(w)]) }
      if let score = scores[label] { return Value(label: label, score: score) }
      let score = overlay.score(of: label, inherent: inherent, transmission: transmission)
      scores[label] = score
      return Value(label: label, score: score)
    }
    var current: [EntityIndex: Value?] = [:]
    for k in 1...maxDepth {
      /// E'ₖ₋₁(w).
      func previous(_ w: EntityIndex) -> Value? {
        if w == removed { return nil }
        if let d = distance[w], d <= k - 1 { return current[w]! }
        return scanned(w, layer: k - 1)
      }
      var next: [EntityIndex: Value?] = [:]
      for v in layers[k] {
        let incumbent = previous(v)
        let incumbentCandidate = incumbent.map { overlay.candidate($0) } ?? .none
        var best = incumbentCandidate
        arcs.forEachArc(into: v) { arc in
          guard let from = previous(arc.entity) else { return }
          let score = from.score * arc.transmission
          guard score > 0 else { return }
          let candidate = RiskPropagator.Candidate(
            score: score, hops: overlay.hops(from.label) + 1, edge: arc.edge, parent: from.label,
            reversed: arc.isReversed)
          if candidate.compare(with: best, in: overlay).beats { best = candidate }
        }
        if best.hops >= 0, !best.isSamePath(as: incumbentCandidate) {
          next[v] = Value(label: overlay.add(v, best), score: best.score)
        } else {
          next[v] = incumbent
        }
      }
      current = next
    }
    guard let value = current[target]! else { return Outcome(score: 0, source: nil, via: nil) }
    let via = overlay.hops(value.label) > 0 ? overlay.node(overlay.parent(value.label)) : nil
    return Outcome(score: value.score, source: overlay.root(value.label), via: via)
  }

  /// A number of arcs per entity, or `nil` (a dense array: −1 for none).
  struct Distances {
    private var values: [Int32]

    init(entityCount: Int) { values = [Int32](repeating: -1, count: entityCount) }

    subscript(_ v: EntityIndex) -> Int? {
      get {
        let d = values[Int(v)]
        return d < 0 ? nil : Int(d)
      }
      set { values[Int(v)] = Int32(newValue ?? -1) }
    }
  }

  /// A value of the relaxation: the label of its path and its score.
  struct Value {
    var label: Int32
    var score: Double
  }

  /// The scan's label tree with the recomputed labels after it (numbered from its count on).
  struct Overlay: LabelChains {
    let base: RiskPropagator.LabelTree
    let baseCount: Int32
    var added = RiskPropagator.LabelTree()
    var addedScores: [Double] = []

    init(base: RiskPropagator.LabelTree) {
      self.base = base
      baseCount = Int32(base.node.count)
    }

    func node(_ label: Int32) -> EntityIndex { label < baseCount ? base.node[Int(label)] : added.node[Int(label - baseCount)] }
    func parent(_ label: Int32) -> Int32 { label < baseCount ? base.parent[Int(label)] : added.parent[Int(label - baseCount)] }
    func edge(_ label: Int32) -> RelationshipIndex { label < baseCount ? base.edge[Int(label)] : added.edge[Int(label - baseCount)] }
    func hops(_ label: Int32) -> Int32 { label < baseCount ? base.hops[Int(label)] : added.hops[Int(label - baseCount)] }
    func root(_ label: Int32) -> EntityIndex { label < baseCount ? base.root[Int(label)] : added.root[Int(label - baseCount)] }
    func reversed(_ label: Int32) -> Bool {
      label < baseCount ? base.reversed[Int(label)] : added.reversed[Int(label - baseCount)]
    }

    /// The path of `value` as a candidate (what the fold starts from).
    func candidate(_ value: Value) -> RiskPropagator.Candidate {
      RiskPropagator.Candidate(
        score: value.score, hops: hops(value.label), edge: edge(value.label), parent: parent(value.label),
        reversed: reversed(value.label))
    }

    /// Labels `best` as the path into `v`.
    mutating func add(_ v: EntityIndex, _ best: RiskPropagator.Candidate) -> Int32 {
      // LabelTree.add records hops and root from its own parents; a parent in the base tree is
      // outside `added`, so both are set here.
      added.node.append(v)
      added.edge.append(best.edge)
      added.parent.append(best.parent)
      added.reversed.append(best.reversed)
      added.hops.append(best.hops)
      added.root.append(root(best.parent))
      addedScores.append(best.score)
      return baseCount + Int32(added.node.count - 1)
    }

    /// The score of a label of the scan's tree: the source's inherent risk times each hop's
    /// transmission, multiplied from the source on as the propagation did (bit-identical).
    func score(of label: Int32, inherent: [Double], transmission: Transmission) -> Double {
      precondition(label < baseCount)
      var chain: [Int32] = []
      var l = label
      while l >= 0 {
        chain.append(l)
        l = base.parent[Int(l)]
      }
      var score = inherent[Int(base.node[Int(chain.last!)])]
      for l in chain.dropLast().reversed() {
        score *= transmission.along(Int(base.edge[Int(l)]), reversed: base.reversed[Int(l)])
      }
      return score
    }
  }

  /// Every label of the scan's run of the entities whose earlier values are read, in creation
  /// order (collected in one pass over the labels).
  struct History {
    private var labels: [EntityIndex: [Int32]] = [:]

    /// The entities read from the scan's run: arc sources and incumbents of the recomputed
    /// entities that are not recomputed themselves at the layer read.
    init(
      result: RiskPropagator.Result, layers: [[EntityIndex]], distance: Distances, arcs: some TransmittingArcs,
      removed: EntityIndex
    ) {
      var read = Set<EntityIndex>()
      for (k, layer) in layers.enumerated() where k >= 1 {
        for v in layer {
          if distance[v]! > k - 1 { read.insert(v) }
          arcs.forEachSource(into: v) { w in
            if w != removed, (distance[w] ?? .max) > k - 1 { read.insert(w) }
          }
        }
      }
      // Only entities whose last label came after the first layer read need the pass.
      let earliest = result.layerEnds[0]
      guard read.contains(where: { result.label[Int($0)] >= earliest }) else { return }
      var marked = [Bool](repeating: false, count: result.label.count)
      for w in read { marked[Int(w)] = true }
      for (l, v) in result.labels.node.enumerated() where marked[Int(v)] { labels[v, default: []].append(Int32(l)) }
    }

    /// w's incumbent after layer `k` of the scan's run: its last label created by then.
    func label(of w: EntityIndex, afterLayer k: Int, in result: RiskPropagator.Result) -> Int32? {
      let end = k < result.layerEnds.count ? result.layerEnds[k] : Int32(result.labels.node.count)
      let last = result.label[Int(w)]
      if last < 0 { return nil }
      if last < end { return last }
      return labels[w]?.last { $0 < end }
    }
  }
}

extension ExposureWithout.Outcome {
  /// The target's exposure in `result` (when the removal cannot change it).
  init(_ result: RiskPropagator.Result, _ target: EntityIndex) {
    let label = result.label[Int(target)]
    guard label >= 0 else {
      self.init(score: result.scores[Int(target)], source: nil, via: nil)
      return
    }
    let tree = result.labels
    let parent = tree.parent[Int(label)]
    self.init(
      score: result.scores[Int(target)], source: tree.root[Int(label)], via: parent >= 0 ? tree.node[Int(parent)] : nil)
  }
}
