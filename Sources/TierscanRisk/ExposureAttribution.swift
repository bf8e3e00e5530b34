import CTierscanPrefetch
import TierscanCore

/// Which of the focus's direct neighbours along risk arcs (its tier-1 suppliers, and owned or
/// operated entities whose risk reaches it) carry each category's exposure into the focus, and
/// what the focus's exposure would be without the one that carries the best path
/// (docs/outputs.md, `attribution.csv`).
public struct ExposureAttribution: Sendable {
  /// One neighbour in one category.
  public struct Row: Sendable, Hashable {
    public var category: String
    public var supplier: EntityIndex
    /// The type of the strongest arc from the supplier into the focus.
    public var edgeType: RelationshipType
    /// Entities with inherent risk > 0 in the category from which a transmitting path of at most
    /// `max_depth − 1` arcs reaches the supplier (the supplier itself included); a lower bound
    /// when ``sourcesComplete`` is false.
    public var sources: Int
    /// Whether ``sources`` is exact: false when the walk that counts them stopped at
    /// ``ExposureAttribution/maxWalk`` entities.
    public var sourcesComplete: Bool
    /// The best score that reaches the focus through this supplier, its source and length.
    public var bestScore: Double
    public var bestSource: EntityIndex
    public var bestHops: Int
    /// Whether the focus's own argmax path enters it through this supplier.
    public var carriesFocusBest: Bool
    /// The focus's exposure with the supplier and all its arcs removed (exact re-propagation
    /// when the focus's argmax path passes through it; otherwise unchanged), its source and the
    /// neighbour it then enters through (`nil` when the focus keeps no exposure, or for its own
    /// inherent risk).
    public var focusScoreWithout: Double
    public var focusSourceWithout: EntityIndex?
    public var focusViaWithout: EntityIndex?
  }

  public var rows: [Row]

  /// Computes the attribution of `analysis`'s focus.
  ///
  /// - Complexity: O(V + E) to mark which ways each relationship transmits (``ArcDirections``,
  ///   one byte per relationship: the scan's arcs are not rebuilt), O(C · N · min(reach,
  ///   ``maxWalk``)) to count sources for N neighbours, plus a recomputation downstream of each
  ///   neighbour on a category's argmax path into the focus, or, when that is most of the graph,
  ///   one propagation over the full arcs (built then, once) with the neighbour masked (the
  ///   categories' own propagations are the scan's).
  public init(analysis: RiskAnalysis) {
    if let computed = analysis.attribution {
      self = computed
      return
    }
    guard let explanations = analysis.exposures.first?.explanations else {
      self.init()
      return
    }
    let graph = analysis.graph
    let transmission = analysis.transmission
    self.init(
      graph: graph, focus: analysis.focus, config: analysis.config, results: explanations.results,
      inherent: explanations.inherent, transmission: transmission,
      arcs: ArcDirections(graph: graph, transmission: transmission),
      fullArcs: { RiskArcs(graph: graph, transmission: transmission) })
  }

  /// The attribution computed by the risk stage from the propagation's own arcs, while they are
  /// still held (``RiskEngine``): the same rows as ``init(analysis:)`` (which reads the arcs
  /// from the graph's adjacency instead), without marking the relationships' directions again
  /// and with the source walks' graph read from the stored arcs. The caller drops the rows when
  /// the analysis has no exposure (``init(analysis:)`` gives none then).
  ///
  /// - Complexity: as ``init(analysis:)`` without its O(V + E) marking.
  init(
    graph: SupplyGraph, focus: EntityIndex, config: RiskConfig, results: [RiskPropagator.Result],
    inherent: InherentRisk, transmission: Transmission, arcs: RiskArcs
  ) {
    self.init(
      graph: graph, focus: focus, config: config, results: results, inherent: inherent, transmission: transmission,
      arcs: arcs, fullArcs: { arcs })
  }

