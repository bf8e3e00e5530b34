import Foundation
import Testing
import TierscanCore
import TierscanRisk
@testable import TierscanReport

@Suite struct HTMLTests {
  @Test func statementPageIsSelfContained() throws {
    let run = try StatementSample.run(year: 2025)
    let html = run.text("statement.html")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<h2>Summary</h2>") && html.contains("<table>"))
    #expect(html.contains("<h2>Top exposures in the chain</h2>"))
    #expect(html.components(separatedBy: "<svg class=\"path\"").count - 1 >= 3 + 3)  // focus paths + per category
    #expect(html.contains("<svg class=\"coverage\""))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("<script") && !html.contains("src="))
    #expect(html.contains("Tarimvale Cotton Ginning Co., Ltd."))
    #expect(html.contains(StatementMarkdown.placeholderMarker))
    // The focus's forced-labour path PCB-GZ → BWN → NWT is drawn with its hop labels.
    #expect(html.contains("aria-label=\"PCB-GZ to NWT, forced_labour\""))
  }

  @Test func textIsEscaped() {
    #expect(MarkupText.html("<b> & \"q\" 'a'") == "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;")
    var findings = FindingLog()
    let graph = GraphBuilder().build(
      entityRecords: [
        EntityRecord(id: "F", name: "F <&> \"x\"", provenance: Provenance(file: "e", line: 2)),
        EntityRecord(id: "S", name: "<script>alert(1)</script>", provenance: Provenance(file: "e", line: 3)),
      ],
      relationshipRecords: [RelationshipRecord(from: "S", to: "F", type: .supplies, commodity: "a<b", provenance: Provenance(file: "r", line: 2))],
      findings: &findings)
    let list = [RiskListEntry(list: "L", name: "<script>alert(1)</script>", category: "forced_labour", provenance: Provenance(file: "l", line: 2))]
    let analysis = RiskEngine().analyze(graph: graph, riskList: list, countryRisk: [], smelterReferences: [], focus: graph.index(of: "F")!)
    let svg = SVGPathDiagram.render(analysis.exposure(of: graph.index(of: "F")!, in: "forced_labour")!, in: analysis)
    #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;"))
    #expect(svg.contains("a&lt;b"))
  }
}
