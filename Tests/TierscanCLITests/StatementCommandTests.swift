import Foundation
import Testing
import TierscanCore
import TierscanReport
import TierscanTestSupport

@Suite struct StatementCommandTests {
  static func temp() -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func statementThenDiffOnTheSample() throws {
    guard TierscanBinary.url != nil else { return }
    let dir = Self.temp()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = try TierscanBinary.run(["statement", "SampleData/2024", "--focus", "NWT", "--year", "2024", "--out", dir.path + "/s24"])
    #expect(a.status == 0)
    let b = try TierscanBinary.run([
      "statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--regime", "uk", "--previous", dir.path + "/s24",
      "--out", dir.path + "/s25",
    ])
    #expect(b.status == 0)
    #expect(b.stdout.contains("statement pack for NWT, 2025: 7 sections, 75 entities below the focus (suppliers 56, smelters 10, mines 9)"))
    #expect(b.stdout.contains("exposed below the focus: 36 distinct entities, 61 entity × category;"))
    for name in ["statement.json", "statement.md", "statement.html", "graph.json", "exposures.csv"] {
      #expect(FileManager.default.fileExists(atPath: dir.path + "/s25/" + name))
    }
    let diff = try TierscanBinary.run(["diff", dir.path + "/s24", dir.path + "/s25"])
    #expect(diff.status == 0)
    #expect(diff.stdout.contains("CID900516  Ganzhou Bluestone Tungsten Smelting Co., Ltd.: active -> conformant"))
    let csv = try TierscanBinary.run(["diff", dir.path + "/s24", dir.path + "/s25", "--format", "csv"])
    #expect(csv.stdout.contains("\nentity-removed,GAR-BD2,"))
    let missing = try TierscanBinary.run(["diff", dir.path + "/nope", dir.path + "/s25"])
    #expect(missing.status == 64 && missing.stderr.contains("not a directory"))
    let refused = try TierscanBinary.run(["statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--out", "SampleData/2025/out"])
    #expect(refused.status == 64)
  }

  @Test func exportFormatsAndSubgraph() throws {
    guard TierscanBinary.url != nil else { return }
    let dir = Self.temp()
    defer { try? FileManager.default.removeItem(at: dir) }
    let dot = try TierscanBinary.run(["export", "SampleData/2025", "--format", "dot", "--subgraph", "GWW", "--depth", "1"])
    #expect(dot.status == 0 && dot.stdout.hasPrefix("digraph \"supply_chain\" {"))
    #expect(dot.stdout.contains("\"GWW\" -> \"NWT\""))
    let out = dir.appendingPathComponent("g.graphml").path
    let graphml = try TierscanBinary.run(["export", "SampleData/2025", "--format", "graphml", "--focus", "NWT", "--out", out])
    #expect(graphml.status == 0 && graphml.stdout.isEmpty)
    #expect((try? String(contentsOfFile: out, encoding: .utf8))?.contains("attr.name=\"score_forced_labour\"") == true)
    let usage = try TierscanBinary.run(["export", "SampleData/2025", "--format", "dot", "--subgraph", "GWW"])
    #expect(usage.status == 64)
  }

  @Test func regimeListEqualsBothAndRejectsUnknownNames() throws {
    guard TierscanBinary.url != nil else { return }
    let dir = Self.temp()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, regime) in [("both", "both"), ("list", "au,uk")] {
      let run = try TierscanBinary.run(["statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--regime", regime, "--out", dir.path + "/" + name])
      #expect(run.status == 0)
    }
    for file in ["statement.md", "statement.json", "statement.html"] {
      let a = try Data(contentsOf: dir.appendingPathComponent("both/" + file))
      let b = try Data(contentsOf: dir.appendingPathComponent("list/" + file))
      #expect(a == b, "\(file)")
    }
    let bad = try TierscanBinary.run(["statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--regime", "uk,fr", "--out", dir.path + "/bad"])
    #expect(bad.status == 64)
  }

  @Test func canadaRegimeWritesEveryAreaAndEveryQuestionOfTheVersion() throws {
    guard TierscanBinary.url != nil else { return }
    let dir = Self.temp()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TierscanBinary.run(["statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--regime", "uk,au,ca", "--out", dir.path + "/s"])
    #expect(run.status == 0)
    let md = try String(contentsOf: dir.appendingPathComponent("s/statement.md"), encoding: .utf8)
    for heading in ["## UK Modern Slavery Act 2015", "## Australian Modern Slavery Act 2018", "## Canada, Fighting Against Forced Labour"] {
      #expect(md.contains(heading), "\(heading)")
    }
    for area in ["a", "b", "c", "d", "e", "f", "g"] { #expect(md.contains("### CA S-211 s.11(3)(\(area)) "), "s.11(3)(\(area))") }
    #expect(md.contains("### CA S-211 s.11(1) ") && md.contains("### CA S-211 s.11(4)–(5) Approval"))
    let json = try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent("s/statement.json"))))
    #expect(json["statement"]?["regimes"]?.arrayValue == [.string("uk"), .string("au"), .string("ca")])
    // Every question of the 2024 questionnaire, in order, pre-filled or marked for the organisation.
    let sheet = try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent("s/questionnaire.json"))))
    #expect(sheet["version"]?.stringValue == "2024")
    let answers = try #require(sheet["answers"]?.arrayValue)
    let expected = S211Questionnaire.questions(version: "2024")!.map { "\($0.part) \($0.number)" }
    #expect(answers.map { "\($0["part"]!.stringValue!) \($0["number"]!.stringValue!)" } == expected)
    #expect(expected.contains("annual-report 17.1") && expected.count == 39)
    for answer in answers {
      let status = answer["status"]?.stringValue
      #expect(status == "pre-filled" || status == "for-the-organisation")
      #expect((status == "pre-filled") == !(answer["answer"]?.arrayValue ?? []).isEmpty)
    }
    let byNumber = Dictionary(uniqueKeysWithValues: answers.map { ("\($0["part"]!.stringValue!) \($0["number"]!.stringValue!)", $0) })
    #expect(byNumber["annual-report 8"]?["answer"]?.arrayValue == [.string("yes, we have started the process but there are gaps")])
    #expect(byNumber["annual-report 1"]?["answer"]?.arrayValue?.contains(.string("auditing suppliers")) == true)
    #expect(byNumber["annual-report 15"]?["status"]?.stringValue == "for-the-organisation")
    let csv = try String(contentsOf: dir.appendingPathComponent("s/questionnaire.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 40 && csv.hasPrefix("version,part,number,topic,kind,status,answer,basis\n2024,identifying,1,"))
    // No personal data: the audit inputs' free text never reaches the pack.
    #expect(!md.contains("Harbourline"))
    let unknown = try TierscanBinary.run(["statement", "SampleData/2025", "--focus", "NWT", "--year", "2025", "--regime", "ca", "--questionnaire-version", "1999", "--out", dir.path + "/q"])
    #expect(unknown.status == 64)
  }
}