import Foundation
import Testing
import TierscanCore
import TierscanMatch
@testable import TierscanReport
import TierscanTestSupport

/// `tierscan resolve`'s risk-list pass skips an entity that ``ScreeningPrefilter`` proves no row
/// can reach `possible` with (docs/entity-resolution.md §8): its candidates are exactly those of
/// the pass without that step, on random entities and rows shaped as the benchmark's (common
/// words and a code, typos in the code, a word fewer or more, copies, qualifiers, numbers,
/// aliases, addresses, countries, identifiers shared with a row or not, non-ASCII words), at
/// several thresholds.
@Suite struct ResolveRiskListGateFirstTests {
  static func name(_ rng: inout SplitMix64) -> String {
    let words = (0..<(1 + Int(rng.next() % 3))).map { _ in BenchmarkNames.pick(BenchmarkNames.common, &rng) }
    var text = (words + [BenchmarkNames.code(&rng)]).joined(separator: " ")
    if rng.next() % 10 == 0 { text += " Unit 2" }
    return text + " " + BenchmarkNames.pick(BenchmarkNames.legal, &rng)
  }

  /// A variant of `name`: the same, a typo in its code, a word fewer or more, a place, accents.
  static func variant(_ name: String, _ rng: inout SplitMix64) -> String {
    var words = name.split(separator: " ").map(String.init)
    switch rng.next() % 7 {
    case 0: break
    case 1:
      if let c = words.firstIndex(where: { $0.hasPrefix("T") && $0.count == 5 }) {
        var chars = Array(words[c])
        chars[1 + Int(rng.next() % 4)] = BenchmarkNames.pick(BenchmarkNames.alphabet, &rng)
        words[c] = String(chars)
      }
    case 2: words = Array(words.dropFirst())
    case 3: words.append(BenchmarkNames.pick(BenchmarkNames.common, &rng))
    case 4: words.append("(Shaowu)")
    case 5: words.insert("Ünal", at: 0)
    default: words = words.map { $0.uppercased() }
    }
    return words.isEmpty ? name : words.joined(separator: " ")
  }

  static func quoted(_ cells: [String]) -> String {
    cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
  }

  /// An input folder: `entities.csv` and `risk-list.csv`.
  static func inputs(seed: UInt64) throws -> URL {
    var rng = SplitMix64(state: seed)
    let rows = (0..<150).map { _ in name(&rng) }
    var rowLines = ["list,name,category,country,aliases,lei,duns,cid"]
    for (r, row) in rows.enumerated() {
      let country = rng.next() % 3 == 0 ? "CN" : ""
      let alias = rng.next() % 8 == 0 ? name(&rng) : ""
      let duns = rng.next() % 20 == 0 ? "D\(r % 5)" : ""
      rowLines.append(quoted(["Test List", row, "forced_labour", country, alias, "", duns, ""]))
    }
    var entityLines = ["id,name,kind,country,address,lei,duns,cid"]
    for e in 0..<600 {
      let text = rng.next() % 2 == 0 ? variant(BenchmarkNames.pick(rows, &rng), &rng) : name(&rng)
      let country = BenchmarkNames.pick(["CN", "CN", "VN", ""], &rng)
      let address = rng.next() % 6 == 0 ? "12 Main St" : ""
      let duns = rng.next() % 25 == 0 ? "D\(rng.next() % 8)" : ""
      entityLines.append(quoted(["E\(e)", text, "company", country, address, "", duns, ""]))
    }
    let dir = TestScratch.directory.appendingPathComponent("tierscan-resolve-gate-first-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try (entityLines.joined(separator: "\n") + "\n").write(
      to: dir.appendingPathComponent("entities.csv"), atomically: true, encoding: .utf8)
    try (rowLines.joined(separator: "\n") + "\n").write(
      to: dir.appendingPathComponent("risk-list.csv"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test(arguments: [1, 2] as [UInt64])
  func gateFirstKeepsEveryRiskListPair(seed: UInt64) throws {
    let dir = try Self.inputs(seed: seed)
    defer { try? FileManager.default.removeItem(at: dir) }
    let prepared = try ScanPipeline().prepare(ScanRequest(inputs: [dir.path]))
    #expect(prepared.inputs.riskList.count == 150)
    for config in [MatchConfig(), MatchConfig(possible: 0.6), MatchConfig(possible: 0.95, same: 0.95), MatchConfig(possible: 0.7)] {
      func report(_ gateFirst: Bool) -> ResolveReport {
        ResolveReport(
          graph: prepared.graph, riskList: prepared.inputs.riskList, judgements: prepared.judgements, config: config,
          declarerPairs: [], gateFirst: gateFirst)
      }
      let (fast, plain) = (report(true), report(false))
      func pairs(_ report: ResolveReport) -> [String] {
        report.candidates.filter { $0.kind == .riskList }.map {
          "\($0.left.key)|\($0.right.key)|\($0.decision)|\($0.features.similarity)|\($0.features.tokenSet)"
        }
      }
      #expect(pairs(fast) == pairs(plain), "\(config)")
      #expect(pairs(plain).count > 20, "\(config): \(pairs(plain).count) risk-list pairs")
      #expect(fast.candidates.count == plain.candidates.count)
      // The step is taken: many entities are skipped at the defaults, some at every threshold
      // (none without it).
      let least = config == MatchConfig() ? 150 : 0
      #expect(fast.riskListCleared > least && plain.riskListCleared == 0, "\(config): \(fast.riskListCleared) skipped")
    }
  }
}
