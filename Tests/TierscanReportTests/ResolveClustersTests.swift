import Foundation
import Testing
import TierscanCore
import TierscanMatch
import TierscanTestSupport

@testable import TierscanReport

/// ``ResolveReport/clustered(_:)`` numbers and orders the candidates as
/// ``ResolveReport/clusteredReference(_:)`` does: random candidates over a few keys (clusters of
/// many pairs, chains, repeated similarities, every kind, keys equal but for their Unicode
/// spelling), compared field by field and as `candidates.csv`.
@Suite struct ResolveClustersTests {
  static let keys = ["E1", "E2", "E10", "e1", "E3", "list:L|A", "list:L|B", "Ünal", "U\u{308}nal", "é", "e\u{301}", "Z"]

  static func candidates(seed: UInt64, from report: ResolveReport) -> [ResolveCandidate] {
    var rng = SplitMix64(seed: seed)
    let kinds: [ResolveCandidate.Kind] = [.riskList, .duplicate, .declarer]
    let pool = keys.prefix(Int.random(in: 2...keys.count, using: &rng)) + (0..<40).map { "K\($0)" }
    return (0..<Int.random(in: 0...60, using: &rng)).map { _ in
      var c = report.candidates.randomElement(using: &rng)!
      c.left.key = pool.randomElement(using: &rng)!
      c.right.key = pool.randomElement(using: &rng)!
      c.kind = kinds.randomElement(using: &rng)!
      c.features.similarity = [0.5, 0.75, 0.9, 1.0, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)!
      c.cluster = 0
      return c
    }
  }

  @Test func clustersAreTheReference() throws {
    let real = try ResolveOutputBytesTests.realReport()
    var multi = 0
    for seed in 0..<UInt64(200) {
      let candidates = Self.candidates(seed: seed, from: real)
      let (fast, reference) = (ResolveReport.clustered(candidates), ResolveReport.clusteredReference(candidates))
      func fields(_ c: [ResolveCandidate]) -> [String] {
        c.map { "\($0.cluster) \($0.kind) \($0.left.key) \($0.right.key) \($0.features.similarity)" }
      }
      #expect(fields(fast) == fields(reference), "seed \(seed)")
      var (a, b) = (real, real)
      (a.candidates, b.candidates) = (fast, reference)
      #expect(ResolveOutput.candidatesCSVWithCSVWriter(a) == ResolveOutput.candidatesCSVWithCSVWriter(b), "seed \(seed)")
      if Set(fast.map(\.cluster)).count < fast.count { multi += 1 }
    }
    #expect(multi > 100, "clusters of several pairs")
    // The real report's own candidates.
    #expect(ResolveReport.clustered(real.candidates).map(\.cluster) == ResolveReport.clusteredReference(real.candidates).map(\.cluster))
  }
}
