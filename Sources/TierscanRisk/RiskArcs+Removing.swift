import TierscanCore

extension RiskArcs {
  /// These arcs without every arc into or out of `removed` (the entities are then isolated),
  /// keeping the fold order of the rest.
  ///
  /// - Complexity: O(V + A) for A arcs.
  public init(_ base: RiskArcs, removing removed: Set<EntityIndex>) {
    let n = base.entityCount
    var isRemoved = [Bool](repeating: false, count: n)
    for v in removed where Int(v) < n { isRemoved[Int(v)] = true }
    var inOffsets = [Int32](repeating: 0, count: n + 1)
    var arcs: [Arc] = []
    arcs.reserveCapacity(base.arcs.count)
    for v in 0..<n {
      if !isRemoved[v] {
        for slot in Int(base.inOffsets[v])..<Int(base.inOffsets[v + 1]) where !isRemoved[Int(base.arcs[slot].entity)] {
          arcs.append(base.arcs[slot])
        }
      }
      inOffsets[v + 1] = Int32(arcs.count)
    }
    var outOffsets = [Int32](repeating: 0, count: n + 1)
    var outArcs: [Arc] = []
    outArcs.reserveCapacity(arcs.count)
    for u in 0..<n {
      if !isRemoved[u] {
        for slot in Int(base.outOffsets[u])..<Int(base.outOffsets[u + 1]) where !isRemoved[Int(base.outArcs[slot].entity)] {
          outArcs.append(base.outArcs[slot])
        }
      }
      outOffsets[u + 1] = Int32(outArcs.count)
    }
    self.init(inOffsets: inOffsets, arcs: arcs, outOffsets: outOffsets, outArcs: outArcs)
  }

  /// Arcs from their parts (CSR both ways, consistent).
  init(inOffsets: [Int32], arcs: [Arc], outOffsets: [Int32], outArcs: [Arc]) {
    self.inOffsets = inOffsets
    self.arcs = arcs
    self.outOffsets = outOffsets
    self.outArcs = outArcs
  }
}
