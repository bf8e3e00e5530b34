import Testing

@testable import TierscanMatch

/// The engine on real pairs from two buyers' Open Supply Hub lists, adjudicated by address and
/// country (Tests/Fixtures/er/osh-pairs.csv): true pairs are found as `same` or `possible`, and
/// no pair of different facilities is decided `same`.
@Suite struct LabelledPairEvaluationTests {
  static func record(_ f: LabelledPairs.Facility, address: Bool) -> MatchRecord {
    MatchRecord(key: f.ref, name: f.name, country: f.country.isEmpty ? nil : f.country, address: address ? f.address : nil)
  }

  @Test(arguments: [true, false])
  func recallAndNoFalseSame(withAddresses: Bool) throws {
    let pairs = try LabelledPairs.pairs()
    #expect(pairs.filter(\.isSame).count >= 20)
    #expect(pairs.filter(\.isDifferent).count >= 40)
    let scorer = PairScorer()
    var found = 0
    var trueCount = 0
    var falseSame: [String] = []
    var flagged = 0
    var missed: [String] = []
    for pair in pairs where pair.label != "unsure" {
      let (decision, features) = scorer.score(
        Self.record(pair.left, address: withAddresses), Self.record(pair.right, address: withAddresses))
      if pair.isSame {
        trueCount += 1
        if decision >= .possible { found += 1 } else { missed.append("\(pair.left.name) / \(pair.right.name): \(features.summary)") }
      } else {
        if decision == .same { falseSame.append("\(pair.left.name) / \(pair.right.name): \(features.summary)") }
        if decision >= .possible { flagged += 1 }
      }
    }
    let recall = Double(found) / Double(trueCount)
    print("addresses=\(withAddresses) true=\(trueCount) found=\(found) recall=\(recall) false-flags=\(flagged) of \(pairs.filter(\.isDifferent).count)")
    for m in missed { print("  missed: \(m)") }
    #expect(recall >= 0.9, "missed: \(missed)")
    #expect(falseSame.isEmpty)
  }
}