  /// The attribution over `arcs` (any view of the scan's transmitting arcs, in fold order);
  /// `fullArcs` gives the stored arcs for a masked re-propagation (called at most once).
  private init<Arcs: TransmittingArcs & Sendable>(
    graph: SupplyGraph, focus: EntityIndex, config: RiskConfig, results: [RiskPropagator.Result],
    inherent: InherentRisk, transmission: Transmission, arcs: Arcs, fullArcs makeFullArcs: () -> RiskArcs
  ) {
    // The full arc table, only for a masked re-propagation (built on the first one).
    var fullArcs: RiskArcs?
    let propagator = RiskPropagator()
    var rows: [Row] = []
    let order = config.categories.indices.sorted { config.categories[$0].utf8Precedes(config.categories[$1]) }
    // First every category's neighbours (a look at the arcs into the focus), then their source
    // counts beside the focus's exposure without each neighbour on its argmax path (both read
    // only the scan's results and arcs), then the rows.
    let neighbourhoods: [(best: [EntityIndex: (t: Double, edge: RelationshipIndex)], neighbours: [EntityIndex])] =
      order.map { c in
        let result = results[c]
        // Best arc from each neighbour into the focus (first in fold order among equals).
        var best: [EntityIndex: (t: Double, edge: RelationshipIndex)] = [:]
        var neighbours: [EntityIndex] = []
        arcs.forEachArc(into: focus) { arc in
          let u = arc.entity
          guard u != focus, result.scores[Int(u)] > 0, config.maxDepth >= 1 else { return }
          if let seen = best[u] {
            if arc.transmission > seen.t { best[u] = (arc.transmission, arc.edge) }
          } else {
            best[u] = (arc.transmission, arc.edge)
            neighbours.append(u)
          }
        }
        return (best, neighbours.sorted())
      }
    // The focus's argmax path per category, and the neighbours on it: the focus's exposure
    // without each of them is recomputed downstream of it (ExposureWithout). The recomputations
    // are independent, so they run side by side (each reads only the scan's results); one that
    // would visit most of the graph gives `nil` and is propagated again afterwards, one at a time.
    let focusPaths = order.map { c in results[c].path(to: focus, transmission: transmission) }
    let jobs: [(position: Int, supplier: EntityIndex)] = order.indices.flatMap { position in
      let onBestPath = Set(focusPaths[position]?.hops.map(\.from) ?? [])
      return neighbourhoods[position].neighbours.filter { onBestPath.contains($0) }.map { (position, $0) }
    }
    let budget = Self.coneBudget(arcs)
    let maxDepth = config.maxDepth
    // The source counts and the recomputations side by side: with a few recomputations (one per
    // category at most, often) on two workers, the last one ran alone while the other core idled.
    let (countsByPosition, outcomes) = ParallelWork.pair(
      {
        // Sources reaching each neighbour: a breadth-first walk backwards along arcs, depth ≤
        // max_depth − 1, per neighbour; the walks are independent, so the neighbours are split over
        // the workers (each with its own copy of the flags) and the counts joined in neighbour order.
        var walkGraph: WalkGraph?
        var walkFlags: [UInt8] = []
        return order.indices.map { position -> [(count: Int, isComplete: Bool)] in
          let c = order[position]
          let sortedNeighbours = neighbourhoods[position].neighbours
          // One byte per entity for the walks (bit 0: exposure > 0, bit 1: inherent risk > 0): 1 MB
          // at a million entities instead of two 8 MB score arrays read at random.
          let flags = Self.walkFlags(exposure: results[c].scores, inherent: inherent.scores[c])
          // The walks' arcs: only those from exposed entities, as tagged entity indices. Categories
          // whose flags are the same share them.
          if walkGraph == nil || !WalkGraph.sameFlags(flags, walkFlags) {
            walkGraph = sortedNeighbours.isEmpty ? nil : WalkGraph(csr: arcs.walkCSR(flags: flags))
            walkFlags = walkGraph == nil ? [] : flags
          }
          guard let walks = walkGraph else { return [] }
          return ParallelWork.map(count: sortedNeighbours.count, minimumToSplit: 64) { range in
            var walk = Walk(flags: flags)
            return range.map { k in walk.sourcesReaching(sortedNeighbours[k], in: walks, maxDepth: maxDepth) }
          }.flatMap { $0 }
        }
      },
      { () -> [ExposureWithout.Outcome?] in
        jobs.isEmpty
          ? []
          : ParallelWork.each(count: jobs.count) { j in
            let (position, u) = jobs[j]
            let c = order[position]
            return ExposureWithout.outcome(
              of: focus, removing: u, result: results[c], arcs: arcs, inherent: inherent.scores[c],
              transmission: transmission, maxDepth: maxDepth, budget: budget)
          }
      })
    let walked = order.indices.map { position in
      (best: neighbourhoods[position].best, neighbours: neighbourhoods[position].neighbours,
       counts: countsByPosition[position])
    }
    var job = 0
    for (position, c) in order.enumerated() {
      let category = config.categories[c]
      let scores = inherent.scores[c]
      let result = results[c]
      let focusPath = focusPaths[position]
      let bestVia = focusPath?.hops.last?.from
      let (best, sortedNeighbours, counts) = walked[position]
      for (k, u) in sortedNeighbours.enumerated() {
        let (t, edge) = best[u]!
        let (count, isComplete) = counts[k]
        var without = (score: result.scores[Int(focus)], source: focusPath.map(\.source), via: bestVia)
        if job < jobs.count, jobs[job].position == position, jobs[job].supplier == u {
          // Recomputed only downstream of u (ExposureWithout); when that is most of the graph,
          // propagated again over the full arcs with u masked (not a copy without u's arcs).
          // Both are exact, so the choice never shows in the output.
          if let outcome = outcomes[job] {
            without = (outcome.score, outcome.source, outcome.via)
          } else {
            if fullArcs == nil { fullArcs = makeFullArcs() }
            let other = propagator.propagate(arcs: fullArcs!, inherent: scores, maxDepth: config.maxDepth, removing: u)
            let path = other.path(to: focus, transmission: transmission)
            without = (other.scores[Int(focus)], path?.source, path?.hops.last?.from)
          }
          job += 1
        }
        rows.append(
          Row(
            category: category, supplier: u, edgeType: graph.relationships[Int(edge)].type, sources: count,
            sourcesComplete: isComplete,
            bestScore: result.scores[Int(u)] * t, bestSource: result.source(of: u), bestHops: result.hops(of: u) + 1,
            carriesFocusBest: u == bestVia, focusScoreWithout: without.score, focusSourceWithout: without.source,
            focusViaWithout: without.via))
      }
    }
    self.rows = rows
  }

