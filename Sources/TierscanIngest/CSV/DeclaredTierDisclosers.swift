import TierscanCore

/// Finds the discloser of every declared tier of one supplier-list file or table
/// (docs/formats.md#declared-tiers): the buyers reached from the row's buyer by following the
/// file's own supplier → buyer rows until a buyer that is not itself a supplier in the file.
///
/// A flat list (every row's buyer is the list owner) gives each row its `buyer_id`; a list whose
/// rows name parent suppliers gives the list's buyer. A loop in the file's rows contributes no
/// discloser; a row whose every route loops gets none (reported by the scan as not compared).
enum DeclaredTierDisclosers {
  /// At most this many disclosers are kept per row (the byte-order smallest): a row reaching more
  /// top buyers than this is an unusual list, and the focus is found among them when it is one.
  static let maximum = 8

  /// Fills in ``DeclaredTier/disclosers`` of `result`'s declared tiers from `result`'s
  /// relationships, which must be those of one file or table.
  ///
  /// - Complexity: O(R · maximum) for R rows: the rows' strongly connected components (Tarjan,
  ///   iterative, so a list a million rows deep needs no recursion) each get their disclosers
  ///   once, after every component they lead to.
  static func resolve(_ result: inout IngestedInputs) {
    resolve(&result.declaredTiers, relationships: result.relationships)
  }

  /// Fills in the ``DeclaredTier/disclosers`` of `declaredTiers` from `relationships` (those of
  /// one file or table).
  static func resolve(_ declaredTiers: inout [DeclaredTier], relationships: RelationshipRecordTable) {
    guard !declaredTiers.isEmpty else { return }
    var node: [String: Int] = [:]
    var names: [String] = []
    var buyers: [[Int]] = []
    func intern(_ id: String) -> Int {
      if let known = node[id] { return known }
      node[id] = names.count
      names.append(id)
      buyers.append([])
      return names.count - 1
    }
    for r in relationships.indices {
      let edge = relationships[r]
      guard edge.type == .supplies || edge.type == .subcontracts else { continue }
      let (supplier, buyer) = (intern(edge.from), intern(edge.to))
      if !buyers[supplier].contains(buyer) { buyers[supplier].append(buyer) }
    }
    let disclosers = Self.disclosers(names: names, buyers: buyers)
    for index in declaredTiers.indices {
      let buyer = declaredTiers[index].buyer
      declaredTiers[index].disclosers = node[buyer].map { disclosers[$0] } ?? [buyer]
    }
  }

  /// Each node's top buyers: itself when it has no buyer; the union over its buyers otherwise
  /// (a component of several nodes — a loop — shares the union over the buyers it leads to
  /// outside itself; none when it leads nowhere else).
  private static func disclosers(names: [String], buyers: [[Int]]) -> [[String]] {
    let n = names.count
    var index = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var component = [Int](repeating: -1, count: n)
    var found = [[String]](repeating: [], count: n)
    var stack: [Int] = []
    var counter = 0
    var components = 0
    for start in 0..<n where index[start] == -1 {
      var calls: [(node: Int, next: Int)] = []
      func visit(_ v: Int) {
        index[v] = counter
        low[v] = counter
        counter += 1
        stack.append(v)
        onStack[v] = true
        calls.append((v, 0))
      }
      visit(start)
      while let (v, next) = calls.last {
        if next < buyers[v].count {
          calls[calls.count - 1].next += 1
          let w = buyers[v][next]
          if index[w] == -1 {
            visit(w)
          } else if onStack[w] {
            low[v] = min(low[v], index[w])
          }
          continue
        }
        calls.removeLast()
        if let parent = calls.last { low[parent.node] = min(low[parent.node], low[v]) }
        guard low[v] == index[v] else { continue }
        var members: [Int] = []
        while let w = stack.popLast() {
          onStack[w] = false
          component[w] = components
          members.append(w)
          if w == v { break }
        }
        var union: [String] = []
        for m in members {
          if buyers[m].isEmpty { union = merge(union, [names[m]]) }
          for w in buyers[m] where component[w] != components { union = merge(union, found[w]) }
        }
        for m in members { found[m] = union }
        components += 1
      }
    }
    return found
  }

  /// The byte-order smallest ``maximum`` of both sorted lists.
  private static func merge(_ a: [String], _ b: [String]) -> [String] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    var merged = a
    for id in b where !merged.contains(where: { $0.utf8Equals(id) }) { merged.append(id) }
    merged.sort { $0.utf8Precedes($1) }
    return Array(merged.prefix(maximum))
  }
}
