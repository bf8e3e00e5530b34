import Testing

@testable import TierscanMatch

@Suite struct MatchNameParserTests {
  let parser = MatchNameParser()

  @Test(arguments: [
    ("ZHUCHENG HENGWEI CLOTHING CO.LTD", "zhucheng hengwei clothing"),
    ("Zhucheng Hengwei Clothing Co Ltd", "zhucheng hengwei clothing"),
    ("Industrias Merlet S. A. de C.V.", "industrias merlet"),
    ("Industrias Merlet S.A. de C.V.", "industrias merlet"),
    ("Ambathur Clothing Private Ltd.", "ambathur clothing"),
    ("Ambathur Clothing Pvt. Ltd.", "ambathur clothing"),
    ("Penang Widget Sdn. Bhd.", "penang widget"),
    ("Công ty TNHH May Đức Giang", "may duc giang"),
    ("Müller Textil GmbH & Co. KG", "muller textil"),
    ("Fujian Jinjiang Huamei Knitting & Clothing Co Ltd", "fujian jinjiang huamei knitting and clothing"),
    ("A.Schmied s.r.o.", "a schmied"),
    ("PT Busana Apparel Tbk", "busana apparel"),
    ("Bursa Tekstil San. ve Tic. Ltd. Şti.", "bursa tekstil"),
    ("Company Limited", "company limited"),
  ])
  func coreNames(name: String, core: String) {
    #expect(parser.parse(name).core == core)
  }

  @Test func bracketedPlaceIsAQualifier() {
    let name = parser.parse("Jung Myung Textile (Shaowu) Co.")
    #expect(name.tokens == ["jung", "myung", "textile"])
    #expect(name.qualifiers == ["shaowu"])
    #expect(name.legalForms == ["co"])
  }

  @Test func nonLatinIsTransliterated() {
    #expect(parser.parse("塔里木谷棉业轧花有限公司").core.hasPrefix("ta li mu gu mian ye"))
    #expect(!parser.parse("塔里木谷棉业轧花有限公司").core.contains("gong si"))
    #expect(parser.parse("ООО Ромашка").core == "romaska")
  }
}
