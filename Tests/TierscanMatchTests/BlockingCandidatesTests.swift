import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// ``BlockingIndex``'s candidates (interned keys, counting in arrays, the top-k cut by histogram)
/// are exactly those of the definition, computed here from ``BlockingKeys``' strings: every record sharing a key with the
/// query through a block of at most `maxBlock` records, weighted 100 per identifier key, 2 per
/// word or whole-name key, 1 per prefix key; the `maxCandidates` highest, ties to the lower index.
@Suite struct BlockingCandidatesTests {
  /// Words of five or more letters with a prefix of their own make a `p:` block with the members
  /// of their `w:` block; `textile`/`textil` and `garment`/`garments` share prefixes.
  static let words = [
    "golden", "jinlin", "zhucheng", "hengwei", "merlet", "shaowu", "textile", "textil", "garment", "garments",
    "knitting", "dragon", "pacific", "huamei", "unit", "star", "abcd", "ab", "cd", "sun",
  ]
  static let countries: [String?] = ["CN", "CN", "VN", "BD", nil]

  static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

  static func records(seed: UInt64, count: Int) -> [PreparedRecord] {
    var rng = SplitMix64(state: seed)
    return (0..<count).map { i in
      let name = (0..<(1 + Int(rng.next() % 3))).map { _ in pick(words, &rng) }.joined(separator: " ")
      let aliases = rng.next() % 5 == 0 ? [pick(words, &rng) + " " + pick(words, &rng)] : []
      let duns = rng.next() % 10 == 0 ? "00000000\(rng.next() % 4)" : nil
      return PreparedRecord(
        MatchRecord(
          key: "E\(i)", name: name, aliases: aliases, country: pick(countries, &rng),
          identifiers: Identifiers(duns: duns)))
    }
  }

  /// The blocks of `records` by scoped key string.
  static func blocks(_ records: [PreparedRecord]) -> [String: [Int]] {
    var blocks: [String: [Int]] = [:]
    for (i, record) in records.enumerated() {
      for key in BlockingKeys.nameKeys(of: record) { blocks[BlockingKeys.scope(record.record.country) + "|" + key, default: []].append(i) }
      for key in BlockingKeys.identifierKeys(of: record) { blocks[key, default: []].append(i) }
    }
    return blocks
  }

  /// The candidates of `records[q]` among the records `accept` accepts, by the definition.
  static func expected(
    _ records: [PreparedRecord], _ blocks: [String: [Int]], query q: Int, config: MatchConfig, accept: (Int) -> Bool
  ) -> [Int] {
    var counts: [Int: Int] = [:]
    func visit(_ key: String, _ weight: Int) {
      guard let members = blocks[key], members.count <= config.maxBlock else { return }
      for m in members { counts[m, default: 0] += weight }
    }
    let query = records[q]
    for key in BlockingKeys.identifierKeys(of: query) { visit(key, 100) }
    let scopes = Set(records.map { BlockingKeys.scope($0.record.country) })
    for key in BlockingKeys.nameKeys(of: query) {
      let weight = key.hasPrefix("p:") ? 1 : 2
      if let country = query.record.country {
        visit(country + "|" + key, weight)
        visit("*|" + key, weight)
      } else {
        for scope in scopes { visit(scope + "|" + key, weight) }
      }
    }
    let ranked = counts.filter { accept($0.key) }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    return ranked.prefix(config.maxCandidates).map(\.key).sorted()
  }

  @Test(arguments: [(UInt64(3), 400, 40, 6), (UInt64(11), 700, 120, 12), (UInt64(29), 250, 500, 30)])
  func candidatesEqualTheDefinition(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = Self.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    let index = BlockingIndex(records: records, config: config)
    let blocks = Self.blocks(records)
    var scratch = index.makeScratch()
    var cut = 0
    for q in records.indices {
      let r = records[q]
      // Every other record, and every other record of an even index (a filter, as kinds are).
      let all = index.candidates(
        names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &scratch
      ) { $0 != q }
      #expect(all == Self.expected(records, blocks, query: q, config: config) { $0 != q }, "query \(q)")
      let even = index.candidates(
        names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &scratch
      ) { $0 != q && $0 % 2 == 0 }
      #expect(even == Self.expected(records, blocks, query: q, config: config) { $0 != q && $0 % 2 == 0 }, "query \(q), even")
      // The in-place query (no filter, no order) and the string-keyed query give the same records.
      index.fillCandidates(names: r.names, country: r.record.country, identifiers: r.record.identifiers, scratch: &scratch)
      let unordered = scratch.result.sorted()
      #expect(unordered == Self.expected(records, blocks, query: q, config: config) { _ in true }, "query \(q), in place")
      #expect(index.candidates(of: r, scratch: &scratch) == unordered, "query \(q), string keys")
      if all.count == maxCandidates { cut += 1 }
    }
    #expect(cut > records.count / 4, "the top-k cut is exercised")
  }
}

/// ``BlockingIndex/localityOrder()`` sorts the records by their largest compared block (ties: the
/// block made first, blocks being numbered as records and their sorted keys come), then by index,
/// records without a compared block of two or more last: the definition, from the strings.
@Suite struct BlockingLocalityOrderTests {
  @Test(arguments: [(UInt64(3), 400, 40), (UInt64(11), 700, 500)])
  func orderIsByLargestBlock(seed: UInt64, count: Int, maxBlock: Int) {
    let records = BlockingCandidatesTests.records(seed: seed, count: count)
    let order = BlockingIndex(records: records, config: MatchConfig(maxBlock: maxBlock)).localityOrder().map(Int.init)
    let blocks = BlockingCandidatesTests.blocks(records)
    func keys(_ i: Int) -> [String] {
      BlockingKeys.nameKeys(of: records[i]).map { BlockingKeys.scope(records[i].record.country) + "|" + $0 }
        + BlockingKeys.identifierKeys(of: records[i])
    }
    var number: [String: Int] = [:]
    for i in records.indices { for key in keys(i) where number[key] == nil { number[key] = number.count } }
    let best = records.indices.map { i -> Int in
      let compared = keys(i).filter { (2...maxBlock).contains(blocks[$0]!.count) }
      guard let size = compared.map({ blocks[$0]!.count }).max() else { return Int.max }
      return compared.filter { blocks[$0]!.count == size }.map { number[$0]! }.min()!
    }
    let expected = records.indices.sorted { best[$0] != best[$1] ? best[$0] < best[$1] : $0 < $1 }
    #expect(order == expected)
    #expect(Set(best).count > 3, "several blocks")
  }
}
