import TierscanCore
import TierscanMatch

/// `review.html`: a self-contained page (no scripts, no external resources) listing the
/// candidates by cluster, risk-list clusters first, each pair with its features and the
/// judgement lines to paste into a judgements CSV.
public enum ResolveReviewHTML {
  /// The page.
  public static func render(_ report: ResolveReport) -> String { String(decoding: bytes(report), as: UTF8.self) }

  /// The page's bytes: the same as ``renderWithStrings(_:)``, written straight into one buffer
  /// (``OutputBytes``; at a million entities the page has ~13,000 pairs, 9 MB, and building it
  /// from interpolated and escaped strings took ~0.2 s of one core, the longest part of
  /// `write outputs`).
  static func bytes(_ report: ResolveReport) -> [UInt8] {
    var out = OutputBytes(capacity: 4_096 + report.candidates.count * 720)
    out.append(pageHead)
    out.appendHTML(ResolveOutput.summary(report))
    out.append("</pre>\n")
    var line = OutputBytes(capacity: 256)
    var cluster = 0
    // Read in place: a loop variable would copy each candidate, retaining and releasing its
    // dozen strings and arrays.
    report.candidates.withUnsafeBufferPointer { candidates in
      for i in candidates.indices {
        if candidates[i].cluster != cluster {
          if cluster != 0 { out.append("</tbody></table>\n") }
          cluster = candidates[i].cluster
          out.append("<h2 id=\"cluster-")
          out.append(integer: cluster)
          out.append("\">Cluster ")
          out.append(integer: cluster)
          out.append(clusterTableHead)
        }
        appendRow(candidates[i], to: &out, line: &line)
      }
    }
    if cluster != 0 { out.append("</tbody></table>\n") }
    if report.candidates.isEmpty { out.append("<p>No candidate pairs.</p>\n") }
    out.append("</body></html>\n")
    return out.bytes
  }

  /// One candidate's table row (`line`: scratch for its judgement lines).
  private static func appendRow(_ c: borrowing ResolveCandidate, to out: inout OutputBytes, line: inout OutputBytes) {
    out.append("<tr class=\"")
    out.append(c.decision.rawValue)
    out.append("\"><td>")
    if c.kind == .riskList {
      out.append("<span class=\"risk\">risk-list</span>")
    } else {
      out.append(c.kind.rawValue)
    }
    out.append("<br>")
    out.append(c.decision.rawValue)
    if let judgement = c.judgement {
      out.append("<br>judged ")
      out.appendHTML(judgement.decision.rawValue)
      out.append(" at ")
      out.appendHTML(judgement.provenance.description)
    }
    out.append("</td><td>")
    appendSide(c.left, to: &out)
    out.append("</td><td>")
    appendSide(c.right, to: &out)
    out.append("</td><td>")
    out.append(CSVWriter.score(MatchFeatures.rounded(c.features.similarity)))
    out.append("</td><td>")
    out.appendHTML(c.features.summary)
    out.append("</td><td><code>")
    ResolveCandidate.writeJudgementLine(c.left.key, c.right.key, .same, into: &line)
    out.appendHTML(contentsOf: line)
    out.append("</code><code>")
    ResolveCandidate.writeJudgementLine(c.left.key, c.right.key, .notSame, into: &line)
    out.appendHTML(contentsOf: line)
    out.append("</code></td></tr>\n")
  }

  /// One side of a pair: name, key, country and address.
  private static func appendSide(_ r: borrowing MatchRecord, to out: inout OutputBytes) {
    out.append("<b>")
    out.appendHTML(r.name)
    out.append("</b><br>")
    out.appendHTML(r.key)
    if let country = r.country {
      out.append(" · ")
      out.appendHTML(country)
    }
    if let address = r.address {
      out.append("<br><small>")
      out.appendHTML(address)
      out.append("</small>")
    }
  }

  /// The page up to the summary (inside `<pre>`).
  static let pageHead: StaticString = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>tierscan resolve: candidates for review</title>
    <style>
    body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}
    table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
    th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left;font-size:.9em}
    .same{background:#fde2e2}.possible{background:#fff4d6}.risk{font-weight:bold;color:#a00}
    code{font-size:.85em;background:#f4f4f4;padding:.1em .3em;display:block;margin:.2em 0;white-space:pre-wrap}
    </style></head><body>
    <h1>Candidates for review</h1>
    <p>Each pair may be one entity. Decide, then paste a line into a judgements CSV with the header
    <code>left,right,decision,reviewer,decided_on,reason</code> and give it to the next run
    (docs/entity-resolution.md). Clusters with risk-list hits come first.</p>
    <pre>
    """

  /// What follows a cluster's heading number: the end of the heading and the table's head.
  static let clusterTableHead =
    "</h2>\n<table><thead><tr><th>kind</th><th>left</th>"
    + "<th>right</th><th>similarity</th><th>features</th><th>judgement line</th></tr></thead><tbody>\n"

  /// The reference rendering from interpolated, escaped strings (kept for tests of ``bytes(_:)``).
  static func renderWithStrings(_ report: ResolveReport) -> String {
    func h(_ text: String) -> String { MarkupText.html(text) }
    // The page's head is the one constant both renderings share; what follows it is rendered
    // independently.
    var out = "\(pageHead)" + h(ResolveOutput.summary(report)) + "</pre>\n"
    var cluster = 0
    for c in report.candidates {
      if c.cluster != cluster {
        if cluster != 0 { out += "</tbody></table>\n" }
        cluster = c.cluster
        out += "<h2 id=\"cluster-\(cluster)\">Cluster \(cluster)</h2>\n<table><thead><tr><th>kind</th><th>left</th>"
          + "<th>right</th><th>similarity</th><th>features</th><th>judgement line</th></tr></thead><tbody>\n"
      }
      func side(_ r: MatchRecord) -> String {
        "<b>\(h(r.name))</b><br>\(h(r.key))" + (r.country.map { " · \(h($0))" } ?? "")
          + (r.address.map { "<br><small>\(h($0))</small>" } ?? "")
      }
      let kind = c.kind == .riskList ? "<span class=\"risk\">risk-list</span>" : c.kind.rawValue
      let judged = c.judgement.map { "<br>judged \(h($0.decision.rawValue)) at \(h($0.provenance.description))" } ?? ""
      out += "<tr class=\"\(c.decision.rawValue)\"><td>\(kind)<br>\(c.decision.rawValue)\(judged)</td>"
        + "<td>\(side(c.left))</td><td>\(side(c.right))</td>"
        + "<td>\(CSVWriter.score(MatchFeatures.rounded(c.features.similarity)))</td>"
        + "<td>\(h(c.features.summary))</td>"
        + "<td><code>\(h(c.judgementLine(.same)))</code><code>\(h(c.judgementLine(.notSame)))</code></td></tr>\n"
    }
    if cluster != 0 { out += "</tbody></table>\n" }
    if report.candidates.isEmpty { out += "<p>No candidate pairs.</p>\n" }
    return out + "</body></html>\n"
  }
}
