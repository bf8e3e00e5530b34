import Foundation
import Testing

@testable import TierscanIngest

@Suite struct CMRTCountryTests {
  @Test(arguments: [
    ("CHINA", "CN"), ("China", "CN"), ("Japan", "JP"), ("United States Of America", "US"),
    ("UNITED STATES", "US"), ("KOREA, REPUBLIC OF", "KR"), ("TAIWAN, PROVINCE OF CHINA", "TW"),
    ("Viet Nam", "VN"), ("RUSSIAN FEDERATION", "RU"), ("BOLIVIA (PLURINATIONAL STATE OF)", "BO"),
    ("CONGO, DEMOCRATIC REPUBLIC OF THE", "CD"), ("LAO PEOPLE'S DEMOCRATIC REPUBLIC", "LA"),
    ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GB"), ("TURKEY", "TR"), ("CÔTE D'IVOIRE", "CI"),
    ("Saint Kitts and Nevis", "KN"), ("  GERMANY\t", "DE"), ("de", "DE"), ("ÅLAND ISLANDS", "AX"),
  ])
  func mapsNames(name: String, code: String) {
    #expect(CountryResolver.code(for: name) == code)
  }

  @Test(arguments: ["Atlantis", "Unknown", "", "XX", "Recycled/Scrap"])
  func unknownNames(name: String) {
    #expect(CountryResolver.code(for: name) == nil)
  }

  /// Every name of RMI's own country sheet (`C`, 249 rows) maps to the code beside it.
  @Test(.enabled(if: XLSXTestSupport.hasRealData)) func everyNameOfTheTemplateCountrySheet() throws {
    let url = XLSXTestSupport.realCMRT.appendingPathComponent("cirscn_cm-reporting_templates/RMI_CMRT_6.5.xlsx")
    let package = try WorkbookPackage(url: url, limits: .init())
    let sheet = try #require(try package.readSheets([.init(name: "C", columns: [1, 2])])["C"])
    var checked = 0
    for row in 2...sheet.lastRow {
      guard case .text(let code)? = sheet[row: row, column: 1], case .text(let name)? = sheet[row: row, column: 2]
      else { continue }
      #expect(CountryResolver.code(for: name) == code, "\(name)")
      checked += 1
    }
    #expect(checked == 249)
  }
}
