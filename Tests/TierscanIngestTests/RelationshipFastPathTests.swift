import Foundation
import Testing
import TierscanCore
@testable import TierscanIngest
import TierscanTestSupport

/// The byte-level relationship fast path plus the general reader for every other row must give
/// exactly what the general reader alone gives: records, ids in first-occurrence order, findings,
/// counts.
@Suite struct RelationshipFastPathTests {
  private func read(_ text: String, fast: Bool, splitAbove: Int = .max, limits: IngestLimits = IngestLimits())
    -> IngestedInputs
  {
    var options = IngestOptions()
    options.limits = limits
    return CSVInputReader.read(
      data: Data(text.utf8), displayPath: "rel.csv", options: options, splitAbove: splitAbove, fastPath: fast)
  }

  private func expectSame(_ text: String, limits: IngestLimits = IngestLimits()) {
    let general = read(text, fast: false, limits: limits)
    for splitAbove in [Int.max, 0] {
      let fast = read(text, fast: true, splitAbove: splitAbove, limits: limits)
      #expect(Array(fast.relationships) == Array(general.relationships), "\(text.debugDescription)")
      #expect(fast.relationships.ids == general.relationships.ids)
      #expect(fast.relationships.idFirstRow == general.relationships.idFirstRow)
      #expect(fast.findings.findings == general.findings.findings, "\(text.debugDescription)")
      #expect(fast.files == general.files)
    }
  }

  @Test func plainRowsGiveExactValues() {
    let text = """
      from,to,type,commodity,hs_code,share,basis,confidence,reporting_year
      E1,E2,supplies,Cotton,5201,,declared,0.25,2023
      H, E1 ,owns,,,40.5,,,
      E2,E3,operates,,,,observed,1,02024

      """
    let result = read(text, fast: true)
    #expect(
      Array(result.relationships) == [
        RelationshipRecord(
          from: "E1", to: "E2", type: .supplies, commodity: "cotton", hsCode: "5201", basis: .declared,
          confidence: 0.25, reportingYear: 2023, provenance: Provenance(file: "rel.csv", line: 2)),
        RelationshipRecord(
          from: "H", to: "E1", type: .owns, share: 40.5, provenance: Provenance(file: "rel.csv", line: 3)),
        RelationshipRecord(
          from: "E2", to: "E3", type: .operates, basis: .observed, confidence: 1, reportingYear: 2024,
          provenance: Provenance(file: "rel.csv", line: 4)),
      ])
    // Distinct ids in first-occurrence order, each with the record it first occurs in.
    #expect((0..<result.relationships.ids.count).map { result.relationships.ids.string(at: $0) } == ["E1", "E2", "H", "E3"])
    #expect(result.relationships.idFirstRow == [0, 0, 1, 2])
    #expect(result.files.map(\.recordsAccepted) == [3])
    expectSame(text)
  }

  @Test func decimalConversionMatchesDoubleParsing() {
    for text in ["0.1", "0.3", "0.7", "99.99", "33.333333333333", "0.123456789012345", "100", "007.50", "1.000000000000001"] {
      let digits = text.filter(\.isNumber).count
      guard digits <= 15 else { continue }
      let result = read("from,to,type,share\nA,B,owns,\(text)\n", fast: true)
      #expect(result.relationships.first?.share == Double(text), "\(text)")
    }
  }

  @Test func seededRandomRowsMatchTheGeneralParser() {
    var rng = SplitMix64(seed: 7)
    let ids = ["E1", "A", " B ", "=F", "-x", "@y", "+z", "", "Çelik", "\"q\"", "\"A\"", "a b", "E1\t", "\u{7F}x"]
    let types = ["supplies", "owns", "operates", "subcontracts", "Supplies", "OWNS", "bogus", "", " owns ", "\"owns\""]
    let commodities = ["cotton", "Cotton", "TIN", "", " tin ", "Ünïcode", "cobalt;tin", "\"x,y\""]
    let hsCodes = ["6109", "", "x", " 5201 ", "ü"]
    let numbers = [
      "", "50", "100", "100.0", "0", "101", "1e2", "0x10", "5.", ".5", "-5", "50.123456789012345", "nan", "inf",
      " 50 ", "0.5", "1", "1.0", "0.0000001", "1.5", "+1", "00.25", "1..2", "1.2.3", "0.333333333333333",
    ]
    let bases = ["declared", "observed", "inferred", "Observed", "bogus", "", " declared "]
    let years = ["2024", "02024", "+2024", "-5", "1e3", "9999999999", "123456789", "x", "", " 2023 "]
    let extras = ["", "", "v", " ", "\"\""]
    let ends = ["\n", "\n", "\n", "\r\n", "\r", "\n\n"]
    let layouts: [[String]] = [
      ["from", "to", "type", "commodity", "hs_code", "share", "basis", "confidence", "reporting_year"],
      ["type", "to", "from", "share", "confidence"],
      ["from", "to", "type", "source", "basis", "reporting_year", "Note"],
      ["From", " TO ", "type", "commodity"],
    ]
    for _ in 0..<400 {
      let layout = layouts[Int(rng.next() % UInt64(layouts.count))]
      var text = layout.joined(separator: ",") + "\n"
      for _ in 0..<Int(rng.next() % 25) {
        var fields: [String] = layout.map { column in
          func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }
          switch column.trimmingCharacters(in: .whitespaces).lowercased() {
          case "from", "to": return pick(ids)
          case "type": return rng.next() % 3 == 0 ? pick(types) : "owns"
          case "commodity": return pick(commodities)
          case "hs_code": return pick(hsCodes)
          case "share", "confidence": return pick(numbers)
          case "basis": return pick(bases)
          case "reporting_year": return pick(years)
          default: return pick(extras)
          }
        }
        if rng.next() % 15 == 0 { fields.removeLast() }
        if rng.next() % 15 == 0 { fields.append("x") }
        text += fields.joined(separator: ",") + ends[Int(rng.next() % UInt64(ends.count))]
      }
      if rng.next() % 5 == 0 { text += "E9,E8,supplies" }  // final record without a line end
      expectSame(text)
    }
  }

  @Test func rowsNearTheLimitsGoThroughTheGeneralReader() {
    var limits = IngestLimits()
    limits.maxFieldBytes = 6
    limits.maxRecordBytes = 20
    expectSame("from,to,type\nAAAAAAA,B,supplies\nA,B,owns\nA,BBBBBB,operates\n", limits: limits)
  }
}
