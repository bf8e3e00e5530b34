import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// model §2 country values: one resolver, one info finding per distinct value per file, and
/// unknown values kept as `unresolved_country`.
@Suite struct CountryResolverTests {
  @Test(arguments: [("CN", "CN"), ("cn", "CN"), ("Cn", "CN"), (" gb ", "GB")])
  func alpha2InAnyCaseIsACode(raw: String, code: String) {
    #expect(CountryResolver.resolve(raw) == .code(code))
  }

  @Test(arguments: [
    ("UK", "GB"), ("uk", "GB"), ("CHN", "CN"), ("chn", "CN"), ("USA", "US"), ("VNM", "VN"), ("China", "CN"),
    ("CHINA", "CN"), ("china", "CN"), ("People's Republic of China", "CN"), ("Peoples Republic of China", "CN"),
    ("Viet Nam", "VN"), ("Vietnam", "VN"), ("Türkiye", "TR"), ("Turkiye", "TR"), ("Turkey", "TR"),
    ("United States of America", "US"), ("United States", "US"), ("U.S.A.", "US"), ("Korea, Republic of", "KR"),
    ("Republic of Korea", "KR"), ("South Korea", "KR"), ("Korea, Democratic People's Republic of", "KP"),
    ("Russian Federation", "RU"), ("Russia", "RU"), ("Lao PDR", "LA"), ("Lao People's Democratic Republic", "LA"),
    ("Côte d'Ivoire", "CI"), ("COTE D'IVOIRE", "CI"), ("Cote d’Ivoire", "CI"), ("Ivory Coast", "CI"),
    ("United Kingdom", "GB"), ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("UAE", "AE"),
    ("Slovak Republic", "SK"), ("Hong Kong", "HK"), ("Taiwan", "TW"), ("Taiwan, Province of China", "TW"),
    ("Myanmar (Burma)", "MM"), ("Burma", "MM"), ("Czechia", "CZ"), ("the Netherlands", "NL"),
    ("Bolivia (Plurinational State of)", "BO"), ("Congo, The Democratic Republic of the", "CD"),
    ("Saint Kitts & Nevis", "KN"), ("St. Lucia", "LC"), ("  BANGLADESH\t", "BD"), ("El Salvador", "SV"),
  ])
  func otherSpellingsResolve(raw: String, code: String) {
    #expect(CountryResolver.resolve(raw) == .resolved(code), "\(raw)")
  }

  @Test(arguments: ["XX", "EU", "Atlantis", "ZZZ", "N/A", "Recycled/Scrap", "-"])
  func unknownValues(raw: String) {
    #expect(CountryResolver.resolve(raw) == .unknown)
  }

  /// Every alpha-3 code of the shipped table maps to an assigned alpha-2 code, and each
  /// assigned code has exactly one alpha-3 code.
  @Test func shippedAlpha3TableCoversEveryAssignedCode() {
    let table = CountryAliasTable.shipped
    #expect(table.alpha3.count == CountryCode.assigned.count)
    #expect(Set(table.alpha3.values) == CountryCode.assigned)
  }

  private func read(_ text: String, splitAbove: Int = .max) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions(), splitAbove: splitAbove)
  }

  @Test func csvReportsEachDistinctValueOncePerFile() {
    let inputs = read(
      "id,name,country\nA,a,China\nB,b,CHINA\nC,c,China\nD,d,cn\nE,e,Narnia\nF,f,Narnia\nG,g,Viet Nam\n")
    #expect(inputs.entities.map { $0.country ?? "-" } == ["CN", "CN", "CN", "CN", "-", "-", "VN"])
    let resolved = inputs.findings.findings.filter { $0.rule == .countryResolved }
    #expect(resolved.map { "\($0.location?.line ?? 0):\($0.evidence.map(\.value))" } == [
      "2:[\"China\", \"CN\"]", "3:[\"CHINA\", \"CN\"]", "8:[\"Viet Nam\", \"VN\"]",
    ])
    #expect(resolved.allSatisfy { $0.severity == .info })
    let unknown = inputs.findings.findings.filter { $0.rule == .unknownCountry }
    #expect(unknown.map { $0.location?.line ?? 0 } == [6, 7])
    #expect(unknown.allSatisfy { $0.severity == .warning })
    #expect(inputs.entities[4].attributes == [Attribute("unresolved_country", "Narnia")])
    #expect(inputs.entities[0].attributes.isEmpty)
  }

  /// A split read reports the same findings as a whole read: a value both halves resolve once.
  @Test func splitReadReportsEachValueOnce() {
    var text = "id,name,country\n"
    for i in 0..<200 { text += "E\(i),e,\(i % 3 == 0 ? "China" : (i % 3 == 1 ? "Viet Nam" : "JP"))\n" }
    let whole = read(text)
    let split = read(text, splitAbove: 0)
    #expect(whole.findings.findings.count == 2)
    #expect(split.findings.findings == whole.findings.findings)
    #expect(split.entities == whole.entities)
  }

  @Test func supplierListKeepsTheUnresolvedValueOnTheSupplier() {
    let inputs = read("buyer_id,supplier_id,supplier_country\nB,S1,Atlantis\nB,S2,Türkiye\n")
    #expect(inputs.entities.map(\.attributes) == [[Attribute("unresolved_country", "Atlantis")], []])
    #expect(inputs.entities.map(\.country) == [nil, "TR"])
  }

  @Test func countryRiskRowWithAnUnknownCountryIsRejected() {
    let inputs = read("country,category,score\nAtlantis,forced_labour,0.5\nChina,forced_labour,0.5\n")
    #expect(inputs.countryRisk.map(\.country) == ["CN"])
    #expect(inputs.findings.findings.map(\.rule) == [.unknownCountry, .countryResolved])
  }
}
