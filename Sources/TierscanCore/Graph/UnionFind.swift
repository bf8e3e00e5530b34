/// Disjoint sets over dense integers with path halving and union by first-seen root.
///
/// The root of a set is always its smallest element, so "first in input order" is the root
/// when elements are numbered in input order.
public struct UnionFind: Sendable {
  private var parent: [Int32] = []

  /// Creates `count` singleton sets `0 ..< count`.
  public init(count: Int = 0) { parent = (0..<Int32(count)).map { $0 } }

  /// Adds a new singleton set and returns its element.
  public mutating func makeSet() -> Int32 {
    let element = Int32(parent.count)
    parent.append(element)
    return element
  }

  /// The root (smallest element) of `element`'s set.
  public mutating func find(_ element: Int32) -> Int32 {
    var x = element
    while parent[Int(x)] != x {
      parent[Int(x)] = parent[Int(parent[Int(x)])]
      x = parent[Int(x)]
    }
    return x
  }

  /// Joins two sets, keeping the smaller root.
  public mutating func union(_ a: Int32, _ b: Int32) {
    let ra = find(a)
    let rb = find(b)
    if ra == rb { return }
    if ra < rb { parent[Int(rb)] = ra } else { parent[Int(ra)] = rb }
  }
}
