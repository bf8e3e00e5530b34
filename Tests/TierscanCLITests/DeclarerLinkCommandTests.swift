import Foundation
import Testing
import TierscanTestSupport

/// End to end: CMRT declarers linked by the matching engine (Tests/Fixtures/er/declarers): the
/// findings on stderr and the review pairs in `tierscan resolve`'s candidates.csv and review.html.
@Suite struct DeclarerLinkCommandTests {
  static let declarers = "Tests/Fixtures/er/declarers"

  @Test func validateReportsLinksAndResolveListsTheRest() throws {
    let validate = try TierscanBinary.run(["validate", Self.declarers])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(
      validate.stderr.contains(
        "Tests/Fixtures/er/declarers/brighton.xlsx:8 [Declaration!D8]: warning: declarer-linked: CMRT declarer "
          + "'Brighton Solder Co., Ltd.' merged with 'S-BRIGHT' (BRIGHTON SOLDER CO.LTD): same, similarity=1.0"))
    #expect(
      validate.stderr.contains(
        "Tests/Fixtures/er/declarers/everbright.xlsx:8 [Declaration!D8]: warning: declarer-possible-link: CMRT declarer "
          + "'Everbright Alloy Co., Ltd.' may be 'S-EVER'"))
    #expect(!validate.stderr.contains("possible-duplicate"))

    let out = TestScratch.directory.appendingPathComponent("tierscan-declarers-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let resolve = try TierscanBinary.run(["resolve", Self.declarers, "--out", out.path])
    #expect(resolve.status == 0, "\(resolve.stderr)")
    let candidates = try String(contentsOf: out.appendingPathComponent("candidates.csv"), encoding: .utf8)
    let rows = candidates.split(separator: "\n").dropFirst()
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.hasPrefix("1,cmrt-declarer,") || $0.hasPrefix("2,cmrt-declarer,") })
    #expect(candidates.contains("cmrt:coral-tin-smelting-thailand,S-CORAL,not_same"))
    let review = try String(contentsOf: out.appendingPathComponent("review.html"), encoding: .utf8)
    #expect(review.contains("cmrt-declarer"))
  }
}
