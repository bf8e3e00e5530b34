import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

@testable import TierscanIngest

/// ``IngestOptions/readsRelationshipRows`` `false` (`tierscan resolve`): a CSV recognised by its
/// header as relationships is recognised, its rows are not parsed, and one info `not-read` says
/// so; every other kind is read as always. ``RelationshipHeaderProbe`` reads only the header of a
/// large file and must give exactly what the whole file gives.
@Suite struct RelationshipRowsNotReadTests {
  static var skipping: IngestOptions {
    var options = IngestOptions()
    options.readsRelationshipRows = false
    return options
  }

  static let note =
    "rel.csv: info: not-read: a relationships file (from, to, type): its rows are not read, because resolve "
    + "compares entities only; they are not checked either (run `tierscan validate` for that)"

  private func lines(_ inputs: IngestedInputs) -> [String] { inputs.findings.findings.map(\.description) }

  /// Rows that would give errors (an unknown type, a ragged row, a bad share) give none: they are
  /// not read; the file's summary says relationships with no record read.
  @Test func relationshipRowsAreNotParsedAndTheFileIsNoted() {
    let text = "from,to,type,share\nA,B,supplies,\nA,B,sells,\nA,B\nA,B,owns,250\n"
    let skipped = CSVInputReader.read(data: Data(text.utf8), displayPath: "rel.csv", options: Self.skipping)
    #expect(lines(skipped) == [Self.note])
    #expect(skipped.relationships.isEmpty)
    #expect(skipped.files == [InputFileSummary(path: "rel.csv", kind: .relationships)])
    // Read as always without the option: the errors are there.
    let read = CSVInputReader.read(data: Data(text.utf8), displayPath: "rel.csv", options: IngestOptions())
    #expect(read.relationships.count == 1)
    #expect(read.findings.findings.contains { $0.severity == .error })
  }

  /// Entities, supplier lists (which carry entities), risk lists and a file whose header matches
  /// no kind are read exactly as without the option.
  @Test(arguments: [
    "id,name,country\nA,Alpha Ltd,CN\nB,Beta\n",
    "buyer_id,supplier_id,supplier_name\nF,S1,Supplier One\nF,S2\n",
    "list,name,category\nUFLPA,Alpha Ltd,forced_labour\n",
    "foo,bar\n1,2\n",
    "id,name,name\nA,B,C\n",
  ])
  func otherKindsAreReadAsAlways(_ text: String) {
    let skipping = CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: Self.skipping)
    let reading = CSVInputReader.read(data: Data(text.utf8), displayPath: "in.csv", options: IngestOptions())
    #expect(lines(skipping) == lines(reading))
    #expect(skipping.files == reading.files)
    #expect(skipping.entities.count == reading.entities.count)
    #expect(skipping.relationships.count == reading.relationships.count)
    #expect(skipping.riskList.count == reading.riskList.count)
  }

  /// A header that names entity columns beside `from`, `to`, `type` is relationships for every
  /// command (the first matching kind, docs/formats.md), so its `id`/`name` are edge attributes
  /// when read, and nothing is lost when its rows are not read.
  @Test func aRelationshipsHeaderWithEntityColumnsIsRelationshipsEitherWay() {
    let text = "id,name,country,from,to,type\nX1,Alpha Ltd,CN,A,B,supplies\n"
    let reading = CSVInputReader.read(data: Data(text.utf8), displayPath: "rel.csv", options: IngestOptions())
    #expect(reading.entities.isEmpty)
    #expect(reading.files.map(\.kind) == [.relationships])
    let skipping = CSVInputReader.read(data: Data(text.utf8), displayPath: "rel.csv", options: Self.skipping)
    #expect(skipping.entities.isEmpty)
    #expect(lines(skipping) == [Self.note])
  }

  /// A relationships file larger than the probe's prefix: read through the probe (its header
  /// only) it gives the same findings and summary as the whole file read with the option, and
  /// the probe answers; with a header split by the prefix end, a CR-only line end, a UTF-16
  /// byte-order mark or an entities header it does not.
  @Test func theProbeGivesWhatTheWholeFileGives() throws {
    var text = "From, to ,TYPE,,share\n"
    var row = 0
    while text.utf8.count <= RelationshipHeaderProbe.prefixSize * 2 {
      text += "E\(row),E\(row + 1),\(row % 7 == 0 ? "sells" : "supplies"),x,\(row % 5 == 0 ? "250" : "")\n"
      row += 1
    }
    let url = TestScratch.directory.appendingPathComponent("tierscan-probe-\(UUID().uuidString)-rel.csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(text.utf8).write(to: url)
    let file = InputFile(path: url.path)
    let header = try #require(RelationshipHeaderProbe.header(of: file, options: Self.skipping))
    #expect(header == Data("From, to ,TYPE,,share\n".utf8))
    let probed = CSVInputReader.read(file, options: Self.skipping)
    let whole = CSVInputReader.read(data: Data(text.utf8), displayPath: url.path, options: Self.skipping)
    #expect(lines(probed) == lines(whole))
    #expect(probed.files == whole.files)
    #expect(probed.relationships.isEmpty)
    // The header's empty cell is still said (an info at line 1), then the note.
    #expect(lines(probed).map { $0.contains("unnamed-column") } == [true, false])

    // Without the option the probe is not asked and every row is read.
    #expect(CSVInputReader.read(file, options: IngestOptions()).relationships.count > 1000)

    let prefix = Data(text.utf8.prefix(RelationshipHeaderProbe.prefixSize))
    #expect(RelationshipHeaderProbe.header(inPrefix: prefix, options: Self.skipping) != nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("from,to,ty".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("from,to,type".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("from,to,type\r".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("\"from\nx\",to,type\n".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("\"from\",to,type\nA".utf8), options: Self.skipping) != nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("id,name\nA,B\n".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data("from,to,type,to\nA".utf8), options: Self.skipping) == nil)
    #expect(RelationshipHeaderProbe.header(inPrefix: Data([0xFF, 0xFE, 0x66, 0x00]), options: Self.skipping) == nil)
    var encoded = Self.skipping
    encoded.encoding = .windows1252
    #expect(RelationshipHeaderProbe.header(of: file, options: encoded) == nil)
  }
}
