import TierscanCore

/// Risk-list matches that raised r₀ but were not listed because the entity already lists
/// ``RiskConfig/maxListMatchesPerEntity`` matches in the category; reported once per category
/// as warning `list-matches-not-listed` at the first such row.
struct NotListedMatches {
  private struct Tally {
    var matches = 0
    var rows = 0
    var lastRow: Provenance?
    let firstRow: Provenance
  }

  /// By category index.
  private var tallies: [Int: Tally] = [:]

  /// Counts `count` matches of `row` in category `category` as not listed.
  mutating func add(_ count: Int, row: RiskListEntry, category: Int) {
    guard count > 0 else { return }
    var tally = tallies[category] ?? Tally(firstRow: row.provenance)
    tally.matches += count
    if tally.lastRow != row.provenance { tally.rows += 1 }
    tally.lastRow = row.provenance
    tallies[category] = tally
  }

  /// One warning per category with matches not listed, in category order.
  func report(limit: Int, categories: [String], findings: inout FindingLog) {
    for category in tallies.keys.sorted() {
      guard let tally = tallies[category] else { continue }
      findings.add(
        .warning, .listMatchesNotListed, at: tally.firstRow,
        "\(tally.matches) risk-list match(es) of \(tally.rows) row(s) in \(categories[category]) are not listed: "
          + "the entities they match already list matching.max_list_matches_per_entity (\(limit)) matches in "
          + "the category; they still count toward r₀; raise the limit to list them",
        evidence: [
          Attribute("category", categories[category]), Attribute("matches", String(tally.matches)),
          Attribute("rows", String(tally.rows)), Attribute("limit", String(limit)),
        ])
    }
  }
}
