import Foundation
import Testing
import TierscanCore
import TierscanTestSupport

/// `scan --html`: report.html is self-contained and deterministic, shows the caveats, the
/// unassessed reasons and the ties, and its table sorts and filters in a real browser.
@Suite(.serialized) struct ReportHTMLTests {
  private func temporaryDirectory() throws -> URL {
    let url = TestScratch.directory.appendingPathComponent("tierscan-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Scans `input` with `--html` into a new directory and returns it.
  private func report(_ input: String, focus: String) throws -> URL {
    let out = try temporaryDirectory().appendingPathComponent("scan")
    let result = try TierscanBinary.run(["scan", input, "--focus", focus, "--html", "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    return out
  }

  @Test func sampleReportIsSelfContainedDeterministicAndHonest() throws {
    let a = try report("SampleData/2025", focus: "NWT")
    let b = try report("SampleData/2025", focus: "NWT")
    defer { for d in [a, b] { try? FileManager.default.removeItem(at: d.deletingLastPathComponent()) } }
    let bytes = try Data(contentsOf: a.appendingPathComponent("report.html"))
    #expect(bytes == (try Data(contentsOf: b.appendingPathComponent("report.html"))))
    let html = String(decoding: bytes, as: UTF8.self)
    // Self-contained: no external reference of any kind.
    for needle in ["http://", "https://", "src=", "<link", "@import"] { #expect(!html.contains(needle), "\(needle)") }
    // Caveats, definitions, ties, unassessed reasons, why a source is flagged.
    #expect(html.contains("<b>forced_labour</b>: 62 of 76 entities of the chain (82%) are <b>unassessed</b>"))
    #expect(html.contains("GAR-BD — and 1 other source with the same score"))
    #expect(html.contains("<div class=\"n\">56</div><div>suppliers (companies 46, facilities 10)</div>"))
    #expect(html.contains("<div class=\"n\">15 (30%)</div><div>unmapped, of 50 suppliers that can be</div>"))
    #expect(html.contains("<div class=\"n\">36</div><div>exposed entities (distinct)</div>"))
    #expect(html.contains("<div class=\"n\">61</div><div>exposures (entity × category)</div>"))
    #expect(html.contains("status non-conformant (&#39;non-conformant&#39;) in the status reference, which gives no as-of date")
      || html.contains("status non-conformant ('non-conformant') in the status reference, which gives no as-of date"))
    #expect(html.contains("<td>unmapped-commodity</td><td>info</td>"))
    // The manifest hashes report.html like every other output.
    let manifest = try String(contentsOf: a.appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"report.html\""))
  }

  @Test func reportNeedsAnOutputDirectory() throws {
    let result = try TierscanBinary.run(["scan", "SampleData/2025", "--focus", "NWT", "--html"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--html needs --out"))
  }

  @Test(.enabled(if: HeadlessChromium.isAvailable, Comment(rawValue: HeadlessChromium.skipMessage)))
  func tableSortsAndFiltersInHeadlessChromium() throws {
    let out = try report("SampleData/2025", focus: "NWT")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let page = "file://" + out.appendingPathComponent("report.html").path
    // Unfiltered: the script ran and counted every row.
    let all = try #require(try HeadlessChromium.dumpDOM(page), "chromium --dump-dom failed")
    #expect(all.contains("data-ready=\"true\""))
    #expect(all.contains("id=\"rowcount\">Showing 61 of 61 exposures<"))
    // The static page says "61 exposures listed": the count above comes from the script.
    #expect(!(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)).contains("Showing 61 of 61"))
    // Text filter from the URL fragment: GIN-XJ matches its own row and MILL-CN's (source GIN-XJ);
    // every other row is hidden.
    let one = try #require(try HeadlessChromium.dumpDOM(page + "#q=GIN-XJ"))
    #expect(one.contains("id=\"rowcount\">Showing 2 of 61 exposures<"))
    #expect(one.components(separatedBy: "<tr data-cat=").count - 1 == 61)
    #expect(one.components(separatedBy: "\" hidden=\"\">").count - 1 == 59)
    // Category and level filters: conflict_minerals at critical are CID900358 and the two DRC mines.
    let critical = try #require(try HeadlessChromium.dumpDOM(page + "#cat=conflict_minerals&lvl=critical"))
    #expect(critical.contains("id=\"rowcount\">Showing 3 of 61 exposures<"))
    // Sorting by entity id ascending puts BWN first (the ranked order starts with EMS-PEN-F1).
    let sorted = try #require(try HeadlessChromium.dumpDOM(page + "#sort=entity"))
    let firstRow = try #require(sorted.range(of: "<tr data-cat=")).upperBound
    #expect(sorted[firstRow...].prefix(200).contains("<td>BWN</td>"))
    #expect(sorted.contains("data-key=\"entity\" aria-sort=\"ascending\""))
  }

  @Test(.enabled(if: HeadlessChromium.isAvailable, Comment(rawValue: HeadlessChromium.skipMessage)))
  func unreadableCountriesAreUnassessedInTheReport() throws {
    let out = try report("Tests/Fixtures/unassessed", focus: "FOCUS")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let dom = try #require(try HeadlessChromium.dumpDOM("file://" + out.appendingPathComponent("report.html").path))
    // Never "no exposure" alone: each category says none found next to its unassessed count and reasons.
    #expect(dom.contains("<td>forced_labour</td><td><span class=\"lvl none found\">none found</span></td>"))
    #expect(dom.contains("<td>3 of 4 (75%)</td>"))
    #expect(dom.contains("unknown-country 2 (country not recognised); no-country 1 (no country)"))
    #expect(dom.contains("id=\"rowcount\">Showing 0 of 0 exposures<"))
  }
}
