import Foundation
import Testing
import TierscanCore

@testable import TierscanIngest

/// CSV encodings (docs/encodings.md): UTF-8 with or without BOM, UTF-16 with BOM, and a helpful
/// error naming the likely encoding otherwise.
@Suite struct CSVEncodingTests {
  private let text = "id,name,country\nA,Café “Ōsaka”,Türkiye\n"

  private func read(_ data: Data, encoding: InputEncoding? = nil) -> IngestedInputs {
    var options = IngestOptions()
    options.encoding = encoding
    return CSVInputReader.read(data: data, displayPath: "in.csv", options: options)
  }

  private func rules(_ inputs: IngestedInputs) -> [String] { inputs.findings.findings.map(\.rule.id) }

  @Test func utf8WithAndWithoutBOM() {
    for data in [Data(text.utf8), Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))] {
      let inputs = read(data)
      #expect(inputs.entities.map(\.name) == ["Café “Ōsaka”"])
      #expect(rules(inputs) == ["country-resolved"])
    }
  }

  @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
  func utf16WithBOMIsDecoded(encoding: String.Encoding) throws {
    let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    let data = Data(bom) + (try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: encoding)))
    let inputs = read(data)
    #expect(inputs.entities.map(\.name) == ["Café “Ōsaka”"])
    #expect(inputs.entities.map(\.provenance.line) == [2])
    #expect(rules(inputs) == ["decoded-encoding", "country-resolved"])
  }

  @Test func brokenUTF16IsOneError() {
    let inputs = read(Data([0xFF, 0xFE, 0x41]))  // an odd byte count
    #expect(rules(inputs) == ["invalid-encoding"])
    #expect(inputs.findings.findings.first?.severity == .error)
  }

  @Test func windows1252IsNamedAndReadWithTheOption() throws {
    let data = try #require("id,name\nA,Smith’s – Café\nB,plain\n".data(using: .windowsCP1252))
    let plain = read(data)
    #expect(rules(plain) == ["not-utf8", "invalid-utf8"])
    let first = try #require(plain.findings.findings.first)
    #expect(first.severity == .error && first.location?.line == 2)
    #expect(first.message.contains("looks like Windows-1252") && first.message.contains("--encoding windows-1252"))
    #expect(plain.entities.map(\.id) == ["B"])
    let decoded = read(data, encoding: .windows1252)
    #expect(decoded.entities.map(\.name) == ["Smith’s – Café", "plain"])
    #expect(rules(decoded) == ["decoded-encoding"])
  }

  @Test func latin1IsNamedAndReadWithTheOption() throws {
    let data = try #require("id,name\nA,Zürich Ñandú\n".data(using: .isoLatin1))
    let plain = read(data)
    #expect(plain.findings.findings.first?.message.contains("--encoding latin1") == true)
    #expect(read(data, encoding: .latin1).entities.map(\.name) == ["Zürich Ñandú"])
  }

  @Test func utf16WithoutBOMIsNamed() throws {
    let data = try #require("id,name\nA,Zürich\n".data(using: .utf16LittleEndian))
    #expect(read(data).findings.findings.contains { $0.rule == .notUtf8 && $0.message.contains("UTF-16") })
  }

  /// The real CFSI-era smelter list export is Windows-1252 (docs/encodings.md).
  @Test(.enabled(if: XLSXTestSupport.hasRealData)) func realLdeneviSmelterListIsWindows1252() throws {
    let url = XMLFixtures.realData.appendingPathComponent("cmrt/ldenevi_ddm/csv/smelters.csv")
    let data = try Data(contentsOf: url)
    #expect(String(data: data, encoding: .utf8) == nil)
    let decoded = CSVText.transcode(data, from: .windows1252)
    #expect(String(data: decoded, encoding: .utf8) != nil)
  }
}

/// Header problems that spreadsheet exports really have.
@Suite struct CSVHeaderTests {
  private func read(_ text: String) -> IngestedInputs {
    CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions())
  }

  @Test func trailingEmptyHeaderCellsAreIgnored() {
    let inputs = read("id,name,,\nA,a,,\nB,b,x,\n")
    #expect(inputs.entities.map(\.id) == ["A", "B"])
    #expect(inputs.entities.allSatisfy { $0.attributes.isEmpty })
    #expect(inputs.findings.findings.map(\.description) == [
      "in.csv:1: info: unnamed-column: columns 3, 4 have an empty header cell; their values are ignored"
    ])
  }

  @Test func aDuplicateNamedColumnStaysAnError() {
    let inputs = read("id,name,,name\nA,a,,b\n")
    #expect(inputs.findings.findings.map(\.rule) == [.duplicateHeader])
    #expect(inputs.entities.isEmpty)
  }

  @Test func anUnrecognisedHeaderListsEachKindsColumns() throws {
    let inputs = read("country,name,address,sector\nChina,A,x,Apparel\n")
    let finding = try #require(inputs.findings.findings.first)
    #expect(finding.rule == .unrecognisedHeader && finding.severity == .error)
    #expect(finding.message.contains("entities needs id, name (has name)"))
    #expect(finding.message.contains("country-risk needs country, category, score (has country)"))
    #expect(finding.message.contains("supplier-list needs buyer_id, supplier_id (has none)"))
    #expect(finding.message.contains("--mapping FILE") && finding.message.contains("--profile"))
  }
}
