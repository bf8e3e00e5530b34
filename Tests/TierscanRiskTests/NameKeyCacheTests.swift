import Testing
import TierscanCore

@testable import TierscanRisk

/// The ASCII fast path must give exactly ``NameNormalizer/normalize(_:)``.
@Suite struct NameKeyCacheTests {
  @Test(arguments: [
    "Foo S.A.", "FOO SA", "Foo", "Golden Textile Co., Ltd.", "  Acme  Holdings Ltd Co ", "O'Brien & Sons Ltd",
    "ltd", "Ltd.", "", "...", "A-1 (Group) Limited", "Société Générale SA", "Çelik Metal A.Ş.", "x\tY\nz",
    "co ltd foo", "123 Co Inc",
  ])
  func matchesTheNormalizer(name: String) {
    var cache = NameKeyCache(normalizer: NameNormalizer())
    #expect(cache.key(name) == NameNormalizer().normalize(name))
    #expect(cache.key(name) == NameNormalizer().normalize(name))  // cached legal-form answers
  }

  @Test func customLegalForms() {
    let normalizer = NameNormalizer(legalForms: ["Group"])
    var cache = NameKeyCache(normalizer: normalizer)
    #expect(cache.key("Foo Ltd Group") == "foo ltd")
    #expect(cache.key("Foo Group Group") == "foo")
  }
}
