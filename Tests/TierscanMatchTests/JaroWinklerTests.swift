import Testing

@testable import TierscanMatch

@Suite struct JaroWinklerTests {
  @Test(arguments: [("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813)])
  func classicVectors(a: String, b: String, expected: Double) {
    #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.001)
  }

  @Test func edges() {
    #expect(JaroWinkler.similarity("", "") == 1)
    #expect(JaroWinkler.similarity("abc", "") == 0)
    #expect(JaroWinkler.similarity("abc", "xyz") == 0)
    #expect(JaroWinkler.similarity("same", "same") == 1)
  }
}