  /// No rows (an analysis without exposures).
  init() { rows = [] }

  /// The most arc visits a "without u" recomputation downstream of u may make before a whole
  /// masked propagation is cheaper: an eighth of the arcs (one propagation visits each arc about
  /// once per layer that changes its source, through flat arrays; the downstream recomputation
  /// goes through hash tables).
  static func coneBudget(_ arcs: some TransmittingArcs) -> Int { max(arcs.arcCount / 8, 10_000) }

  /// The most entities one neighbour's source count visits. Counting the sources that reach every
  /// neighbour exactly is a reachability count per neighbour — O(N · (V + A)) — which at a million
  /// entities with thousands of tier-1 suppliers takes minutes; past this bound the count is
  /// reported as a lower bound (`N+` in attribution.csv).
  public static let maxWalk = 20_000

  /// Bit 0: exposure > 0; bit 1: inherent risk > 0.
  static func walkFlags(exposure: [Double], inherent: [Double]) -> [UInt8] {
    (0..<exposure.count).map { v in (exposure[v] > 0 ? 1 : 0) | (inherent[v] > 0 ? 2 : 0) }
  }

  /// The arcs the source walks follow: for every exposed entity (`flags` bit 0), the sources of
  /// its arcs that are exposed, in arc order, as bare entity indices (4 bytes an arc instead of a
  /// 16-byte ``RiskArcs/Arc``, and no arc the walk would skip), each tagged with
  /// ``inherentTag`` when the source has inherent risk (`flags` bit 1), so that a walk counts its
  /// sources from its own queue instead of reading a flag per entity at random. Unexposed
  /// entities have no sources here: a walk starts at an exposed neighbour and only ever queues
  /// exposed entities.
  struct WalkGraph: Sendable {
    /// `offsets[v] ..< offsets[v + 1]` are the exposed sources of arcs into `v` in ``sources``.
    let offsets: [Int32]
    /// Entity indices, with ``inherentTag`` set for those with inherent risk.
    let sources: [UInt32]
    /// The most sources of one entity (the room a walk's queue keeps beyond its limit).
    let maxInDegree: Int

