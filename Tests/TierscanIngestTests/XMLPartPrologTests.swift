import Foundation
import Testing

@testable import TierscanIngest

/// `XMLPartReader.hasDoctype` decides on the bytes of a workbook part's prolog.
@Suite struct XMLPartPrologTests {
  @Test func declarationInTheProlog() {
    #expect(XMLPartReader.hasDoctype(Data("<!DOCTYPE w><w/>".utf8)))
    #expect(XMLPartReader.hasDoctype(Data("<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE w [<!ENTITY a \"b\">]><w/>".utf8)))
  }

  @Test func noDeclaration() {
    #expect(!XMLPartReader.hasDoctype(Data()))
    #expect(!XMLPartReader.hasDoctype(Data("<?xml version=\"1.0\"?><workbook><sheets/></workbook>".utf8)))
    // Text after the root element's start tag is not the prolog.
    #expect(!XMLPartReader.hasDoctype(Data("<w><![CDATA[<!DOCTYPE x>]]></w>".utf8)))
    #expect(!XMLPartReader.hasDoctype(Data("<w a=\"<!DOCTYPE\"/>".utf8)))
  }

  @Test func declarationBeyondTheFirstChunk() {
    let padding = "<!--" + String(repeating: "x", count: 10_000) + "-->"
    #expect(XMLPartReader.hasDoctype(Data(("<?xml version=\"1.0\"?>" + padding + "<!DOCTYPE w><w/>").utf8)))
  }
}
