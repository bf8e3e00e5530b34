import TierscanCore

extension Unassessed {
  /// One `nothing-assessable` finding per input file that describes entities of the focus's chain
  /// none of which is assessed in any category (SPEC §6: a run where a whole input contributes
  /// nothing assessable says so), in file-name byte order. An entity counts for every file among
  /// its sources. The finding is a warning when some of the reasons lie in the entities' own data
  /// (``UnassessedReason/isDataGap``: no country, an unrecognised country, no commodity), and
  /// info when the reference data alone does not reach them.
  ///
  /// - Complexity: O(V · s) for s sources per entity, plus sorting the files.
  public func inputFindings(graph: SupplyGraph, tiers: [Int?]) -> [Finding] {
    struct Tally {
      var entities = 0
      var assessed = 0
      var counts = [Int](repeating: 0, count: UnassessedReason.allCases.count)
    }
    // Tallies by file number (each distinct file of a single-source entity hashed once, another
    // entity's files once per entity; the tallies changed in place), the entity's reasons found
    // once for all its files.
    var fileNumbers: [String: Int] = [:]
    var tallyList: [Tally] = []
    var reasons: [Int] = []
    let entities = graph.entities
    func number(of file: String) -> Int {
      if let number = fileNumbers[file] { return number }
      fileNumbers[file] = tallyList.count
      tallyList.append(Tally())
      return tallyList.count - 1
    }
    // The file number of each distinct single-source file, found when first met (-1: not yet).
    var numberOfFileID = [Int](repeating: -1, count: entities.sourceFileValues.count)
    var files: [Int] = []
    for v in entities.indices where tiers[v] != nil {
      files.removeAll(keepingCapacity: true)
      if let id = entities.singleSourceFileID(of: v) {
        if numberOfFileID[id] < 0 { numberOfFileID[id] = number(of: entities.sourceFileValues[id]) }
        files.append(numberOfFileID[id])
      } else {
        for source in entities.sources(of: v) {
          let number = number(of: source.file)
          if !files.contains(number) { files.append(number) }
        }
      }
      let assessed = isAssessedAnywhere(EntityIndex(v))
      reasons.removeAll(keepingCapacity: true)
      for c in categories.indices {
        if let reason = reason(of: EntityIndex(v), in: c) { reasons.append(UnassessedReason.allCases.firstIndex(of: reason)!) }
      }
      for file in files {
        tallyList[file].entities += 1
        if assessed { tallyList[file].assessed += 1 }
        for reason in reasons { tallyList[file].counts[reason] += 1 }
      }
    }
    let tallies = fileNumbers.mapValues { tallyList[$0] }
    return tallies.keys.sorted { $0.utf8Precedes($1) }.compactMap { file in
      let tally = tallies[file]!
      guard tally.assessed == 0 else { return nil }
      let byReason = zip(UnassessedReason.allCases, tally.counts).filter { $0.1 > 0 }
      let summary = byReason.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
      let isDataGap = byReason.contains { $0.0.isDataGap }
      return Finding(
        isDataGap ? .warning : .info, .nothingAssessable, at: Provenance(file: file),
        "none of the \(tally.entities) entities of the focus's chain from this file could be assessed in any "
          + "category; unassessed entity × category by reason: \(summary)"
          + (isDataGap ? "" : " (the reference data covers none of their countries or goods)"),
        evidence: [Attribute("entities", String(tally.entities))]
          + byReason.map { Attribute($0.0.rawValue, String($0.1)) })
    }
  }
}