    /// The bit of a ``sources`` entry (and of a walk's queue entry) saying that the entity has
    /// inherent risk > 0; the entity index is the entry without it.
    static let inherentTag: UInt32 = 1 << 31

    /// `w` with ``inherentTag`` when `flags` (w's walk flags) has bit 1.
    @inline(__always)
    static func tagged(_ w: EntityIndex, flags: UInt8) -> UInt32 {
      UInt32(truncatingIfNeeded: w) | (UInt32(flags & 2) &<< 30)
    }

    /// From a CSR built by ``TransmittingArcs/walkCSR(flags:)``.
    init(csr: (offsets: [Int32], sources: [UInt32])) {
      (offsets, sources) = csr
      maxInDegree = Self.maxInDegree(offsets)
    }

    /// Read from `arcs` (both workers).
    ///
    /// - Complexity: O(V + E).
    init(arcs: some TransmittingArcs, flags: [UInt8]) { self.init(csr: arcs.walkCSR(flags: flags)) }

    /// The reference: read arc by arc on the calling thread (tests compare the CSR builds with it).
    ///
    /// - Complexity: O(V + A).
    init(referenceOver arcs: some TransmittingArcs, flags: [UInt8]) {
      let n = arcs.entityCount
      var offsets = [Int32](repeating: 0, count: n + 1)
      var sources: [UInt32] = []
      sources.reserveCapacity(arcs.arcCount)
      flags.withUnsafeBufferPointer { flags in
        for v in 0..<n {
          if flags[v] & 1 != 0 {
            arcs.forEachSource(into: EntityIndex(v)) { w in
              if flags[Int(w)] & 1 != 0 { sources.append(Self.tagged(w, flags: flags[Int(w)])) }
            }
          }
          offsets[v + 1] = Int32(sources.count)
        }
      }
      self.offsets = offsets
      self.sources = sources
      maxInDegree = Self.maxInDegree(offsets)
    }

    private static func maxInDegree(_ offsets: [Int32]) -> Int {
      var most: Int32 = 0
      for v in 0..<max(offsets.count - 1, 0) { most = max(most, offsets[v + 1] - offsets[v]) }
      return Int(most)
    }

