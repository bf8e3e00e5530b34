import Foundation
import Testing
import TierscanCore
@testable import TierscanReport
import TierscanRisk
import TierscanTestSupport

@Suite struct ExportTests {
  /// A small graph with hostile names and ids: F ← S1 ← S2, S3 operates F-site; X unrelated.
  static func graph() -> SupplyGraph {
    var findings = FindingLog()
    let p = { (line: Int) in Provenance(file: "in/e.csv", line: line) }
    let entities = [
      EntityRecord(id: "F", name: "Focus <plc> & \"Co\"", country: "GB", provenance: p(2)),
      EntityRecord(id: "S 1\"x", name: "Supplier\\One", provenance: p(3)),
      EntityRecord(id: "S2", name: "Two\nLines", provenance: p(4)),
      EntityRecord(id: "X", name: "Elsewhere", provenance: p(5)),
    ]
    let r = { (from: String, to: String, line: Int) in
      RelationshipRecord(from: from, to: to, type: .supplies, commodity: "tin & gold", provenance: Provenance(file: "in/r.csv", line: line))
    }
    return GraphBuilder().build(
      entityRecords: entities, relationshipRecords: [r("S2", "S 1\"x", 2), r("S 1\"x", "F", 3), r("S 1\"x", "F", 4)],
      findings: &findings)
  }

  @Test func subgraphIsTheNeighbourhood() {
    let g = Self.graph()
    let one = GraphSelection(around: g.index(of: "F")!, depth: 1, in: g)
    #expect(one.entities.map { g[$0].id } == ["F", "S 1\"x"])
    #expect(one.relationships.count == 2)  // both parallel S1 → F edges
    let two = GraphSelection(around: g.index(of: "F")!, depth: 2, in: g)
    #expect(two.entities.map { g[$0].id } == ["F", "S 1\"x", "S2"])
    #expect(two.relationships.count == 3)
    #expect(GraphSelection(around: g.index(of: "X")!, depth: 5, in: g).relationships.isEmpty)
  }

  @Test func jsonExportOfTheWholeGraphIsGraphJSON() {
    let g = Self.graph()
    #expect(GraphExport.render(g, format: .json) == GraphJSON.render(g))
  }

  @Test func graphMLDeclaresKeysAndEscapes() {
    let text = GraphExport.render(Self.graph(), format: .graphml)
    #expect(text.contains("attr.name=\"commodity\""))
    #expect(text.contains("attr.name=\"confidence\" attr.type=\"double\""))
    #expect(text.contains("<node id=\"S 1&quot;x\">"))
    #expect(text.contains("Focus &lt;plc&gt; &amp; &quot;Co&quot;"))
    #expect(text.components(separatedBy: "<edge ").count - 1 == 3)
  }

  @Test func dotQuotesIDs() {
    let text = GraphExport.render(Self.graph(), format: .dot)
    #expect(text.contains("\"S 1\\\"x\" -> \"F\""))
    #expect(text.contains("\"name\"=\"Supplier\\\\One\""))
    #expect(text.contains("Two\\nLines"))
  }

  /// Runs `tool arguments… FILE` with `input` written to a temporary FILE; `nil` when the tool is not installed.
  static func run(_ tool: String, _ arguments: [String], input: String) -> (status: Int32, out: String)? {
    guard let path = ["/usr/bin/", "/usr/local/bin/", "/bin/"].map({ $0 + tool }).first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let file = TestScratch.directory.appendingPathComponent("tierscan-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    guard (try? Data(input.utf8).write(to: file)) != nil else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments + [file.path]
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func networkxReadsTheSampleGraphML() throws {
    let run = try StatementSample.run(year: 2025)
    let text = GraphExport.render(run.analysis.graph, format: .graphml, analysis: run.analysis)
    let script = """
      import sys
      try:
          import networkx as nx
      except ImportError:
          print("skip"); sys.exit(0)
      g = nx.read_graphml(sys.argv[1])
      print(g.number_of_nodes(), g.number_of_edges(), g.nodes["GIN-XJ"]["level_forced_labour"], g.nodes["GIN-XJ"]["tier"])
      """
    guard let result = Self.run("python3", ["-c", script], input: text), result.out != "skip\n" else { return }
    #expect(result.status == 0)
    #expect(result.out == "\(run.analysis.graph.entityCount) \(run.analysis.graph.relationshipCount) critical 4\n")
    let small = Self.run("python3", ["-c", script.replacingOccurrences(of: ", g.nodes[\"GIN-XJ\"][\"level_forced_labour\"], g.nodes[\"GIN-XJ\"][\"tier\"]", with: "")], input: GraphExport.render(Self.graph(), format: .graphml))
    #expect(small?.out == "4 3\n")
  }

  @Test func graphvizRendersTheDOT() throws {
    let run = try StatementSample.run(year: 2025)
    for text in [GraphExport.render(run.analysis.graph, format: .dot, analysis: run.analysis), GraphExport.render(Self.graph(), format: .dot)] {
      guard let result = Self.run("dot", ["-Tsvg"], input: text) else { return }
      #expect(result.status == 0)
      #expect(result.out.contains("<svg"))
    }
  }
}
