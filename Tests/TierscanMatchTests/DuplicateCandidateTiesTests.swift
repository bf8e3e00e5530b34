import Testing
import TierscanCore
import TierscanTestSupport
@testable import TierscanMatch

/// The duplicate search's query (``BlockingIndex/candidates(indexed:within:scratch:)``) gives the
/// definition's candidates (``BlockingCandidatesTests/expected``) where ties at the cut decide most
/// lists: records of a ten-word vocabulary (blocks overflow the cut; most records met share one
/// word, the count at which queries cut), records without a country (they meet every scope),
/// two groups, shared identifiers, small `maxBlock` and `maxCandidates`, ranges as the groups make
/// them and ranges that cut through the runs. The reference for any faster query of the lists
/// (stops 18–25 tried several; docs/entity-resolution.md §8).
@Suite struct DuplicateCandidateTiesTests {
  static let words = ["golden", "goldex", "jinlin", "jinlong", "star", "sun", "dragon", "dragons", "pacific", "ab"]
  static let countries: [String?] = ["CN", "CN", "VN", nil, nil, "BD"]

  static func records(seed: UInt64, count: Int) -> [PreparedRecord] {
    var rng = SplitMix64(state: seed)
    func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    return (0..<count).map { i in
      let name = (0..<(1 + Int(rng.next() % 3))).map { _ in pick(words) }.joined(separator: " ")
      let aliases = rng.next() % 7 == 0 ? [pick(words) + " " + pick(words)] : []
      let duns = rng.next() % 25 == 0 ? "00000000\(rng.next() % 3)" : nil
      return PreparedRecord(
        MatchRecord(key: "E\(i)", name: name, aliases: aliases, country: pick(countries), identifiers: Identifiers(duns: duns)))
    }
  }

  @Test(arguments: [(UInt64(1), 900, 500, 6), (UInt64(2), 700, 60, 3), (UInt64(3), 800, 500, 30)])
  func listsEqualTheDefinitionWhereTiesDecide(seed: UInt64, count: Int, maxBlock: Int, maxCandidates: Int) {
    let records = Self.records(seed: seed, count: count)
    let config = MatchConfig(maxBlock: maxBlock, maxCandidates: maxCandidates)
    let blocks = BlockingCandidatesTests.blocks(records)
    var rng = SplitMix64(state: seed &+ 11)
    let groups = records.indices.map { _ in Int32(rng.next() % 2) }
    let (original, groupRanges, stored, index, position) = DuplicateFinderOrderTests.storedIndex(
      records, groups: groups, config: config)
    var scratch = index.makeScratch()
    var (full, leftOut, withoutCountry) = (0, 0, 0)
    for p in stored.indices {
      let q = Int(original[p])
      let odd = Int32(p % 5)..<Int32(count - p % 7)
      for range in [groupRanges[p], odd] {
        let found = index.candidates(indexed: p, within: range, scratch: &scratch)
        let expected = BlockingCandidatesTests.expected(records, blocks, query: q, config: config) { j in
          j != q && range.contains(position[j])
        }
        #expect(found.map { Int(original[$0]) }.sorted() == expected, "query \(q), range \(range)")
        guard found.count == maxCandidates else { continue }
        full += 1
        if records[q].record.country == nil { withoutCountry += 1 }
        // Whether records met were left out by the cut.
        let taken = Set(expected)
        let sharing = BlockingCandidatesTests.expected(
          records, blocks, query: q, config: MatchConfig(maxBlock: maxBlock, maxCandidates: count)
        ) { j in j != q && range.contains(position[j]) }
        if sharing.contains(where: { !taken.contains($0) }) { leftOut += 1 }
      }
    }
    #expect(full > count / 2, "most lists are cut: \(full)")
    #expect(leftOut > count / 2, "records met are left out by the cut: \(leftOut)")
    #expect(withoutCountry > count / 10, "queries without a country: \(withoutCountry)")
  }
}