    /// Whether two flag arrays mark the same entities exposed (bit 0) and with inherent risk
    /// (bit 1), so one walk graph (whose sources carry both) serves both.
    static func sameFlags(_ a: [UInt8], _ b: [UInt8]) -> Bool {
      guard a.count == b.count else { return false }
      return a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 0..<a.count where (a[i] ^ b[i]) & 3 != 0 { return false }
          return true
        }
      }
    }
  }

  /// The reusable state of one worker's source walks: a bit per entity marking the entities of
  /// the current walk (cleared after it; 128 kB at a million entities, so the marks stay in the
  /// core's own cache while the walk reads them at random), the category's flags (read only, for
  /// the walk's first entity) and the walk's queue.
  struct Walk {
    private let flags: [UInt8]
    private var visited: [UInt64]
    /// The walk's queue of tagged entities (``WalkGraph/inherentTag``): room for `limit` entities
    /// plus the largest in-degree of the walk graph, so one entity's sources are appended without
    /// a bounds test (grown when a walk needs more).
    private var queue: [UInt32] = []

    /// How many queue entries ahead of the entity being expanded the walk prefetches offsets
    /// (sources: half as far). Only speed depends on it.
    static let prefetchDistance = 16

    /// - Parameter flags: the category's ``ExposureAttribution/walkFlags(exposure:inherent:)``.
    init(flags: [UInt8]) {
      self.flags = flags
      visited = [UInt64](repeating: 0, count: (flags.count + 63) / 64)
    }

    /// Counts the entities with inherent risk > 0 (`flags` bit 1) from which a path of at most
    /// `maxDepth − 1` arcs reaches `u`, walking backwards along arcs breadth-first. `u` must be
    /// exposed (`flags` bit 0: the walk graph has no sources for other entities). Only entities
    /// with exposure > 0 are walked (`graph` holds no other): an entity on such a path within the
    /// depth limit has exposure > 0 itself, so the pruning is exact. Stops after `limit`
    /// entities; the entities counted then are the first `limit` in breadth-first order (each
    /// level in the order of the previous level, each entity's arcs in arc order).
    ///
    /// The inner loop has no data-dependent branch: every source is marked and written to the
    /// queue's next slot, and the queue grows by one only when it was not marked before. Whether
    /// an entity was seen is random at a million entities, so a branch on it was mispredicted
    /// about once per new entity, and each misprediction discarded the loads the processor had
    /// started for the following arcs; without it the loads of many arcs overlap. The limit is
    /// tested once per entity whose sources were appended: past it, the walk stops, and the
    /// first `limit` entities of the queue are exactly those the arc-by-arc walk kept (it stopped
    /// at the first new entity beyond them). The inherent-risk count is taken over the kept
    /// entities afterwards, from their tags in the queue; the marks are cleared word by word
    /// (every mark set belongs to the walk), or all at once when the walk queued more entities
    /// than a sixteenth of the mark words.
    ///
    /// - Complexity: O(min(reach, `limit`) × in-degree).
    mutating func sourcesReaching(
      _ u: EntityIndex, in graph: WalkGraph, maxDepth: Int, limit: Int = maxWalk
    ) -> (count: Int, isComplete: Bool) {
      let capacity = max(limit, 1) + graph.maxInDegree
      if queue.count < capacity { queue = [UInt32](repeating: 0, count: capacity) }
      var count = 0
      var isComplete = true
      let first = WalkGraph.tagged(u, flags: flags[Int(u)])
      visited.withUnsafeMutableBufferPointer { visited in
        queue.withUnsafeMutableBufferPointer { queue in
          graph.offsets.withUnsafeBufferPointer { offsets in
            graph.sources.withUnsafeBufferPointer { sources in
              let marks = visited.baseAddress!
              let queue = queue.baseAddress!
              let sourceBase = sources.baseAddress
              let index = ~WalkGraph.inherentTag
              queue[0] = first
              marks[Int(u) &>> 6] |= 1 &<< UInt64(Int(u) & 63)
              var tail = 1
              var head = 0
              var depth = 0
              walk: while head < tail, depth < maxDepth - 1 {
                let levelEnd = tail
                while head < levelEnd {
                  // The entities `prefetchDistance` and half that far ahead in the queue (the
                  // next level's included): their offsets, then their sources, are asked for
                  // now, so the loads below mostly hit the cache instead of waiting in turn.
                  let far = Int(queue[min(head &+ Self.prefetchDistance, tail &- 1)] & index)
                  tierscan_prefetch(offsets.baseAddress! + far)
                  let near = Int(queue[min(head &+ Self.prefetchDistance / 2, tail &- 1)] & index)
                  if let sourceBase { tierscan_prefetch(sourceBase + Int(offsets[near])) }
                  let v = Int(queue[head] & index)
                  head += 1
                  var slot = Int(offsets[v])
                  let end = Int(offsets[v + 1])
                  while slot < end {
                    let entry = sources[slot]
                    let w = Int(entry & index)
                    let word = w &>> 6
                    let shift = UInt64(w & 63)
                    let old = marks[word]
                    marks[word] = old | (1 &<< shift)
                    queue[tail] = entry
                    tail &+= Int(truncatingIfNeeded: (~old &>> shift) & 1)
                    slot &+= 1
                  }
                  if tail > limit {
                    isComplete = false
                    break walk
                  }
                }
                depth += 1
              }
              let kept = min(tail, limit)
              for i in 0..<kept { count &+= Int(queue[i] &>> 31) }
              if tail > visited.count / 16 {
                marks.update(repeating: 0, count: visited.count)
              } else {
                for i in 0..<tail { marks[Int(queue[i] & index) &>> 6] = 0 }
              }
            }
          }
        }
      }
      return (count, isComplete)
    }
  }
}
