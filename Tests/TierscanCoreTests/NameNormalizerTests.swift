import Testing
import TierscanCore

@Suite struct NameNormalizerTests {
  @Test(arguments: [
    ("Foo S.A.", "foo"), ("FOO SA", "foo"), ("Foo", "foo"), ("Société Générale", "societe generale"),
    ("O'Brien & Sons Ltd.", "obrien sons"), ("Acme Holdings Co., Ltd", "acme holdings"), ("  Ltd ", ""),
    ("ＡＢＣ Corp", "abc"), ("Straße GmbH", "strasse"),
  ])
  func normalises(_ name: String, _ expected: String) {
    #expect(NameNormalizer().normalize(name) == expected)
  }

  @Test func legalFormsCanBeReplaced() {
    #expect(NameNormalizer(legalForms: ["group"]).normalize("Foo Ltd Group") == "foo ltd")
  }
}
