/// An inverted index from blocking keys (``BlockingKeys``) to records, for finding the few records
/// worth scoring against a query. Blocks larger than ``MatchConfig/maxBlock`` are skipped (and
/// counted in ``stats``), so the work per query is bounded: at most `keys × maxBlock` look-ups and
/// ``MatchConfig/maxCandidates`` scorings.
public struct BlockingIndex: Sendable {
  /// Figures about the blocks, for reports (`resolve` prints them; `blocks.csv` lists each block).
  public struct Stats: Sendable, Equatable {
    /// Distinct keys (blocks).
    public var blocks = 0
    /// Blocks over ``MatchConfig/maxBlock`` records, never compared.
    public var skippedBlocks = 0
    /// The largest block and its key.
    public var largestBlock = 0
    public var largestKey = ""
    /// Records with no key at all (a name of generic words only and no identifier): never compared.
    public var recordsWithoutKeys = 0
  }

  /// The indexed records.
  public let records: [PreparedRecord]
  private var blocks: [String: [Int32]] = [:]
  /// Name keys without scope → the scoped keys that exist, for queries without a country.
  private var scopesOfKey: [String: [String]] = [:]
  public private(set) var stats = Stats()
  private let maxBlock: Int
  private let maxCandidates: Int

  /// Indexes `records`.
  ///
  /// - Complexity: O(n × k) for k keys per record.
  public init(records: [PreparedRecord], config: MatchConfig) {
    self.records = records
    self.maxBlock = config.maxBlock
    self.maxCandidates = config.maxCandidates
    for (i, record) in records.enumerated() {
      let scope = BlockingKeys.scope(record.record.country)
      let names = BlockingKeys.nameKeys(of: record)
      let identifiers = BlockingKeys.identifierKeys(of: record)
      if names.isEmpty && identifiers.isEmpty { stats.recordsWithoutKeys += 1 }
      for key in names {
        let scoped = scope + "|" + key
        if blocks[scoped] == nil { scopesOfKey[key, default: []].append(scoped) }
        blocks[scoped, default: []].append(Int32(i))
      }
      for key in identifiers { blocks[key, default: []].append(Int32(i)) }
    }
    stats.blocks = blocks.count
    for (key, members) in blocks {
      if members.count > maxBlock { stats.skippedBlocks += 1 }
      if members.count > stats.largestBlock || (members.count == stats.largestBlock && key < stats.largestKey) {
        (stats.largestBlock, stats.largestKey) = (members.count, key)
      }
    }
  }

  /// Every block as (key, size, compared), sorted by size descending then key; for `blocks.csv`.
  public var blockSizes: [(key: String, size: Int, compared: Bool)] {
    blocks.map { ($0.key, $0.value.count, $0.value.count <= maxBlock) }
      .sorted { $0.size != $1.size ? $0.size > $1.size : $0.key < $1.key }
  }

  /// The indices of the records worth scoring against `query`: those sharing the most keys with
  /// it (at most ``MatchConfig/maxCandidates``), through blocks no larger than ``MatchConfig/maxBlock``,
  /// in ascending index order. A query with a country meets records of that country and records
  /// without one; a query without a country meets all.
  ///
  /// - Complexity: O(k × maxBlock + c log c) for k keys and c distinct candidates.
  public func candidates(of query: PreparedRecord, where accept: (Int) -> Bool = { _ in true }) -> [Int] {
    var shared: [Int32: Int] = [:]
    func visit(_ key: String, weight: Int) {
      guard let members = blocks[key], members.count <= maxBlock else { return }
      for member in members { shared[member, default: 0] += weight }
    }
    for key in BlockingKeys.identifierKeys(of: query) { visit(key, weight: 100) }
    let names = BlockingKeys.nameKeys(of: query)
    if let country = query.record.country {
      for key in names {
        visit(country + "|" + key, weight: key.hasPrefix("p:") ? 1 : 2)
        visit("*|" + key, weight: key.hasPrefix("p:") ? 1 : 2)
      }
    } else {
      for key in names {
        for scoped in scopesOfKey[key] ?? [] { visit(scoped, weight: key.hasPrefix("p:") ? 1 : 2) }
      }
    }
    let ranked = shared.filter { accept(Int($0.key)) }
      .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    return ranked.prefix(maxCandidates).map { Int($0.key) }.sorted()
  }
}
